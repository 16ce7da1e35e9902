/** Checkout routes of the sandbox: orderForm, items, coupons, attachments, simulation, helpers. */
import {
  BAD_JSON,
  checkoutError,
  isRecord,
  json,
  randomHex,
  readJson,
  requestCookies,
  serializeCookie,
  type Handler,
} from '../http.js';
import {
  COUPONS,
  PICKUP_POINTS,
  POSTAL_CODES,
  SUPPORTED_COUNTRIES,
  installmentsFor,
  isValidCpf,
  isValidPostalCode,
  paymentSystem,
  postalDigits,
} from './data.js';
import {
  cheapestDelivery,
  compute,
  installmentOptionsJson,
  orderFormJson,
  paymentSystemsJson,
  pickupPointJson,
  slasFor,
} from './orderform.js';
import {createPlacement} from './placement.js';
import type {Address, CartMessage, CartState, ClientProfile, SandboxContext} from './state.js';

const PUB = '/api/checkout/pub';
const OF_COOKIE = 'checkout.vtex.com';
const OWNERSHIP = 'CheckoutOrderFormOwnership';
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[^\s@]{2,}$/;

export function newCart(ctx: SandboxContext): CartState {
  const cart: CartState = {
    id: randomHex(32),
    items: [],
    messages: [],
    marketing: null,
    clientProfile: null,
    ownership: null,
    address: null,
    payments: [],
    optinNewsLetter: null,
    customApps: new Map(),
    finished: false,
  };
  ctx.state.carts.set(cart.id, cart);
  return cart;
}

/** orderFormId named by the `checkout.vtex.com` cookie (`__ofid=` or `_ofid=`). */
export function cookieOrderFormId(request: Request): string | undefined {
  const value = requestCookies(request)[OF_COOKIE];
  const m = value && /^_{1,2}ofid=([0-9a-f]{32})$/i.exec(value.trim());
  return m ? m[1]!.toLowerCase() : undefined;
}

function ofCookie(id: string): string {
  return serializeCookie(OF_COOKIE, `__ofid=${id}`, {
    maxAge: 30 * 86_400,
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
  });
}

function ownershipCookie(value: string): string {
  return serializeCookie(OWNERSHIP, value, {
    maxAge: 30 * 86_400,
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
  });
}

function addMessage(
  cart: CartState,
  m: Omit<CartMessage, 'fields'> & {fields?: Record<string, string>},
): void {
  const msg = {code: m.code, text: m.text, status: m.status, fields: m.fields ?? {}};
  if (!cart.messages.some((x) => x.code === msg.code && x.text === msg.text)) cart.messages.push(msg);
}

function autoSelectSlas(ctx: SandboxContext, cart: CartState): void {
  const c = compute(ctx, cart);
  for (const l of c.lines) {
    if (l.item.selectedSla) continue;
    const best = cheapestDelivery(l.slas);
    if (best) {
      l.item.selectedSla = best.id;
      l.item.selectedDeliveryChannel = best.deliveryChannel;
    }
  }
}

async function isMasked(
  ctx: SandboxContext,
  request: Request,
  cart: CartState,
): Promise<{masked: boolean; loggedIn: boolean}> {
  const email = await ctx.identify(request);
  const profileEmail = cart.clientProfile?.email.toLowerCase();
  const known = profileEmail ? ctx.state.profiles.has(profileEmail) : false;
  if (!known) return {masked: false, loggedIn: !!email};
  if (email && email.toLowerCase() === profileEmail) return {masked: false, loggedIn: true};
  const own = requestCookies(request)[OWNERSHIP];
  return {masked: !(own && cart.ownership && own === cart.ownership), loggedIn: !!email};
}

async function respond(
  ctx: SandboxContext,
  request: Request,
  cart: CartState,
  headers?: Headers,
  forceOwner = false,
): Promise<Response> {
  const opts = await isMasked(ctx, request, cart);
  if (forceOwner) opts.masked = false;
  return json(orderFormJson(ctx, cart, {...opts, origin: new URL(request.url).origin}), 200, headers);
}

function badBody(): Response {
  return checkoutError(400, 'CHK0001', 'Invalid request body');
}

type Body = Record<string, unknown>;

async function body(request: Request): Promise<Body | Response> {
  const b = await readJson(request);
  if (b === BAD_JSON) return badBody();
  if (b === undefined) return {};
  if (!isRecord(b)) return badBody();
  return b;
}

