import {Task, TaskStatus, initialState} from '../../internal/task.js';
import {html, nothing, type PropertyValues} from 'lit';
import {property, state} from 'lit/decorators.js';
import type {ISProduct, ISSku} from '../../client/types.js';
import {LocalizeController} from '../../controllers/localize-controller.js';
import {CartController, StoreController} from '../../controllers/store-controller.js';
import {pageUrl, StructuredDataController} from '../../internal/structured-data-controller.js';
import {clientFor, start, take} from '../../internal/prefetch.js';
import {hostStyles} from '../../internal/styles.js';
import {findProduct} from '../../state/catalog.js';
import {VtexElement} from '../../internal/vtex-element.js';
import {catalogStyles} from '../shared-catalog/catalog.styles.js';
import type {ItemAddedDetail} from '../../events/vtex-item-added.js';
import type {ProductViewedDetail} from '../../events/vtex-product-viewed.js';
import {ADDED_NOTE_MS, addToCart, productView} from '../shared-catalog/events.js';
import {
  defaultSeller,
  initialSku,
  isAvailable,
  offerOf,
  pickSku,
  priorSelection,
  selectionOf,
  skuAxes,
  valueState,
} from '../shared-catalog/offer.js';
import {renderPrice} from '../shared-catalog/price.js';
import {sanitizeHtml} from '../shared-catalog/sanitize.js';
import {messages} from './product.messages.js';
import {styles} from './product.styles.js';

/**
 * A product detail view, by `slug` or `product-id`: image gallery, name and brand, price block (list price,
 * discount, installments), SKU selector (combinations that are out of stock or do not exist are disabled),
 * quantity, add to cart, the merchant's HTML description (sanitized by the browser's `Element.setHTML`, or DOMPurify loaded on demand where it is missing) and
 * specifications. An unknown product shows a friendly not-found state.
 *
 * A product page on a CMS needs no script: `<vtex-product slug-param="product">` reads the slug from the page
 * URL's `?product=` query parameter (the grid's default card link is `?product={slug}`) and follows
 * back/forward (`popstate`). The element never writes the URL.
 *
 * For search engines it writes the product as schema.org `Product` JSON-LD (name, description, images, SKU,
 * brand, GTIN, offer with price, currency, availability and URL; a rating where the catalog has one) into a
 * `<script type="application/ld+json">` right after itself, kept current as the shopper picks a SKU, removed with
 * the element. `structured-data="off"` turns it off for a page that emits its own.
 *
 * @summary Product detail: gallery, SKU selector, price and add to cart.
 * @tag vtex-product
 * @fires vtex-product-viewed - A product was shown (once per product loaded). For analytics. detail: {product: {id, slug, name, brand, categories, sku: {id, name, seller}, price, listPrice, available}} (prices in VTEX decimals)
 * @fires vtex-item-added - The chosen SKU was added to the cart; `quantity` is what went in (VTEX caps a line at the stock; none in: not fired). detail: {item: {id, quantity, seller}, orderForm: {orderFormId, itemCount, value}}
 * @fires vtex-error - Loading the product (404 included) or adding it failed. detail: {operation: 'product' | 'addItems', error}
 * @slot not-found - Replaces the default not-found message.
 * @csspart gallery - The image gallery.
 * @csspart main-image - The large image.
 * @csspart thumbnail - A thumbnail button.
 * @csspart name - The product name (h1).
 * @csspart brand - The brand.
 * @csspart price - Price block. Also: selling-price, list-price, discount, installments.
 * @csspart sku-selector - The variation choices (one fieldset per axis).
 * @csspart option - One variation value (a radio).
 * @csspart quantity - The quantity input.
 * @csspart add-to-cart - The add-to-cart button.
 * @csspart status - Add-to-cart feedback (a live region).
 * @csspart description - The sanitized description.
 * @csspart specifications - The specifications list.
 * @csspart skeleton - The loading placeholder.
 * @csspart not-found - The 404 state.
 * @csspart error - The error state (with retry).
 * @cssprop [--vtex-product-image-ratio=1 / 1] - Aspect ratio of the main image.
 * @cssprop [--vtex-product-image-fit=contain] - object-fit of the main image.
 * @cssprop [--vtex-product-title-size=1.75rem] - Size of the product name.
 * @cssprop [--vtex-price-color=var(--vtex-color-text)] - Selling price colour.
 * @cssprop [--vtex-price-size=1.125em] - Selling price font size.
 * @cssprop [--vtex-discount-background=#fde8e7] - Discount badge background.
 * @cssprop [--vtex-discount-color=#8a1c13] - Discount badge text.
 */
