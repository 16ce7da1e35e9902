import {html, nothing} from 'lit';
import type {ISCommertialOffer} from '../../client/types.js';
import {discountPercent} from '../../i18n/format.js';
import {bestInstallment} from './offer.js';
import type {CatalogMessages} from './catalog.messages.js';

/**
 * The price block: selling price, list price struck through with the discount percentage, and the best
 * installment plan ("12x R$ 10,00"). Search prices are decimals; `money` formats them in the store's currency.
 * Parts: `price`, `selling-price`, `list-price`, `discount`, `installments`.
 */
export function renderPrice(
  offer: ISCommertialOffer | undefined,
  m: CatalogMessages,
  money: (value: number) => string,
) {
  if (!offer) return html`<div class="price" part="price"></div>`;
  const selling = offer.Price;
  const list = offer.ListPrice;
  const pct = discountPercent(list, selling);
  const plan = bestInstallment(offer);
  return html`<div class="price" part="price">
    <div class="price-line">
      ${
        pct > 0
          ? html`<s class="list-price" part="list-price"
              ><span class="visually-hidden">${m.listPrice} </span>${money(list)}</s
            >`
          : nothing
      }
      <span class="selling-price" part="selling-price"
        >${pct > 0 ? html`<span class="visually-hidden">${m.sellingPrice} </span>` : nothing}${money(selling)}</span
      >
      ${pct > 0 ? html`<span class="discount" part="discount">${m.discount(pct)}</span>` : nothing}
    </div>
    ${
      plan
        ? html`<div class="installments" part="installments">
            ${m.installments(plan.NumberOfInstallments, money(plan.Value))}${plan.InterestRate === 0 ? ` ${m.interestFree}` : ''}
          </div>`
        : html`<div class="installments" part="installments"></div>`
    }
  </div>`;
}