function str(v: unknown): string | null {
  return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : null;
}

interface AddItem {
  id: string;
  quantity: number;
  seller: string;
  index?: number;
}

function validateAdd(ctx: SandboxContext, raw: unknown): AddItem | Response {
  if (!isRecord(raw)) return checkoutError(400, 'CHK0022', 'Invalid item');
  const id = str(raw.id);
  const sku = id ? ctx.catalog.getSku(id) : undefined;
  if (!id || !sku)
    return checkoutError(400, 'CHK0022', `Item ${id ?? ''} not found or invalid`, {id: id ?? ''});
  const q = raw.quantity;
  if (typeof q !== 'number' || !Number.isInteger(q) || q < 1 || q > 100_000) {
    return checkoutError(400, 'CHK0023', `Invalid quantity for item ${id}`, {quantity: String(q)});
  }
  const seller = raw.seller === undefined ? sku.sellerId : str(raw.seller);
  if (seller !== sku.sellerId) {
    return checkoutError(400, 'CHK0024', `Invalid seller ${String(raw.seller)} for item ${id}`, {
      seller: String(raw.seller),
    });
  }
  return {id, quantity: q, seller};
}

function addItems(ctx: SandboxContext, cart: CartState, items: AddItem[]): void {
  for (const add of items) {
    const sku = ctx.catalog.getSku(add.id)!;
    let line = cart.items.find((i) => i.id === add.id && i.seller === add.seller);
    if (!line) {
      line = {
        uniqueId: randomHex(32).toUpperCase(),
        id: add.id,
        seller: add.seller,
        quantity: 0,
        selectedSla: null,
        selectedDeliveryChannel: null,
      };
      cart.items.push(line);
    }
    setQuantity(cart, line.id, cart.items.indexOf(line), line.quantity + add.quantity, sku.stock, sku.name);
  }
}

function setQuantity(
  cart: CartState,
  _id: string,
  index: number,
  wanted: number,
  stock: number,
  name: string,
): void {
  const line = cart.items[index]!;
  if (stock <= 0) {
    line.quantity = wanted;
    addMessage(cart, {
      code: 'withoutStock',
      text: `O item ${name} não está disponível`,
      status: 'error',
      fields: {itemIndex: String(index), skuName: name},
    });
    return;
  }
  if (wanted > stock) {
    line.quantity = stock;
    addMessage(cart, {
      code: 'itemQuantityNotAvailable',
      text: `A quantidade desejada para o item ${name} não está disponível (máximo ${stock})`,
      status: 'warning',
      fields: {itemIndex: String(index), skuName: name, quantity: String(stock)},
    });
    return;
  }
  line.quantity = wanted;
}

function updateItems(ctx: SandboxContext, cart: CartState, updates: unknown[]): Response | undefined {
  const parsed: {index: number; quantity: number}[] = [];
  for (const u of updates) {
    if (!isRecord(u)) return checkoutError(400, 'CHK0041', 'Invalid item index');
    const index = u.index;
    if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= cart.items.length) {
      return checkoutError(400, 'CHK0041', `Invalid item index ${String(index)}`, {index: String(index)});
    }
    const q = u.quantity;
    if (typeof q !== 'number' || !Number.isInteger(q) || q < 0 || q > 100_000) {
      return checkoutError(400, 'CHK0023', `Invalid quantity ${String(q)}`, {quantity: String(q)});
    }
    parsed.push({index, quantity: q});
  }
  for (const {index, quantity} of parsed) {
    const line = cart.items[index]!;
    const sku = ctx.catalog.getSku(line.id);
    if (quantity === 0 || !sku) line.quantity = 0;
    else setQuantity(cart, line.id, index, quantity, sku.stock, sku.name);
  }
  cart.items = cart.items.filter((i) => i.quantity > 0);
  return undefined;
}

function applyCoupon(cart: CartState, text: string): void {
  const code = text.trim();
  cart.messages = cart.messages.filter((m) => m.code !== 'couponNotFound');
  if (!code) {
    if (cart.marketing) cart.marketing.coupon = null;
    return;
  }
  if (!COUPONS[code.toUpperCase()]) {
    addMessage(cart, {
      code: 'couponNotFound',
      text: `O cupom ${code} é inválido`,
      status: 'error',
      fields: {coupon: code},
    });
    return;
  }
  cart.marketing = {...emptyMarketing(), ...(cart.marketing ?? {}), coupon: code.toUpperCase()};
}