export class VtexProduct extends VtexElement {
  /** @internal Messages, so the tag's definition can wait for its locale pack. */
  static override messages = messages;

  static override styles = [hostStyles, catalogStyles, styles];

  /** @internal Starts loading the product while the tag waits for its language pack. */
  static override prefetch(el: Element): void {
    const client = clientFor(el);
    const url = el.getAttribute('slug-param')?.trim();
    const which = productRequest(
      (url && new URL(location.href).searchParams.get(url)?.trim()) || el.getAttribute('slug'),
      el.getAttribute('product-id'),
    );
    if (client && which) start(el, client, 'product', JSON.stringify(which), findProduct(client, which));
  }

  /** @internal */ readonly #store = new StoreController(this);
  /** @internal */ readonly #cart = new CartController(this, {load: false});
  /** @internal */ readonly #i18n = new LocalizeController(this, messages, {
    store: this.#store,
    cart: this.#cart,
  });

  constructor() {
    super();
    // schema.org Product JSON-LD for search engines, right after the element.
    new StructuredDataController(
      this,
      (ld) => {
        const product = this.#shown();
        const currency = this.#i18n.currency.currencyCode;
        const description = this.description?.textContent ?? undefined;
        return (
          product &&
          ld.productJsonLd({product, sku: this.#sku(product), url: pageUrl(), currency, description})
        );
      },
      () => [this.#shown(), this.selection, this.description, this.#i18n.currency.currencyCode, pageUrl()],
    );
  }
  #shown = () => (this.#product.status === TaskStatus.COMPLETE ? this.#product.value : undefined);

  /** The product's slug (`linkText`), e.g. `camiseta-basica-algodao`. */
  @property() slug?: string;

  /** The product id; used when `slug` is not set. */
  @property({attribute: 'product-id'}) productId?: string;

  /**
   * Reads the slug from this query parameter of the page URL (e.g. `slug-param="product"` for
   * `product.html?product=camiseta-basica-algodao`) and follows back/forward. When the parameter is absent,
   * `slug` (then `product-id`) is used.
   */
  @property({attribute: 'slug-param'}) slugParam?: string;

  /** `off`: write no schema.org JSON-LD for this product (the page emits its own). */
  @property({attribute: 'structured-data'}) structuredData: 'on' | 'off' = 'on';

  /** @internal */ @state() private selection: Record<string, string> = {};
  /** @internal */ @state() private quantity = 1;
  /** @internal */ @state() private image = 0;
  /** @internal */ @state() private status?: 'busy' | 'added' | 'added-some' | 'not-added' | 'error';
  /** @internal Units the last add put in the cart. */
  #added = 0;
  /** @internal */ @state() private description?: DocumentFragment;

  /** @internal The slug read from the URL (`slug-param`). */
  @state() private urlSlug?: string;

  #sanitizedFor?: ISProduct;

  /** @internal */
  readonly #product = new Task(this, {
    task: async ([client, slug, id], {signal}) => {
      const which = productRequest(slug, id);
      if (!client || !which) return initialState;
      try {
        const product = await (take<ISProduct>(this, client, 'product', JSON.stringify(which)) ??
          findProduct(client, which, {signal}));
        this.selection = selectionOf(initialSku(product));
        this.quantity = 1;
        this.image = 0;
        this.status = undefined;
        this.description = undefined;
        return product;
      } catch (e) {
        if (!signal.aborted) this.emitError('product', e);
        throw e;
      }
    },
    args: () => [this.#store.client, this.urlSlug || this.slug, this.productId] as const,
  });

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('popstate', this.#readUrl);
    this.#readUrl();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('popstate', this.#readUrl);
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('slugParam')) this.#readUrl();
  }

  #readUrl = (): void => {
    const name = this.slugParam?.trim();
    this.urlSlug = (name && new URL(location.href).searchParams.get(name)?.trim()) || undefined;
  };

  protected override updated(_changed: PropertyValues): void {
    const product = this.#product.value;
    if (product && this.#product.status === TaskStatus.COMPLETE && this.#sanitizedFor !== product) {
      this.#sanitizedFor = product;
      this.emit<ProductViewedDetail>('vtex-product-viewed', {
        product: productView(product, this.#sku(product)),
      });
      void sanitizeHtml(product.description ?? '').then(
        (fragment) => {
          if (this.#sanitizedFor === product) this.description = fragment;
        },
        (e: unknown) => this.emitError('sanitize', e),
      );
    }
  }

  #sku(product: ISProduct): ISSku | undefined {
    return (
      product.items.find((s) =>
        Object.entries(this.selection).every(
          ([axis, v]) => s.variations.find((x) => x.name === axis)?.values[0] === v,
        ),
      ) ?? initialSku(product)
    );
  }

  #choose(product: ISProduct, axis: string, value: string): void {
    const sku = pickSku(
      product,
      this.selection,
      axis,
      value,
      priorSelection(skuAxes(product), this.selection, axis),
    );
    this.selection = sku ? selectionOf(sku) : {...this.selection, [axis]: value};
    this.image = 0;
    this.status = undefined;
  }

  async #add(sku: ISSku): Promise<void> {
    if (this.status === 'busy') return;
    const quantity = this.quantity;
    this.status = 'busy';
    try {
      const item = {id: sku.itemId, quantity, seller: defaultSeller(sku)?.sellerId ?? '1'};
      const added = await addToCart(this.#cart.store, item);
      // VTEX caps the line at the stock there is: fewer than asked, or none, is said as such.
      this.#added = added?.item.quantity ?? 0;
      this.status = this.#added === quantity ? 'added' : this.#added ? 'added-some' : 'not-added';
      if (this.status === 'added')
        setTimeout(() => this.status === 'added' && (this.status = undefined), ADDED_NOTE_MS);
      if (added) this.emit<ItemAddedDetail>('vtex-item-added', added);
    } catch (e) {
      this.status = 'error';
      this.emitError('addItems', e);
    }
  }

  override render() {
    return this.#product.render({
      // No product chosen (no slug or id, an empty `?product=`): nothing will load, so say it is not found.
      initial: () =>
        this.#store.client && !productRequest(this.urlSlug || this.slug, this.productId)
          ? this.#renderNotFound()
          : this.#renderSkeleton(),
      pending: () => this.#renderSkeleton(),
      error: (e) => this.#renderError(e),
      complete: (p) => this.#renderProduct(p),
    });
  }

  #renderSkeleton() {
    return html`<div class="pdp" part="skeleton" aria-busy="true">
      <span class="visually-hidden" role="status">${this.#i18n.m.loadingProduct}</span>
      <div class="main-image skeleton"></div>
      <div class="info" aria-hidden="true">
        <div class="skeleton sk-title"></div>
        <div class="skeleton sk-line"></div>
        <div class="skeleton sk-line"></div>
        <div class="skeleton sk-button"></div>
      </div>
    </div>`;
  }

  #renderNotFound() {
    return html`<div class="state" part="not-found" role="status">
      <slot name="not-found"
        ><p>${this.#i18n.m.notFound}</p>
        <p>${this.#i18n.m.notFoundHint}</p></slot
      >
    </div>`;
  }

  #renderError(e: unknown) {
    const err = e as {status?: number};
    if (err?.status === 404) return this.#renderNotFound();
    return html`<div class="state" part="error" role="alert">
      <p class="error-text">${this.#i18n.error(err as never)}</p>
      <button type="button" class="button" @click=${() => this.#product.run()}>
        ${this.#i18n.common.retry}
      </button>
    </div>`;
  }

  #renderProduct(product: ISProduct) {
    const m = this.#i18n.m;
    const sku = this.#sku(product);
    const offer = offerOf(sku);
    const available = isAvailable(sku);
    const images = sku?.images?.length
      ? sku.images
      : (product.items.find((s) => s.images.length)?.images ?? []);
    const main = images[Math.min(this.image, images.length - 1)];
    const max = Math.max(1, Math.min(99, offer?.AvailableQuantity ?? 1));
    const specs = product.specificationGroups.filter(
      (g) => g.name !== 'allSpecifications' && g.specifications.length,
    );
    return html`<div class="pdp">
      <section class="gallery" part="gallery" aria-label=${m.gallery}>
        <div class="main-image" part="main-image">
          ${main ? html`<img src=${main.imageUrl} alt=${main.imageText || product.productName} width="800" height="800" />` : nothing}
        </div>
        ${
          images.length > 1
            ? html`<div class="thumbs">
                ${images.map(
                  (img, i) =>
                    html`<button
                      type="button"
                      class="thumb"
                      part="thumbnail"
                      aria-pressed=${i === this.image ? 'true' : 'false'}
                      aria-label=${m.imageN(i + 1, images.length)}
                      @click=${() => (this.image = i)}
                    >
                      <img src=${img.imageUrl} alt="" width="64" height="64" loading="lazy" />
                    </button>`,
                )}
              </div>`
            : nothing
        }
      </section>
      <div class="info">
        <div>
          <h1 part="name">${product.productName}</h1>
          <p class="brand" part="brand">${product.brand}</p>
        </div>
        ${renderPrice(offer, m, (v) => this.#i18n.decimal(v))} ${this.#renderSelector(product)}
        <div class="buy">
          <label class="qty"
            >${m.quantity}
            <input
              part="quantity"
              type="number"
              inputmode="numeric"
              min="1"
              max=${max}
              .value=${String(this.quantity)}
              ?disabled=${!available}
              @change=${(e: Event) => {
                const input = e.target as HTMLInputElement;
                this.quantity = Math.max(1, Math.min(max, Math.floor(Number(input.value)) || 1));
                input.value = String(this.quantity);
              }}
          /></label>
          <button
            type="button"
            class="button primary add"
            part="add-to-cart"
            ?disabled=${!available || !sku}
            aria-disabled=${this.status === 'busy' ? 'true' : 'false'}
            @click=${() => sku && this.#add(sku)}
          >
            ${!available ? m.outOfStock : this.status === 'busy' ? m.adding : m.addToCart}
          </button>
        </div>
        <p
          class="status ${this.status === 'error' || this.status === 'not-added' ? 'error-text' : ''}"
          part="status"
          role="status"
        >
          ${
            this.status === 'busy' && this.#cart.state?.slow
              ? this.#i18n.common.stillTrying
              : this.status === 'error'
                ? m.addFailed
                : this.status === 'not-added'
                  ? m.notAdded
                  : this.status === 'added-some'
                    ? m.addedSome(this.#added)
                    : this.status === 'added'
                      ? m.added
                      : ''
          }
        </p>
        ${
          product.description
            ? html`<section>
                <h2>${m.description}</h2>
                <div class="description" part="description">${this.description ?? nothing}</div>
              </section>`
            : nothing
        }
        ${
          specs.length
            ? html`<section>
                <h2>${m.specifications}</h2>
                <dl part="specifications">
                  ${specs.flatMap((g) =>
                    g.specifications.map(
                      (s) =>
                        html`<dt>${s.name}</dt>
                          <dd>${s.values.join(', ')}</dd>`,
                    ),
                  )}
                </dl>
              </section>`
            : nothing
        }
      </div>
    </div>`;
  }

  #renderSelector(product: ISProduct) {
    const axes = skuAxes(product).filter(
      (a) => a.values.length > 0 && (a.values.length > 1 || product.items.length > 1),
    );
    if (!axes.length) return nothing;
    return html`<div part="sku-selector">
      ${axes.map(
        (axis) =>
          html`<fieldset class="axis">
            <legend>${this.#i18n.m.selected(axis.name, this.selection[axis.name] ?? '')}</legend>
            <div class="options">
              ${axis.values.map((value) => {
                // Hierarchical: a value is disabled when no in-stock SKU has it with the choices on the axes before it.
                const st = valueState(
                  product,
                  priorSelection(axes, this.selection, axis.name),
                  axis.name,
                  value,
                );
                return html`<label
                  class="option"
                  part="option"
                  data-unavailable=${st === 'available' ? nothing : ''}
                >
                  <input
                    type="radio"
                    name=${axis.name}
                    .value=${value}
                    .checked=${this.selection[axis.name] === value}
                    ?disabled=${st !== 'available'}
                    @change=${() => this.#choose(product, axis.name, value)}
                  />
                  <span
                    >${value}${st === 'available' ? nothing : html`<span class="visually-hidden"> ${this.#i18n.m.unavailable}</span>`}</span
                  >
                </label>`;
              })}
            </div>
          </fieldset>`,
      )}
    </div>`;
  }
}

/** What to load: by slug when there is one, else by product id; undefined when neither is set. */
function productRequest(slug: string | null | undefined, id: string | null | undefined) {
  const s = slug?.trim();
  const i = id?.trim();
  return s ? {slug: s} : i ? {id: i} : undefined;
}
