/** Pricing, logistics and JSON rendering of a sandbox orderForm (money in cents). */
import {absoluteOn} from '../http.js';
import type {SandboxSku} from '../types.js';
import {
  COUPONS,
  PAYMENT_SYSTEMS,
  PICKUP_POINTS,
  installmentsFor,
  isDeliverable,
  type PickupPointDef,
} from './data.js';
import type {Address, CartItem, CartState, MarketingData, SandboxContext} from './state.js';

export interface Sla {
  id: string;
  deliveryChannel: 'delivery' | 'pickup-in-point';
  name: string;
  deliveryIds: {
    courierId: string;
    warehouseId: string;
    dockId: string;
    courierName: string;
    quantity: number;
    kitItemDetails: unknown[];
  }[];
  shippingEstimate: string;
  shippingEstimateDate: string | null;
  lockTTL: string;
  availableDeliveryWindows: unknown[];
  deliveryWindow: null;
  price: number;
  listPrice: number;
  tax: number;
  pickupStoreInfo: {
    isPickupStore: boolean;
    friendlyName: string | null;
    address: PickupPointDef['address'] | null;
    additionalInfo: string | null;
    dockId: string | null;
  };
  pickupPointId: string | null;
  pickupDistance: number;
  polygonName: string | null;
  transitTime: string;
}

function courier(id: string, name: string, quantity: number) {
  return {courierId: id, warehouseId: '1_1', dockId: '1', courierName: name, quantity, kitItemDetails: []};
}

/** SLAs for `quantity` units to a destination; empty when the destination is not deliverable. */
export function slasFor(country: string, postalCode: string, quantity: number): Sla[] {
  if (!isDeliverable(country, postalCode)) return [];
  const noPickup = {
    isPickupStore: false,
    friendlyName: null,
    address: null,
    additionalInfo: null,
    dockId: null,
  };
  const extra = Math.max(0, quantity - 1);
  const slas: Sla[] = [
    {
      id: 'Normal',
      deliveryChannel: 'delivery',
      name: 'Normal',
      deliveryIds: [courier('1', 'Transportadora', quantity)],
      shippingEstimate: '5bd',
      shippingEstimateDate: null,
      lockTTL: '10d',
      availableDeliveryWindows: [],
      deliveryWindow: null,
      price: 1000 + 100 * extra,
      listPrice: 1000 + 100 * extra,
      tax: 0,
      pickupStoreInfo: noPickup,
      pickupPointId: null,
      pickupDistance: 0,
      polygonName: null,
      transitTime: '5bd',
    },
    {
      id: 'Expressa',
      deliveryChannel: 'delivery',
      name: 'Expressa',
      deliveryIds: [courier('2', 'Entrega Expressa', quantity)],
      shippingEstimate: '2bd',
      shippingEstimateDate: null,
      lockTTL: '10d',
      availableDeliveryWindows: [],
      deliveryWindow: null,
      price: 2000 + 200 * extra,
      listPrice: 2000 + 200 * extra,
      tax: 0,
      pickupStoreInfo: noPickup,
      pickupPointId: null,
      pickupDistance: 0,
      polygonName: null,
      transitTime: '2bd',
    },
  ];
  if (country === 'BRA') {
    for (const [i, p] of PICKUP_POINTS.entries()) {
      const code = p.id.split('_')[1]!;
      slas.push({
        id: `Retirada (${code})`,
        deliveryChannel: 'pickup-in-point',
        name: `Retirada (${code})`,
        deliveryIds: [courier('1ee17c2', 'Retira em Loja', quantity)],
        shippingEstimate: '1bd',
        shippingEstimateDate: null,
        lockTTL: '10d',
        availableDeliveryWindows: [],
        deliveryWindow: null,
        price: 0,
        listPrice: 0,
        tax: 0,
        pickupStoreInfo: {
          isPickupStore: true,
          friendlyName: p.friendlyName,
          address: p.address,
          additionalInfo: p.additionalInfo,
          dockId: '1',
        },
        pickupPointId: p.id,
        pickupDistance: 5 + i * 7,
        polygonName: null,
        transitTime: '1bd',
      });
    }
  }
  return slas;
}

export function pickupPointJson(p: PickupPointDef, distance = 0) {
  return {
    friendlyName: p.friendlyName,
    address: p.address,
    additionalInfo: p.additionalInfo,
    id: p.id,
    businessHours: p.businessHours,
    distance,
  };
}

/** Cheapest delivery (non-pickup) SLA id. */
export function cheapestDelivery(slas: Sla[]): Sla | undefined {
  return slas.filter((s) => s.deliveryChannel === 'delivery').sort((a, b) => a.price - b.price)[0];
}