function emptyMarketing() {
  return {
    coupon: null,
    utmSource: null,
    utmMedium: null,
    utmCampaign: null,
    utmipage: null,
    utmiPart: null,
    utmiCampaign: null,
    marketingTags: [] as string[],
  };
}

function validateProfile(b: Body): ClientProfile | Response {
  const field = (name: string, text: string) =>
    checkoutError(400, 'ORD007', text, {[name]: String(b[name] ?? '')});
  const email = str(b.email)?.trim() ?? '';
  if (!EMAIL_RE.test(email) || email.length > 254) return field('email', 'Invalid email');
  const firstName = str(b.firstName)?.trim() ?? '';
  if (!firstName || firstName.length > 100) return field('firstName', 'Invalid first name');
  const lastName = str(b.lastName)?.trim() ?? '';
  if (!lastName || lastName.length > 100) return field('lastName', 'Invalid last name');
  const documentType = (str(b.documentType) ?? 'cpf').toLowerCase();
  const document = str(b.document)?.trim() ?? '';
  if (!document) return field('document', 'Document required');
  if (documentType === 'cpf' && !isValidCpf(document)) return field('document', 'Invalid CPF');
  const phone = str(b.phone);
  if (phone !== null && phone !== '' && !/^\+?[0-9 ()-]{8,20}$/.test(phone))
    return field('phone', 'Invalid phone');
  const isCorporate = b.isCorporate === true;
  if (isCorporate && !str(b.corporateName)) return field('corporateName', 'Corporate name required');
  if (isCorporate && !str(b.corporateDocument))
    return field('corporateDocument', 'Corporate document required');
  return {
    email,
    firstName,
    lastName,
    document: documentType === 'cpf' ? document.replace(/\D/g, '') : document,
    documentType,
    phone: phone || null,
    corporateName: str(b.corporateName),
    tradeName: str(b.tradeName),
    corporateDocument: str(b.corporateDocument),
    stateInscription: str(b.stateInscription),
    corporatePhone: str(b.corporatePhone),
    isCorporate,
  };
}

const ADDRESS_TYPES = ['residential', 'commercial', 'pickup', 'giftRegistry', 'inStore', 'search'];

function validateAddress(raw: unknown): Address | Response {
  if (!isRecord(raw)) return checkoutError(400, 'ORD006', 'Invalid address', {address: ''});
  const country = str(raw.country)?.toUpperCase() ?? '';
  if (!SUPPORTED_COUNTRIES.includes(country)) {
    return checkoutError(400, 'ORD026', `Invalid country code ${country}`, {country});
  }
  const postalCode = str(raw.postalCode)?.trim() ?? '';
  if (!postalCode)
    return checkoutError(400, 'CHK0119', 'Address needs a postal code or geocoordinates', {postalCode});
  if (!isValidPostalCode(country, postalCode)) {
    return checkoutError(400, 'ORD001', `Invalid postal code ${postalCode}`, {postalCode});
  }
  const addressType = str(raw.addressType) ?? 'residential';
  if (!ADDRESS_TYPES.includes(addressType))
    return checkoutError(400, 'ORD006', 'Invalid addressType', {addressType});
  for (const f of [
    'receiverName',
    'city',
    'state',
    'street',
    'number',
    'neighborhood',
    'complement',
    'reference',
  ]) {
    const v = raw[f];
    if (v !== undefined && v !== null && typeof v !== 'string' && typeof v !== 'number') {
      return checkoutError(400, 'ORD006', `Invalid field ${f}`, {[f]: String(v)});
    }
    if (typeof v === 'string' && v.length > 200)
      return checkoutError(400, 'ORD006', `Invalid field ${f}`, {[f]: v});
  }
  const geo = Array.isArray(raw.geoCoordinates)
    ? raw.geoCoordinates.filter((n) => typeof n === 'number')
    : [];
  const known = POSTAL_CODES[country + postalDigits(postalCode)];
  const pick = (f: string, fallback: string | null) => {
    const v = str(raw[f]);
    return v !== null && v !== '' ? v : fallback;
  };
  return {
    addressType,
    receiverName: pick('receiverName', null),
    addressId: pick('addressId', null) ?? randomHex(32),
    isDisposable: raw.isDisposable !== false,
    postalCode: known?.postalCode ?? postalCode,
    city: pick('city', known?.city ?? '') ?? '',
    state: pick('state', known?.state ?? '') ?? '',
    country,
    street: pick('street', known?.street ?? '') ?? '',
    number: pick('number', null),
    neighborhood: pick('neighborhood', known?.neighborhood ?? '') ?? '',
    complement: pick('complement', null),
    reference: pick('reference', null),
    geoCoordinates: geo.length === 2 ? (geo as number[]) : (known?.geoCoordinates ?? []),
  };
}

