import type {OrderForm, OrderFormItem} from '../client/types.js';
import type {
  CartSummary,
  ItemAddedDetail,
  ItemsReorderedDetail,
  ItemSummary,
  OrderPlacedDetail,
  ProductSelectedDetail,
  ProductsViewedDetail,
  ProductView,
  ProductViewedDetail,
} from '../events/index.js';
import type {CartState, CartStore} from '../state/cart-store.js';
import {ANALYTICS_EVENTS} from './events.js';
import {ga4} from './ga4.js';
import {fromCents, total, type AnalyticsEvent, type Line, type ListRef, type Provider} from './model.js';
import {vtexPixel} from './vtex-pixel.js';

export {ANALYTICS_EVENTS} from './events.js';
export type {AnalyticsEvent, Line, Provider} from './model.js';

const PROVIDERS: Record<string, Provider> = {ga4, 'vtex-pixel': vtexPixel};

/** Providers that already reported an event (two stores with analytics on one page report it once). */
const reported = new WeakMap<Event, Set<string>>();

/** The parts of `<vtex-store>` analytics reads. */
interface StoreLike extends HTMLElement {
  account?: string;
  currency?: string;
  cart?: CartStore;
}

/** `/Apparel/Shirts/` paths (most specific first, as search returns them) → `['Apparel', 'Shirts']`. */
function categoryNames(paths: readonly string[]): string[] {
  const longest = [...paths].sort((a, b) => b.length - a.length)[0] ?? '';
  return longest.split('/').filter(Boolean);
}

/** VTEX's line name is "Product SKU"; GA4 wants the product name. */
function productName(name: string, skuName: string | null | undefined): string {
  return skuName && name !== skuName && name.endsWith(` ${skuName}`)
    ? name.slice(0, -skuName.length - 1)
    : name;
}

function lineOfView(v: ProductView, list?: ListRef): Line {
  return {
    productId: v.id,
    skuId: v.sku?.id ?? null,
    name: v.name,
    skuName: v.sku?.name ?? null,
    brand: v.brand,
    categories: categoryNames(v.categories),
    price: v.price,
    listPrice: v.listPrice,
    quantity: 1,
    seller: v.sku?.seller ?? null,
    ...(v.position ? {position: v.position} : {}),
    ...(list ? {list} : {}),
  };
}

function lineOfItem(i: OrderFormItem, quantity = i.quantity): Line {
  const ids = (i.productCategoryIds ?? '').split('/').filter(Boolean);
  const names = i.productCategories ?? {};
  return {
    productId: i.productId,
    skuId: i.id,
    name: productName(i.name, i.skuName),
    skuName: i.skuName || null,
    brand: i.additionalInfo?.brandName ?? '',
    categories: ids.length ? ids.flatMap((id) => (names[id] ? [names[id]] : [])) : Object.values(names),
    price: fromCents(i.sellingPrice),
    listPrice: fromCents(i.listPrice),
    quantity,
    seller: i.seller,
  };
}

/**
 * Turns the kit's events (fired by elements anywhere under the store's root node: the document, or the
 * shadow root the store lives in) into analytics events for the named providers (`ga4`, `vtex-pixel`).
 * Elements' details are enriched from the store's cart (brand, categories, prices) — never with the
 * shopper's profile, address or payment data. `pending` are events fired before this module loaded, replayed
 * in order. Returns the disconnect function.
 */
