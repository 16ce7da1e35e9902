import type {AnalyticsContext, Line, Provider} from './model.js';

/** VTEX's pixel `ProductSummary`, reduced to what the kit knows. */
function productSummary(l: Line) {
  const sku = {
    itemId: l.skuId ?? '',
    name: l.skuName ?? '',
    seller: {
      sellerId: l.seller ?? '1',
      commertialOffer: {Price: l.price ?? 0, ListPrice: l.listPrice ?? l.price ?? 0},
    },
  };
  return {
    productId: l.productId,
    productName: l.name,
    brand: l.brand,
    categories: l.categories.length ? [`/${l.categories.join('/')}/`] : [],
    sku,
    items: [sku],
  };
}

/** VTEX's pixel `CartItem`: prices in integer cents (`priceIsInt: true`), as the store framework sends. */
function cartItem(l: Line) {
  const cents = Math.round((l.price ?? 0) * 100);
  return {
    id: l.skuId ?? '',
    skuId: l.skuId ?? '',
    productId: l.productId,
    name: l.name,
    skuName: l.skuName ?? '',
    variant: l.skuName ?? '',
    brand: l.brand,
    category: l.categories.join('/'),
    price: cents,
    sellingPrice: cents,
    priceIsInt: true,
    quantity: l.quantity,
    seller: l.seller ?? '1',
  };
}

function post(c: AnalyticsContext, event: string, data: Record<string, unknown>): void {
  const w = c.window;
  const origin = w.location.origin;
  w.postMessage(
    {event, eventName: `vtex:${event}`, currency: c.currency ?? '', ...data},
    origin && origin !== 'null' ? origin : '*',
  );
}

/**
 * VTEX pixel messages (`window.postMessage`, the shape VTEX IO pixel apps listen to): productImpression,
 * productClick, productView, addToCart, removeFromCart, cartChanged, orderPlaced, pageInfo (search result
 * pages) and userData (only `isAuthenticated`). Never the shopper's name, e-mail, document, phone or address
 * (VTEX's own `orderPlaced` carries `visitor*` fields; this one leaves them out).
 */
export const vtexPixel: Provider = (e, c) => {
  switch (e.type) {
    case 'list': {
      const w = c.window;
      if (e.query) {
        post(c, 'pageInfo', {
          eventType: e.total ? 'internalSiteSearchView' : 'emptySearchView',
          accountName: c.account,
          pageTitle: w.document.title,
          pageUrl: `${w.location.origin}${w.location.pathname}`,
          search: {term: e.query, results: e.total},
        });
      }
      if (e.items.length)
        post(c, 'productImpression', {
          list: e.list.name,
          impressions: e.items.map((l) => ({product: productSummary(l), position: l.position ?? 0})),
        });
      return;
    }
    case 'select':
      post(c, 'productClick', {
        product: productSummary(e.item),
        position: e.item.position ?? 0,
        ...(e.item.list ? {list: e.item.list.name} : {}),
      });
      return;
    case 'view': {
      const s = productSummary(e.item);
      post(c, 'productView', {
        product: {
          productId: s.productId,
          productName: s.productName,
          brand: s.brand,
          categories: s.categories,
          selectedSku: {itemId: s.sku.itemId, name: s.sku.name, sellers: [s.sku.seller]},
          items: s.items,
        },
      });
      return;
    }
    case 'add':
      post(c, 'addToCart', {items: e.items.map(cartItem)});
      return;
    case 'remove':
      post(c, 'removeFromCart', {items: e.items.map(cartItem)});
      return;
    case 'cart-changed':
      post(c, 'cartChanged', {items: e.items.map(cartItem)});
      return;
    case 'purchase':
      post(c, 'orderPlaced', {
        accountName: c.account,
        orderGroup: e.orderGroup,
        transactionId: e.orderGroup,
        transactionAffiliation: c.account,
        transactionTotal: e.value,
        transactionSubtotal: e.subtotal ?? e.value,
        transactionShipping: e.shipping ?? 0,
        transactionTax: e.tax ?? 0,
        transactionDiscounts: e.discounts ?? 0,
        transactionCurrency: c.currency ?? '',
        transactionPaymentType: [
          {
            group: e.payment.group,
            paymentSystemName: e.payment.name,
            installments: e.payment.installments,
            value: e.value,
          },
        ],
        transactionProducts: e.items.map((l) => ({
          id: l.productId,
          sku: l.skuId ?? '',
          name: l.name,
          skuName: l.skuName ?? '',
          brand: l.brand,
          category: l.categories[l.categories.length - 1] ?? '',
          categoryTree: l.categories,
          seller: l.seller ?? '1',
          sellerId: l.seller ?? '1',
          price: l.price ?? 0,
          sellingPrice: l.price ?? 0,
          originalPrice: l.listPrice ?? l.price ?? 0,
          quantity: l.quantity,
        })),
        ...(e.coupon ? {coupon: e.coupon} : {}),
      });
      return;
    case 'login':
      post(c, 'userData', {isAuthenticated: true});
      return;
    default:
      return;
  }
};