function applyShipping(ctx: SandboxContext, cart: CartState, b: Body): Response | undefined {
  const addresses = Array.isArray(b.selectedAddresses) ? b.selectedAddresses : b.address ? [b.address] : [];
  if (addresses.length) {
    const residential = addresses.find((a) => isRecord(a) && a.addressType !== 'pickup') ?? addresses[0];
    const address = validateAddress(residential);
    if (address instanceof Response) return address;
    const changed =
      !cart.address ||
      cart.address.postalCode !== address.postalCode ||
      cart.address.country !== address.country;
    cart.address = address;
    if (changed) {
      for (const i of cart.items) {
        i.selectedSla = null;
        i.selectedDeliveryChannel = null;
      }
    }
  }
  if (b.logisticsInfo !== undefined) {
    if (!Array.isArray(b.logisticsInfo)) return checkoutError(400, 'CHK0041', 'Invalid logisticsInfo');
    const c = compute(ctx, cart);
    const picks: {index: number; sla: string; channel: string}[] = [];
    for (const li of b.logisticsInfo) {
      if (!isRecord(li)) return checkoutError(400, 'CHK0041', 'Invalid logisticsInfo');
      const index = li.itemIndex;
      if (typeof index !== 'number' || !Number.isInteger(index) || index < 0 || index >= cart.items.length) {
        return checkoutError(400, 'CHK0041', `Invalid item index ${String(index)}`, {
          itemIndex: String(index),
        });
      }
      const slaId = str(li.selectedSla);
      if (slaId === null) continue;
      const sla = c.lines[index]!.slas.find((s) => s.id === slaId);
      if (!sla) {
        return checkoutError(400, 'CHK0171', `Selected SLA ${slaId} is not available for item ${index}`, {
          selectedSla: slaId,
          itemIndex: String(index),
        });
      }
      picks.push({index, sla: sla.id, channel: sla.deliveryChannel});
    }
    for (const p of picks) {
      cart.items[p.index]!.selectedSla = p.sla;
      cart.items[p.index]!.selectedDeliveryChannel = p.channel;
    }
  }
  autoSelectSlas(ctx, cart);
  if (cart.address && !compute(ctx, cart).lines.some((l) => l.slas.length) && cart.items.length) {
    addMessage(cart, {
      code: 'cannotBeDelivered',
      text: `Os itens não podem ser entregues para o CEP ${cart.address.postalCode}`,
      status: 'error',
      fields: {postalCode: cart.address.postalCode},
    });
  }
  return undefined;
}

function applyPayments(ctx: SandboxContext, cart: CartState, b: Body): Response | undefined {
  if (!Array.isArray(b.payments))
    return checkoutError(400, 'ORD020', 'Payment data required', {payments: ''});
  const value = compute(ctx, cart).value;
  const out: CartState['payments'] = [];
  for (const p of b.payments) {
    if (!isRecord(p)) return checkoutError(400, 'ORD020', 'Invalid payment');
    if (typeof p.referenceValue !== 'number') {
      return checkoutError(400, 'ORD020', 'Payment referenceValue is required', {referenceValue: ''});
    }
    const system = paymentSystem(p.paymentSystem);
    if (!system) {
      addMessage(cart, {
        code: 'unavailableSelectedPayment',
        text: `Payment system ${String(p.paymentSystem)} is not available`,
        status: 'warning',
        fields: {paymentSystem: String(p.paymentSystem)},
      });
      continue;
    }
    const installments =
      typeof p.installments === 'number' && Number.isInteger(p.installments) ? p.installments : 1;
    const options = installmentsFor(system, typeof p.value === 'number' ? p.value : value, ctx.account);
    const chosen = options.find((o) => o.count === installments) ?? options[0]!;
    if (chosen.count !== installments) {
      addMessage(cart, {
        code: 'unavailableSelectedPayment',
        text: `${installments} installments are not available for ${system.name}`,
        status: 'warning',
        fields: {installments: String(installments)},
      });
    }
    const v = typeof p.value === 'number' ? p.value : p.referenceValue;
    out.push({
      paymentSystem: system.id,
      paymentSystemName: system.name,
      group: system.groupName,
      installments: chosen.count,
      installmentsInterestRate: 0,
      installmentsValue: Math.floor(v / chosen.count),
      value: v,
      referenceValue: p.referenceValue,
      bin: null,
      accountId: str(p.accountId),
      tokenId: null,
    });
  }
  cart.payments = out;
  return undefined;
}