export function connectAnalytics(
  store: HTMLElement,
  providers: string[],
  pending: readonly Event[] = [],
): () => void {
  const active: [string, Provider][] = [];
  for (const name of new Set(providers)) {
    const provider = PROVIDERS[name];
    if (provider) active.push([name, provider]);
    else console.warn(`<vtex-store>: unknown analytics provider "${name}" (known: ga4, vtex-pixel).`);
  }
  if (!active.length) return () => undefined;
  const s = store as StoreLike;
  const root = store.getRootNode() as Document | ShadowRoot;
  const win = store.ownerDocument.defaultView ?? window;

  /** Lines seen in the cart, by SKU id (a removed line is gone from the cart when its event arrives). */
  const known = new Map<string, Line>();
  /** Products shown in lists or pages, by product id. */
  const views = new Map<string, Line>();
  /** Carts whose checkout began (one begin_checkout per cart). */
  const begun = new Set<string>();
  let lastStep: string | undefined;
  let cart: CartStore | undefined;
  let unsubscribe: (() => void) | undefined;

  const remember = (state: Readonly<CartState>) => {
    for (const i of state.orderForm?.items ?? []) known.set(i.id, lineOfItem(i));
  };
  const watch = () => {
    if (s.cart === cart) return;
    unsubscribe?.();
    cart = s.cart;
    unsubscribe = cart?.subscribe(remember);
    if (cart) remember(cart.state);
  };
  const orderForm = (): OrderForm | null => (watch(), cart?.state.orderForm ?? null);
  const currency = () =>
    orderForm()?.storePreferencesData?.currencyCode ?? (s.currency?.toUpperCase() || undefined);

  const lineOfSummary = (i: ItemSummary): Line => {
    const k = known.get(i.id);
    return {
      productId: i.productId,
      skuId: i.id,
      name: productName(i.name, i.skuName),
      skuName: i.skuName || null,
      brand: k?.brand ?? '',
      categories: k?.categories ?? [],
      price: fromCents(i.price),
      listPrice: fromCents(i.listPrice),
      quantity: i.quantity,
      seller: i.seller,
    };
  };
  const cartLine = (skuId: string, seller: string, quantity: number): Line | undefined => {
    const item = orderForm()?.items.find((i) => i.id === skuId && i.seller === seller);
    const line = item ? lineOfItem(item, quantity) : known.get(skuId);
    return line && {...line, quantity};
  };
  const checkoutFacts = (of: OrderForm) => ({
    value: fromCents(of.value),
    coupon: of.marketingData?.coupon ?? null,
    items: of.items.map((i) => lineOfItem(i)),
  });

  const map = (e: CustomEvent): AnalyticsEvent[] => {
    const d: unknown = e.detail;
    switch (e.type) {
      case 'vtex-products-viewed': {
        const v = d as ProductsViewedDetail;
        const items = v.products.map((p) => lineOfView(p, v.list));
        for (const l of items) views.set(l.productId, l);
        return [{type: 'list', list: v.list, query: v.query, total: v.total, items}];
      }
      case 'vtex-product-selected': {
        const p = (d as ProductSelectedDetail).product;
        const seen = views.get(p.id);
        const item: Line = seen ?? {
          productId: p.id,
          skuId: null,
          name: p.name,
          skuName: null,
          brand: '',
          categories: [],
          price: null,
          listPrice: null,
          quantity: 1,
          seller: null,
        };
        return [{type: 'select', item}];
      }
      case 'vtex-product-viewed': {
        const item = lineOfView((d as ProductViewedDetail).product);
        views.set(item.productId, item);
        return [{type: 'view', item}];
      }
      case 'vtex-item-added': {
        const {item} = d as ItemAddedDetail;
        const line = cartLine(item.id, item.seller, item.quantity);
        if (!line) return [];
        // Added from a list: keep the list (GA4 attributes the sale to it).
        const from = e.composedPath()[0] as Element | undefined;
        const list = from?.localName === 'vtex-product-grid' ? views.get(line.productId)?.list : undefined;
        return [{type: 'add', items: [list ? {...line, list} : line]}];
      }
      case 'vtex-items-reordered': {
        const items = (d as ItemsReorderedDetail).added.flatMap(
          (i) => cartLine(i.id, i.seller, i.quantity) ?? [],
        );
        return items.length ? [{type: 'add', items}] : [];
      }
      case 'vtex-item-removed':
        return [{type: 'remove', items: [lineOfSummary((d as {item: ItemSummary}).item)]}];
      case 'vtex-quantity-changed': {
        // GA4 and the pixel know adds and removes: a quantity change is one of them, by the difference.
        const {item, from, to} = d as {item: ItemSummary; from: number; to: number};
        const line = {...lineOfSummary(item), quantity: Math.abs(to - from)};
        return to === from ? [] : [{type: to > from ? 'add' : 'remove', items: [line]}];
      }
      case 'vtex-cart-viewed': {
        const c = d as CartSummary;
        return [{type: 'view-cart', value: fromCents(c.value), items: c.items.map(lineOfSummary)}];
      }
      case 'vtex-cart-updated': {
        const c = d as CartSummary;
        return [{type: 'cart-changed', value: fromCents(c.value), items: c.items.map(lineOfSummary)}];
      }
      case 'vtex-before-checkout': {
        const c = d as CartSummary;
        if (begun.has(c.orderFormId)) return [];
        begun.add(c.orderFormId);
        const items = c.items.map(lineOfSummary);
        return [{type: 'begin-checkout', value: fromCents(c.value), coupon: c.coupon, items}];
      }
      case 'vtex-checkout-step': {
        const {step} = d as {step: string};
        const prev = lastStep;
        lastStep = step;
        const of = orderForm();
        if (!of || step === 'confirmation') return [];
        const out: AnalyticsEvent[] = [];
        if (!begun.has(of.orderFormId)) {
          begun.add(of.orderFormId);
          out.push({type: 'begin-checkout', ...checkoutFacts(of)});
        }
        if (prev === 'shipping' && (step === 'payment' || step === 'review')) {
          const tiers = new Set<string>();
          for (const li of of.shippingData?.logisticsInfo ?? []) {
            const sla = li.slas.find((x) => x.id === li.selectedSla);
            if (sla) tiers.add(sla.name);
          }
          out.push({type: 'shipping-info', ...checkoutFacts(of), tier: [...tiers].join(', ')});
        }
        if (prev === 'payment' && step === 'review') {
          const pd = of.paymentData;
          const names = (pd?.payments ?? []).map(
            (p) => pd?.paymentSystems.find((x) => String(x.id) === String(p.paymentSystem))?.name ?? '',
          );
          out.push({
            type: 'payment-info',
            ...checkoutFacts(of),
            paymentType: names.filter(Boolean).join(', '),
          });
        }
        return out;
      }
      case 'vtex-order-placed': {
        const o = d as OrderPlacedDetail;
        const of = orderForm();
        // The placed cart is still the store's cart when the event fires (a new one starts after it).
        const placed = of && o.items.every((i) => of.items.some((x) => x.id === i.id)) ? of : null;
        const totalizer = (id: string) => {
          const t = placed?.totalizers.find((x) => x.id === id);
          return t ? fromCents(Math.abs(t.value)) : null;
        };
        lastStep = undefined;
        const items = o.items.map((i) => {
          const k = known.get(i.id);
          return {
            productId: i.productId,
            skuId: i.id,
            name: productName(i.name, i.skuName),
            skuName: i.skuName || null,
            brand: k?.brand ?? '',
            categories: k?.categories ?? [],
            price: fromCents(i.price),
            listPrice: k?.listPrice ?? null,
            quantity: i.quantity,
            seller: i.seller,
          };
        });
        return [
          {
            type: 'purchase',
            orderGroup: o.orderGroup,
            value: fromCents(o.value),
            subtotal: totalizer('Items') ?? total(items),
            shipping: totalizer('Shipping'),
            tax: totalizer('Tax'),
            discounts: totalizer('Discounts'),
            coupon: placed?.marketingData?.coupon ?? null,
            payment: {group: o.payment.group, name: o.payment.name, installments: o.payment.installments},
            items,
          },
        ];
      }
      case 'vtex-session-changed':
        return (d as {signedIn: boolean}).signedIn ? [{type: 'login'}] : [];
      case 'vtex-search-submitted':
        return [{type: 'search', term: (d as {query: string}).query}];
      default:
        return [];
    }
  };

  const onEvent = (e: Event): void => {
    let out: AnalyticsEvent[];
    try {
      out = map(e as CustomEvent);
    } catch (error) {
      console.error('<vtex-store> analytics:', error);
      return;
    }
    if (!out.length) return;
    let done = reported.get(e);
    if (!done) reported.set(e, (done = new Set()));
    const context = {currency: currency(), account: s.account ?? '', window: win};
    for (const [name, provider] of active) {
      if (done.has(name)) continue;
      done.add(name);
      for (const a of out) {
        try {
          provider(a, context);
        } catch (error) {
          console.error(`<vtex-store> analytics (${name}):`, error);
        }
      }
    }
  };

  watch();
  for (const type of ANALYTICS_EVENTS) root.addEventListener(type, onEvent);
  for (const e of pending) onEvent(e);
  return () => {
    for (const type of ANALYTICS_EVENTS) root.removeEventListener(type, onEvent);
    unsubscribe?.();
  };
}