interface Line {
  item: CartItem;
  sku: SandboxSku | undefined;
  available: boolean;
  /** price * quantity before discounts */
  gross: number;
  /** ≤ 0 */
  discount: number;
  slas: Sla[];
  sla: Sla | undefined;
}

export interface Computed {
  lines: Line[];
  itemsTotal: number;
  itemDiscounts: number;
  shipping: number;
  shippingDiscount: number;
  value: number;
}

/** Recomputes prices, discounts and shipping from the cart state and the catalog. */
export function compute(ctx: SandboxContext, cart: CartState): Computed {
  const coupon = cart.marketing?.coupon ? COUPONS[cart.marketing.coupon.toUpperCase()] : undefined;
  const lines: Line[] = cart.items.map((item) => {
    const sku = ctx.catalog.getSku(item.id);
    const available = !!sku && sku.stock > 0;
    const gross = available ? sku.price * item.quantity : 0;
    const slas =
      available && cart.address ? slasFor(cart.address.country, cart.address.postalCode, item.quantity) : [];
    const sla = slas.find((s) => s.id === item.selectedSla);
    if (!sla) {
      item.selectedSla = null;
      item.selectedDeliveryChannel = null;
    }
    return {item, sku, available, gross, discount: 0, slas, sla};
  });
  const itemsTotal = lines.reduce((s, l) => s + l.gross, 0);
  if (coupon?.kind === 'percent') {
    for (const l of lines) l.discount = -Math.round((l.gross * coupon.percent) / 100);
  } else if (coupon?.kind === 'fixed' && itemsTotal > 0) {
    const total = Math.min(coupon.amount, itemsTotal);
    let left = total;
    const priced = lines.filter((l) => l.gross > 0);
    priced.forEach((l, i) => {
      const share = i === priced.length - 1 ? left : Math.floor((total * l.gross) / itemsTotal);
      l.discount = -share;
      left -= share;
    });
  }
  const itemDiscounts = lines.reduce((s, l) => s + l.discount, 0);
  const shipping = lines.reduce((s, l) => s + (l.sla?.price ?? 0), 0);
  const shippingDiscount = coupon?.kind === 'freeShipping' ? -shipping : 0;
  return {
    lines,
    itemsTotal,
    itemDiscounts,
    shipping,
    shippingDiscount,
    value: itemsTotal + itemDiscounts + shipping + shippingDiscount,
  };
}

/** Splits a line total into per-unit selling prices the way VTEX's `priceDefinition.sellingPrices` does. */
function sellingPrices(total: number, quantity: number): {value: number; quantity: number}[] {
  if (quantity <= 0) return [];
  const base = Math.floor(total / quantity);
  const remainder = total - base * quantity;
  const out: {value: number; quantity: number}[] = [];
  if (quantity - remainder > 0) out.push({value: base, quantity: quantity - remainder});
  if (remainder > 0) out.push({value: base + 1, quantity: remainder});
  return out;
}

export function itemJson(ctx: SandboxContext, line: Line, couponCode: string | null, origin: string) {
  const {item, sku} = line;
  const quantity = item.quantity;
  const price = sku?.price ?? 0;
  const total = line.gross + line.discount;
  // The unit selling price (VTEX: "selling price in cents", after discounts). A line that cannot be sold is
  // not charged (`priceDefinition.total` 0, left out of the Items totalizer) but keeps its unit price.
  const unit = line.available && quantity > 0 ? Math.round(total / quantity) : price;
  const priceTags =
    line.discount !== 0
      ? [
          {
            name: `DISCOUNT@MARKETPLACE-${couponCode ?? 'PROMO'}`,
            value: line.discount,
            rawValue: line.discount / 100,
            isPercentual: false,
            identifier: `sandbox-coupon-${(couponCode ?? '').toLowerCase()}`,
            owner: ctx.account,
          },
        ]
      : [];
  return {
    uniqueId: item.uniqueId,
    id: item.id,
    productId: sku?.productId ?? '',
    productRefId: sku?.refId ?? '',
    refId: sku?.refId ?? null,
    ean: sku?.ean || null,
    name: sku?.name ?? '',
    skuName: sku?.skuName ?? '',
    modalType: null,
    parentItemIndex: null,
    parentAssemblyBinding: null,
    assemblies: [],
    priceValidUntil: new Date(ctx.now() + 365 * 86_400_000).toISOString(),
    tax: 0,
    price,
    listPrice: sku?.listPrice ?? 0,
    manualPrice: null,
    manualPriceAppliedBy: null,
    sellingPrice: unit,
    rewardValue: 0,
    isGift: false,
    additionalInfo: {
      dimension: null,
      brandName: sku?.brand ?? null,
      brandId: sku ? String(sku.brandId) : null,
      offeringInfo: null,
      offeringType: null,
      offeringTypeId: null,
    },
    preSaleDate: null,
    productCategoryIds: sku?.categoryIdsPath ?? '',
    productCategories: sku?.categories ?? {},
    quantity,
    seller: item.seller,
    sellerChain: [item.seller],
    imageUrl: absoluteOn(sku?.imageUrl ?? '', origin),
    detailUrl: sku?.detailUrl ?? '',
    components: [],
    bundleItems: [],
    attachments: [],
    attachmentOfferings: [],
    offerings: [],
    priceTags,
    availability: line.available ? 'available' : 'withoutStock',
    measurementUnit: sku?.measurementUnit ?? 'un',
    unitMultiplier: sku?.unitMultiplier ?? 1,
    manufacturerCode: null,
    priceDefinition: {
      calculatedSellingPrice: unit,
      total,
      sellingPrices: sellingPrices(total, quantity),
    },
  };
}