function applyMarketing(cart: CartState, b: Body): Response | undefined {
  const tags = b.marketingTags;
  if (
    tags !== undefined &&
    (!Array.isArray(tags) || tags.length > 50 || tags.some((t) => typeof t !== 'string'))
  ) {
    return checkoutError(400, 'ORD006', 'Invalid marketingTags', {marketingTags: ''});
  }
  const prev = cart.marketing ?? emptyMarketing();
  cart.marketing = {
    ...prev,
    utmSource: str(b.utmSource) ?? prev.utmSource,
    utmMedium: str(b.utmMedium) ?? prev.utmMedium,
    utmCampaign: str(b.utmCampaign) ?? prev.utmCampaign,
    utmipage: str(b.utmiPage ?? b.utmipage) ?? prev.utmipage,
    utmiPart: str(b.utmiPart) ?? prev.utmiPart,
    utmiCampaign: str(b.utmiCampaign) ?? prev.utmiCampaign,
    marketingTags: (tags as string[] | undefined) ?? prev.marketingTags,
  };
  if (typeof b.coupon === 'string') applyCoupon(cart, b.coupon);
  return undefined;
}

function simulate(ctx: SandboxContext, b: Body) {
  const country = (str(b.country) ?? ctx.store.countryCode).toUpperCase();
  const postalCode = str(b.postalCode);
  const raw = Array.isArray(b.items) ? b.items : [];
  const messages: CartMessage[] = [];
  const items: unknown[] = [];
  const logisticsInfo: unknown[] = [];
  let total = 0;
  raw.forEach((r, requestIndex) => {
    if (!isRecord(r)) return;
    const id = str(r.id) ?? '';
    const sku = ctx.catalog.getSku(id);
    const quantity = typeof r.quantity === 'number' && r.quantity > 0 ? Math.floor(r.quantity) : 1;
    if (!sku) {
      messages.push({code: 'ORD027', text: `Item ${id} não encontrado`, status: 'error', fields: {id}});
      return;
    }
    const q = sku.stock > 0 ? Math.min(quantity, sku.stock) : quantity;
    if (sku.stock > 0 && q < quantity) {
      messages.push({
        code: 'itemQuantityNotAvailable',
        text: `A quantidade desejada para o item ${sku.name} não está disponível`,
        status: 'warning',
        fields: {skuName: sku.name},
      });
    }
    const slas = postalCode && sku.stock > 0 ? slasFor(country, postalCode, q) : [];
    const availability =
      sku.stock <= 0 ? 'withoutStock' : postalCode && !slas.length ? 'cannotBeDelivered' : 'available';
    const lineTotal = sku.stock > 0 ? sku.price * q : 0;
    total += lineTotal;
    const itemIndex = items.length;
    items.push({
      id,
      requestIndex,
      quantity: q,
      seller: sku.sellerId,
      sellerChain: [sku.sellerId],
      tax: 0,
      priceValidUntil: new Date(ctx.now() + 365 * 86_400_000).toISOString(),
      price: sku.price,
      listPrice: sku.listPrice,
      rewardValue: 0,
      sellingPrice: sku.price,
      offerings: [],
      priceTags: [],
      measurementUnit: sku.measurementUnit,
      unitMultiplier: sku.unitMultiplier,
      parentItemIndex: null,
      parentAssemblyBinding: null,
      availability,
      priceDefinition: {
        calculatedSellingPrice: sku.price,
        total: lineTotal,
        sellingPrices: [{value: sku.price, quantity: q}],
      },
    });
    logisticsInfo.push({
      itemIndex,
      addressId: null,
      selectedSla: null,
      selectedDeliveryChannel: null,
      quantity: q,
      shipsTo: ['BRA', 'USA'],
      slas,
      deliveryChannels: [{id: 'delivery'}, {id: 'pickup-in-point'}],
    });
  });
  if (postalCode && items.length && logisticsInfo.every((l) => !(l as {slas: unknown[]}).slas.length)) {
    messages.push({
      code: 'cannotBeDelivered',
      text: `Os itens não podem ser entregues para o CEP ${postalCode}`,
      status: 'error',
      fields: {postalCode},
    });
  }
  const hasPickup = logisticsInfo.some((l) =>
    (l as {slas: {deliveryChannel: string}[]}).slas.some((s) => s.deliveryChannel === 'pickup-in-point'),
  );
  return {
    items,
    ratesAndBenefitsData: {rateAndBenefitsIdentifiers: [], teaser: []},
    paymentData: {
      installmentOptions: installmentOptionsJson(ctx, total),
      paymentSystems: paymentSystemsJson(ctx),
      payments: [],
      giftCards: [],
      giftCardMessages: [],
      availableAccounts: [],
      availableTokens: [],
      availableAssociations: {},
    },
    selectableGifts: [],
    marketingData: null,
    postalCode: postalCode ?? null,
    country,
    geoCoordinates: Array.isArray(b.geoCoordinates) ? b.geoCoordinates : [],
    logisticsInfo,
    messages,
    purchaseConditions: {itemPurchaseConditions: []},
    pickupPoints: hasPickup ? PICKUP_POINTS.map((p, i) => pickupPointJson(p, 5 + i * 7)) : [],
    subscriptionData: null,
    totals: [{id: 'Items', name: 'Total dos Itens', value: total}],
    itemMetadata: null,
  };
}

