import {html, nothing} from 'lit';
import {ifDefined} from 'lit/directives/if-defined.js';
import type {ISProduct, ISSku} from '../../client/types.js';
import type {CatalogMessages} from './catalog.messages.js';
import {imageOf, isAvailable, offerOf, selectionOf, skuAxes, valueState, variationOf} from './offer.js';
import {renderPrice} from './price.js';

export type CardStatus = 'busy' | 'added' | 'not-added' | 'error' | undefined;

export interface CardContext {
  product: ISProduct;
  sku: ISSku | undefined;
  url: string;
  status: CardStatus;
  m: CatalogMessages;
  money: (value: number) => string;
  onSelect: (e: MouseEvent, product: ISProduct, url: string) => void;
  onSwatch: (product: ISProduct, axis: string, value: string) => void;
  onAdd: (product: ISProduct, sku: ISSku) => void;
  /** The heading level of the product name (the grid's `heading-level`). */
  level: number;
  /** Said under the button while an add waits for a slow store ("Still trying…"). */
  still?: string;
  /** Intelligent Search Activity Flow attributes (`data-af-*`) for a search result. */
  af?: {position: number; searchId: string | null};
}

const MAX_SWATCHES = 6;

/** The swatch axis on a card: Color when the product varies by colour, else its first axis. */
export function swatchAxis(product: ISProduct): {name: string; values: string[]} | undefined {
  const axes = skuAxes(product).filter((a) => a.values.length > 1);
  return axes.find((a) => /^(colou?r|cor)$/i.test(a.name)) ?? axes[0];
}

/**
 * One product card. Parts: `card`, `card-media`, `card-image`, `card-name`, `card-link`, `card-brand`,
 * `swatches`, `swatch`, `add-to-cart`, `card-status`, `out-of-stock`, plus the price block's parts.
 */
export function renderCard(c: CardContext) {
  const {product, sku, m} = c;
  const image = imageOf(product, sku);
  const available = isAvailable(sku);
  const axis = swatchAxis(product);
  const current = variationOf(sku, axis?.name ?? '');
  const selection = selectionOf(sku);
  const af = c.af;
  return html`<article
    class="card"
    part="card"
    data-product-id=${product.productId}
    data-af-element=${ifDefined(af && 'search-result')}
    data-af-onclick=${ifDefined(af && 'true')}
    data-af-product-id=${ifDefined(af && product.productId)}
    data-af-product-position=${ifDefined(af && String(af.position))}
    data-af-search-id=${ifDefined(af?.searchId ?? undefined)}
  >
    <div class="media" part="card-media">
      ${image ? html`<img part="card-image" src=${image.url} alt="" width="400" height="400" loading="lazy" decoding="async" />` : nothing}
      ${available ? nothing : html`<span class="badge" part="out-of-stock">${m.outOfStock}</span>`}
    </div>
    <div class="name" part="card-name" role="heading" aria-level=${c.level}>
      <a
        class="card-link"
        part="card-link"
        href=${c.url}
        @click=${(e: MouseEvent) => c.onSelect(e, product, c.url)}
        >${product.productName}</a
      >
    </div>
    <p class="brand" part="card-brand">${product.brand}</p>
    ${renderPrice(offerOf(sku), m, c.money)}
    <div
      class="swatches"
      part="swatches"
      role=${ifDefined(axis ? 'group' : undefined)}
      aria-label=${ifDefined(axis?.name)}
    >
      ${
        axis
          ? axis.values.slice(0, MAX_SWATCHES).map((value) => {
              const state = valueState(product, {...selection, [axis.name]: undefined}, axis.name, value);
              return html`<button
                type="button"
                class="swatch"
                part="swatch"
                aria-pressed=${value === current ? 'true' : 'false'}
                ?disabled=${state === 'missing'}
                data-unavailable=${ifDefined(state === 'unavailable' ? '' : undefined)}
                @click=${() => c.onSwatch(product, axis.name, value)}
              >
                ${value}${state === 'unavailable' ? html`<span class="visually-hidden"> ${m.unavailable}</span>` : nothing}
              </button>`;
            })
          : nothing
      }
      ${axis && axis.values.length > MAX_SWATCHES ? html`<span class="more">+${axis.values.length - MAX_SWATCHES}</span>` : nothing}
    </div>
    <button
      type="button"
      class="button primary add"
      part="add-to-cart"
      ?disabled=${!available || !sku}
      aria-disabled=${c.status === 'busy' ? 'true' : 'false'}
      @click=${() => sku && available && c.status !== 'busy' && c.onAdd(product, sku)}
    >
      ${!available ? m.outOfStock : c.status === 'busy' ? m.adding : m.addToCart}${
        available
          ? html`<span class="visually-hidden">: ${sku?.nameComplete || product.productName}</span>`
          : nothing
      }
    </button>
    <p
      class="card-status ${c.status === 'error' || c.status === 'not-added' ? 'error-text' : ''}"
      part="card-status"
      role="status"
    >
      ${c.still ?? (c.status === 'error' ? m.addFailed : c.status === 'not-added' ? m.notAdded : c.status === 'added' ? m.added : '')}
    </p>
  </article>`;
}

/** A placeholder with the card's exact box (same classes, same reserved heights). */
export function renderCardSkeleton() {
  return html`<div class="card skeleton-card" part="skeleton" aria-hidden="true">
    <div class="media skeleton"></div>
    <div class="name"><span class="skeleton line"></span><span class="skeleton line short"></span></div>
    <p class="brand"><span class="skeleton line short"></span></p>
    <div class="price"><span class="skeleton line"></span><span class="skeleton line short"></span></div>
    <div class="swatches"></div>
    <div class="button add skeleton"></div>
    <p class="card-status"></p>
  </div>`;
}