export function totalizersJson(c: Computed, hasShipping: boolean) {
  const out: {id: string; name: string; value: number}[] = [];
  if (c.itemsTotal > 0 || c.lines.length > 0)
    out.push({id: 'Items', name: 'Total dos Itens', value: c.itemsTotal});
  const discounts = c.itemDiscounts + c.shippingDiscount;
  if (discounts !== 0) out.push({id: 'Discounts', name: 'Total dos Descontos', value: discounts});
  if (hasShipping) out.push({id: 'Shipping', name: 'Total do Frete', value: c.shipping});
  return out;
}

export function logisticsInfoJson(c: Computed, address: Address | null) {
  return c.lines.map((l, i) => ({
    itemIndex: i,
    selectedSla: l.item.selectedSla,
    selectedDeliveryChannel: l.item.selectedDeliveryChannel,
    addressId: address?.addressId ?? null,
    slas: l.slas,
    shipsTo: ['BRA', 'USA'],
    itemId: l.item.id,
    deliveryChannels: [{id: 'delivery'}, {id: 'pickup-in-point'}],
  }));
}

export function paymentSystemsJson(ctx: SandboxContext) {
  const due = new Date(ctx.now() + 3 * 86_400_000).toISOString();
  return PAYMENT_SYSTEMS.map((p) => ({
    id: p.id,
    name: p.name,
    groupName: p.groupName,
    validator: p.validator,
    stringId: String(p.id),
    template: `${p.groupName}-template`,
    requiresDocument: false,
    displayDocument: false,
    isCustom: false,
    description: null,
    requiresAuthentication: false,
    dueDate: due,
    availablePayments: null,
  }));
}

export function installmentOptionsJson(ctx: SandboxContext, value: number) {
  return PAYMENT_SYSTEMS.map((p) => ({
    paymentSystem: String(p.id),
    bin: null,
    paymentName: p.name,
    paymentGroupName: p.groupName,
    value,
    installments: installmentsFor(p, value, ctx.account),
  }));
}

function mask(value: string | null, keepStart: number, keepEnd = 0): string | null {
  if (value === null || value === undefined) return value;
  const s = String(value);
  if (s.length <= keepStart + keepEnd) return '*'.repeat(s.length);
  return (
    s.slice(0, keepStart) + '*'.repeat(s.length - keepStart - keepEnd) + (keepEnd ? s.slice(-keepEnd) : '')
  );
}

function maskEmail(email: string): string {
  const at = email.indexOf('@');
  if (at < 1) return mask(email, 1) ?? '';
  return email[0] + '*'.repeat(Math.max(1, at - 1)) + email.slice(at);
}

function maskAddress(a: Address): Address {
  return {
    ...a,
    receiverName: mask(a.receiverName, 3),
    postalCode: mask(a.postalCode, 0, 3) ?? '',
    street: mask(a.street, 3) ?? '',
    number: mask(a.number, 0),
    complement: mask(a.complement, 0),
    reference: mask(a.reference, 0),
    geoCoordinates: [],
  };
}

export interface RenderOptions {
  /** PII must be masked for this caller. */
  masked: boolean;
  loggedIn: boolean;
  /** Origin the sandbox is served from: root-relative image URLs become absolute on it, as VTEX's are. */
  origin: string;
}

function withoutNullCoupon(m: MarketingData): Partial<MarketingData> {
  const {coupon, ...rest} = m;
  return coupon ? {coupon, ...rest} : rest;
}