/** Custom fields are short strings: app ids and field names are VTEX-style identifiers. */
const CUSTOM_NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const CUSTOM_VALUE_MAX = 10_000;

/**
 * `PUT …/customData/{appId}/{field}` (`{value}`), `PUT …/customData/{appId}` (`{field: value, …}`) and
 * `DELETE …/customData/{appId}/{field}`: the values land in `customData.customApps[]` as `{id, major, fields}`.
 */
function applyCustomData(cart: CartState, method: string, rest: string[], b: Body): Response | undefined {
  const [appId = '', field] = rest;
  if (!CUSTOM_NAME.test(appId) || (field !== undefined && !CUSTOM_NAME.test(field))) {
    return checkoutError(400, 'CHK0001', 'Invalid custom data app or field name', {
      appId,
      field: field ?? '',
    });
  }
  const fields = {...(cart.customApps.get(appId) ?? {})};
  if (method === 'DELETE') {
    delete fields[field!];
  } else {
    const entries: [string, unknown][] = field === undefined ? Object.entries(b) : [[field, b.value]];
    if (field === undefined && entries.length === 0) {
      return checkoutError(400, 'CHK0001', 'Custom data needs at least one field', {appId});
    }
    for (const [name, value] of entries) {
      if (!CUSTOM_NAME.test(name)) return checkoutError(400, 'CHK0001', `Invalid custom field ${name}`);
      if (typeof value !== 'string' || value.length > CUSTOM_VALUE_MAX) {
        return checkoutError(400, 'CHK0001', `The value of ${name} must be a string`, {[name]: ''});
      }
      fields[name] = value;
    }
  }
  cart.customApps.set(appId, fields);
  return undefined;
}

export interface Checkout {
  handle: Handler;
  /** orderFormId whose writes this request must be serialized with, if any. */
  mutationKey(request: Request, url: URL): string | undefined;
  /** The page a Pix payment's `redirectUrl` opens. */
  pixPage(transactionId: string): Response;
}

export function createCheckout(ctx: SandboxContext): Checkout {
  const placement = createPlacement(ctx);

  function liveCart(id: string): CartState | undefined {
    const cart = ctx.state.carts.get(id.toLowerCase());
    return cart && !cart.finished ? cart : undefined;
  }

  const invalid = () => checkoutError(400, 'ORD002', 'Invalid order form');

  async function mutate(
    request: Request,
    id: string,
    action: string,
    rest: string[],
  ): Promise<Response | undefined> {
    const cart = liveCart(id);
    const method = request.method;
    const path = [action, ...rest].join('/');
    const known = [
      'POST items',
      'PATCH items',
      'POST items/update',
      'POST items/removeAll',
      'POST coupons',
      'POST messages/clear',
      'POST transaction',
      'GET installments',
    ];
    const isAttachment = action === 'attachments' && rest.length === 1 && method === 'POST';
    const isCustomData =
      action === 'customData' &&
      ((method === 'PUT' && (rest.length === 1 || rest.length === 2)) ||
        (method === 'DELETE' && rest.length === 2));
    if (!isAttachment && !isCustomData && !known.includes(`${method} ${path}`)) return undefined;
    if (!cart) return invalid();
    if (method === 'GET') {
      const ps = paymentSystem(new URL(request.url).searchParams.get('paymentSystem'));
      if (!ps) return checkoutError(400, 'CHK0116', 'Invalid payment system');
      const value = compute(ctx, cart).value;
      return json({
        paymentSystem: ps.id,
        bin: null,
        paymentName: ps.name,
        paymentGroupName: ps.groupName,
        value,
        installments: installmentsFor(ps, value, ctx.account),
      });
    }
    const b = await body(request);
    if (b instanceof Response) return b;
    if (path === 'transaction') return placement.place(request, cart, b);
    if (isCustomData) return applyCustomData(cart, method, rest, b) ?? respond(ctx, request, cart);
    const headers = new Headers();
    let owner = false;
    let error: Response | undefined;
    switch (path) {
      case 'items':
      case 'items/update': {
        const list = b.orderItems;
        if (!Array.isArray(list)) return checkoutError(400, 'CHK0022', 'orderItems is required');
        if (path === 'items/update') {
          error = updateItems(ctx, cart, list);
          break;
        }
        const updates =
          method === 'PATCH'
            ? list.filter((i) => isRecord(i) && i.index !== undefined && i.index !== null)
            : [];
        const adds: AddItem[] = [];
        for (const raw of list) {
          if (updates.includes(raw)) continue;
          const v = validateAdd(ctx, raw);
          if (v instanceof Response) return v;
          adds.push(v);
        }
        if (updates.length) {
          error = updateItems(ctx, cart, updates);
          if (error) break;
        }
        addItems(ctx, cart, adds);
        break;
      }
      case 'items/removeAll':
        cart.items = [];
        break;
      case 'coupons':
        if (typeof b.text !== 'string') return checkoutError(400, 'CHK0103', 'Invalid coupon', {text: ''});
        applyCoupon(cart, b.text);
        break;
      case 'messages/clear':
        cart.messages = [];
        break;
      case 'attachments/clientProfileData': {
        const profile = validateProfile(b);
        if (profile instanceof Response) return profile;
        const authed = await ctx.identify(request);
        if (authed && authed.toLowerCase() !== profile.email.toLowerCase()) {
          return checkoutError(400, 'CHK0109', 'The email belongs to another user', {email: profile.email});
        }
        cart.clientProfile = profile;
        cart.ownership = randomHex(64);
        headers.append('Set-Cookie', ownershipCookie(cart.ownership));
        owner = true;
        break;
      }
      case 'attachments/shippingData':
        error = applyShipping(ctx, cart, b);
        if (!error && cart.ownership) {
          const mine = requestCookies(request)[OWNERSHIP] === cart.ownership;
          if (mine) {
            cart.ownership = randomHex(64);
            headers.append('Set-Cookie', ownershipCookie(cart.ownership));
            owner = true;
          }
        }
        break;
      case 'attachments/paymentData':
        error = applyPayments(ctx, cart, b);
        break;
      case 'attachments/marketingData':
        error = applyMarketing(cart, b);
        break;
      case 'attachments/clientPreferencesData':
        if (typeof b.optinNewsLetter === 'boolean') cart.optinNewsLetter = b.optinNewsLetter;
        break;
      default:
        if (isAttachment) return checkoutError(400, 'CHK0001', `Unknown attachment ${rest[0]}`);
        return undefined;
    }
    if (error) return error;
    if (path.startsWith('items')) autoSelectSlas(ctx, cart);
    return respond(ctx, request, cart, headers, owner);
  }

  async function handle(request: Request, url: URL): Promise<Response | undefined> {
    const p = url.pathname;
    const method = request.method;
    if (p.startsWith('/checkout/changeToAnonymousUser/') && method === 'GET') {
      const cart = liveCart(p.split('/')[3] ?? '');
      if (!cart) return invalid();
      cart.clientProfile = null;
      cart.address = null;
      cart.payments = [];
      cart.ownership = null;
      for (const i of cart.items) {
        i.selectedSla = null;
        i.selectedDeliveryChannel = null;
      }
      return respond(ctx, request, cart);
    }
    const placed = await placement.handle(request, url);
    if (placed) return placed;
    if (!p.startsWith(PUB + '/')) return undefined;
    const parts = p
      .slice(PUB.length + 1)
      .split('/')
      .map(decodeURIComponent);
    if (parts[0] === 'orderForm') {
      // VTEX answers POST like GET here (production clients POST `{}` to get-or-create and to refresh).
      if (parts.length === 1 && (method === 'GET' || method === 'POST')) {
        const force = url.searchParams.get('forceNewCart') === 'true';
        const fromCookie = cookieOrderFormId(request);
        const existing = !force && fromCookie ? liveCart(fromCookie) : undefined;
        const cart = existing ?? newCart(ctx);
        const headers = new Headers();
        headers.append('Set-Cookie', ofCookie(cart.id));
        if (!existing) headers.append('Set-Cookie', ownershipCookie(''));
        return respond(ctx, request, cart, headers);
      }
      if (parts.length === 2 && (method === 'GET' || method === 'POST')) {
        const cart = liveCart(parts[1]!);
        if (!cart) return invalid();
        return respond(ctx, request, cart);
      }
      if (parts.length >= 3) return mutate(request, parts[1]!, parts[2]!, parts.slice(3));
      return undefined;
    }
    if (parts[0] === 'orderForms' && parts[1] === 'simulation' && parts.length === 2 && method === 'POST') {
      const b = await body(request);
      if (b instanceof Response) return b;
      if (!Array.isArray(b.items)) return checkoutError(400, 'CHK0022', 'items is required');
      return json(simulate(ctx, b));
    }
    if (parts[0] === 'postal-code' && parts.length === 3 && method === 'GET') {
      const found = POSTAL_CODES[parts[1]!.toUpperCase() + postalDigits(parts[2]!)];
      if (!found) return checkoutError(404, 'ORD001', `Postal code ${parts[2]} not found`);
      return json(found);
    }
    if (parts[0] === 'pickup-points' && parts.length === 1 && method === 'GET') {
      const country = (url.searchParams.get('countryCode') ?? ctx.store.countryCode).toUpperCase();
      const postal = url.searchParams.get('postalCode');
      const geo = url.searchParams.get('geoCoordinates');
      const near = country === 'BRA' && (geo || (postal && isValidPostalCode(country, postal)));
      const items = near
        ? PICKUP_POINTS.map((pp, i) => {
            const point = pickupPointJson(pp);
            // The pickup-points route answers empty strings (not null) for these (spec example).
            const address = {...point.address, receiverName: '', reference: point.address.reference ?? ''};
            return {distance: 5 + i * 7, pickupPoint: {...point, address}};
          })
        : [];
      return json({paging: {page: 1, pageSize: 30, total: items.length, pages: items.length ? 1 : 0}, items});
    }
    if (parts[0] === 'profiles' && parts.length === 1 && method === 'GET') {
      const email = (url.searchParams.get('email') ?? '').trim().toLowerCase();
      if (!EMAIL_RE.test(email)) return checkoutError(400, 'ORD007', 'Invalid email', {email});
      const known = ctx.state.profiles.get(email);
      if (!known) {
        return json({
          userProfileId: null,
          profileProvider: 'VTEX',
          availableAccounts: [],
          availableAddresses: [],
          userProfile: null,
          isComplete: false,
        });
      }
      const authed = (await ctx.identify(request))?.toLowerCase() === email;
      const m = (s: string | null, keep: number) =>
        authed || !s ? s : s.slice(0, keep) + '*'.repeat(Math.max(0, s.length - keep));
      return json({
        userProfileId: known.userProfileId,
        profileProvider: 'VTEX',
        availableAccounts: [],
        availableAddresses: [],
        userProfile: {
          email: known.email,
          firstName: m(known.firstName, 3),
          lastName: m(known.lastName, 3),
          document: m(known.document, 0),
          documentType: known.documentType,
          phone: m(known.phone, 3),
          corporateName: known.corporateName,
          tradeName: known.tradeName,
          corporateDocument: known.corporateDocument,
          stateInscription: known.stateInscription,
          corporatePhone: known.corporatePhone,
          isCorporate: known.isCorporate,
          profileCompleteOnLoading: null,
          profileErrorOnLoading: null,
          customerClass: null,
        },
        isComplete: true,
      });
    }
    return undefined;
  }

  function mutationKey(request: Request, url: URL): string | undefined {
    if (request.method === 'GET') return undefined;
    const m = /^\/api\/checkout\/pub\/orderForm\/([0-9a-fA-F]{32})\//.exec(url.pathname);
    return m ? m[1]!.toLowerCase() : undefined;
  }

  return {handle, mutationKey, pixPage: placement.pixPage};
}