/** Full orderForm JSON (Checkout shape). */
export function orderFormJson(ctx: SandboxContext, cart: CartState, opts: RenderOptions) {
  const c = compute(ctx, cart);
  const coupon = cart.marketing?.coupon ?? null;
  const hasShipping = !!cart.address && c.lines.some((l) => l.sla);
  syncPayments(cart, c.value);
  const profile = cart.clientProfile;
  const known = profile ? ctx.state.profiles.get(profile.email.toLowerCase()) : undefined;
  const address = cart.address ? (opts.masked ? maskAddress(cart.address) : cart.address) : null;
  const pickupPoints =
    cart.address?.country === 'BRA' && c.lines.some((l) => l.slas.length)
      ? PICKUP_POINTS.map((p, i) => pickupPointJson(p, 5 + i * 7))
      : [];
  return {
    orderFormId: cart.id,
    salesChannel: '1',
    loggedIn: opts.loggedIn,
    isCheckedIn: false,
    storeId: null,
    checkedInPickupPointId: null,
    allowManualPrice: false,
    canEditData: !opts.masked,
    userProfileId: known?.userProfileId ?? null,
    userType: null,
    ignoreProfileData: false,
    value: c.value,
    messages: cart.messages.map((m) => ({...m})),
    items: c.lines.map((l) => itemJson(ctx, l, coupon, opts.origin)),
    selectableGifts: [],
    totalizers: totalizersJson(c, hasShipping),
    shippingData: cart.address
      ? {
          address,
          logisticsInfo: logisticsInfoJson(c, cart.address),
          selectedAddresses: address ? [address] : [],
          availableAddresses: address ? [address] : [],
          pickupPoints,
        }
      : {
          address: null,
          logisticsInfo: logisticsInfoJson(c, null),
          selectedAddresses: [],
          availableAddresses: [],
          pickupPoints: [],
        },
    clientProfileData: profile
      ? {
          email: opts.masked ? maskEmail(profile.email) : profile.email,
          firstName: opts.masked ? mask(profile.firstName, 3) : profile.firstName,
          lastName: opts.masked ? mask(profile.lastName, 3) : profile.lastName,
          document: opts.masked ? mask(profile.document, 0, 2) : profile.document,
          documentType: profile.documentType,
          phone: opts.masked ? mask(profile.phone, 3, 2) : profile.phone,
          corporateName: profile.corporateName,
          tradeName: profile.tradeName,
          corporateDocument: opts.masked ? mask(profile.corporateDocument, 0, 2) : profile.corporateDocument,
          stateInscription: profile.stateInscription,
          corporatePhone: profile.corporatePhone,
          isCorporate: profile.isCorporate,
          profileCompleteOnLoading: !!known,
          profileErrorOnLoading: false,
          customerClass: null,
        }
      : null,
    paymentData: {
      updateStatus: 'updated',
      installmentOptions: installmentOptionsJson(ctx, c.value),
      paymentSystems: paymentSystemsJson(ctx),
      payments: cart.payments.map((p) => ({...p})),
      giftCards: [],
      giftCardMessages: [],
      availableAccounts: [],
      availableTokens: [],
    },
    // `coupon` is a non-nullable string in the Checkout schema: left out while no coupon is applied.
    marketingData: cart.marketing ? withoutNullCoupon(cart.marketing) : null,
    sellers: [{id: '1', name: ctx.account, logo: null}],
    clientPreferencesData: {locale: ctx.store.locale, optinNewsLetter: cart.optinNewsLetter},
    commercialConditionData: null,
    storePreferencesData: {
      countryCode: ctx.store.countryCode,
      saveUserData: true,
      timeZone: ctx.store.timeZone,
      currencyCode: ctx.store.currencyCode,
      currencyLocale: ctx.store.currencyLocale,
      currencySymbol: ctx.store.currencySymbol,
      currencyFormatInfo: {...ctx.store.currencyFormatInfo},
    },
    giftRegistryData: null,
    openTextField: null,
    invoiceData: null,
    customData: cart.customApps.size
      ? {
          customApps: [...cart.customApps].map(([id, fields]) => ({id, major: 1, fields: {...fields}})),
        }
      : null,
    itemMetadata: {
      items: c.lines.map((l) => ({
        id: l.item.id,
        seller: l.item.seller,
        name: l.sku?.name ?? '',
        skuName: l.sku?.skuName ?? '',
        productId: l.sku?.productId ?? '',
        refId: l.sku?.refId ?? '',
        ean: l.sku?.ean || null,
        imageUrl: absoluteOn(l.sku?.imageUrl ?? '', opts.origin),
        detailUrl: l.sku?.detailUrl ?? '',
        assemblyOptions: [],
      })),
    },
    hooksData: null,
    ratesAndBenefitsData: {rateAndBenefitsIdentifiers: [], teaser: []},
    subscriptionData: null,
    merchantContextData: null,
    itemsOrdination: null,
  };
}

/** A single attached payment follows the cart value (VTEX recomputes it on every change). */
export function syncPayments(cart: CartState, value: number): void {
  if (cart.payments.length !== 1) return;
  const p = cart.payments[0]!;
  if (p.referenceValue === value) return;
  const installments = Math.max(1, p.installments);
  cart.payments[0] = {
    ...p,
    value,
    referenceValue: value,
    installmentsValue: Math.floor(value / installments),
  };
}
