/**
 * OMS shopper routes: `GET /api/oms/user/orders` and `GET /api/oms/user/orders/{orderId}`, scoped to the
 * user token's email. Another shopper's order answers 404 (its existence is not disclosed).
 */
import {isVisible, reachedAt, statusOf, sweepExpired} from '../checkout/placement.js';
import type {OmsOrder, OmsStatus, Placement, PlacedPayment, SandboxContext} from '../checkout/state.js';
import {json, omsError, type Handler} from '../http.js';

const STATUS_DESCRIPTION: Record<OmsStatus, string> = {
  'order-created': 'Pedido Criado',
  'payment-pending': 'Pagamento Pendente',
  'payment-approved': 'Pagamento Aprovado',
  'ready-for-handling': 'Pronto para o manuseio',
  handling: 'Preparando Entrega',
  invoiced: 'Faturado',
  canceled: 'Cancelado',
};

type AnyRecord = Record<string, unknown>;

function iso(ms: number | undefined): string | null {
  return ms === undefined ? null : new Date(ms).toISOString();
}

/** Deterministic UUID-shaped id (OMS `versionId`/`entityId`) derived from a seed string. */
function uuidOf(seed: string): string {
  let h = 0x811c9dc5;
  let hex = '';
  for (let round = 0; hex.length < 32; round++) {
    for (const ch of `${round}:${seed}`) h = Math.imul(h ^ ch.charCodeAt(0), 0x01000193) >>> 0;
    hex += h.toString(16).padStart(8, '0');
  }
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-a${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** OMS addresses carry `versionId`/`entityId` (master-data address document) and a string `complement`. */
function omsAddress(a: AnyRecord | null | undefined, email: string): AnyRecord | null {
  if (!a) return null;
  return {
    ...a,
    versionId: uuidOf(`address-version:${email}:${String(a.addressId)}`),
    entityId: uuidOf(`address-entity:${email}:${String(a.addressId)}`),
    complement: a.complement ?? '',
  };
}

/** Package size the sandbox reports for every SKU (the seed catalog has no dimensions). */
const DEFAULT_DIMENSION = {cubicweight: 0.5208, height: 10, length: 25, weight: 300, width: 15};

function clientName(p: Placement): string {
  const c = p.order.clientProfileData as AnyRecord | null;
  return c ? `${String(c.firstName ?? '')} ${String(c.lastName ?? '')}`.trim() : '';
}

function totalItems(p: Placement): number {
  return (p.order.items as {quantity: number}[]).reduce((s, i) => s + i.quantity, 0);
}

function lastChange(p: Placement, status: OmsStatus): number {
  if (status === 'canceled' || !p.processedAt) return p.processedAt ?? p.createdAt;
  return reachedAt(p, status) ?? p.processedAt;
}

export function omsOrderSummary(ctx: SandboxContext, p: Placement): OmsOrder {
  const status = statusOf(ctx, p);
  return {
    orderId: p.orderId,
    orderGroup: p.orderGroup,
    sequence: p.sequence,
    orderFormId: p.orderFormId,
    email: p.email,
    clientName: clientName(p),
    value: p.value,
    totalItems: totalItems(p),
    status,
    visible: isVisible(p),
    tags: p.canceled && !isVisible(p) ? ['incomplete'] : [],
    creationDate: iso(p.createdAt)!,
    paymentNames: p.payments.map((x) => x.paymentSystemName).join(', '),
  };
}

function shippingEstimate(p: Placement): string | null {
  const li = ((p.order.shippingData as AnyRecord).logisticsInfo ?? []) as {
    slas: {id: string; shippingEstimate: string}[];
    selectedSla: string | null;
  }[];
  const days = Math.max(
    0,
    ...li.map((l) =>
      Number(/^(\d+)/.exec(l.slas.find((s) => s.id === l.selectedSla)?.shippingEstimate ?? '0')?.[1] ?? 0),
    ),
  );
  return p.processedAt ? iso(p.processedAt + days * 86_400_000) : null;
}

function listEntry(ctx: SandboxContext, p: Placement) {
  const status = statusOf(ctx, p);
  const items = p.order.items as AnyRecord[];
  return {
    orderId: p.orderId,
    creationDate: iso(p.createdAt),
    clientName: clientName(p),
    items: items.map((i) => ({
      seller: i.seller,
      quantity: i.quantity,
      description: i.name,
      ean: i.ean,
      refId: i.refId,
      id: i.id,
      productId: i.productId,
      sellingPrice: i.sellingPrice,
      price: i.price,
    })),
    totalValue: p.value,
    paymentNames: p.payments.map((x) => x.paymentSystemName).join(', ') || null,
    status,
    statusDescription: STATUS_DESCRIPTION[status],
    marketPlaceOrderId: null,
    sequence: p.sequence,
    salesChannel: '1',
    affiliateId: '',
    origin: 'Marketplace',
    workflowInErrorState: false,
    workflowInRetry: false,
    lastMessageUnread: null,
    ShippingEstimatedDate: shippingEstimate(p),
    ShippingEstimatedDateMax: null,
    ShippingEstimatedDateMin: null,
    orderIsComplete: true,
    listId: null,
    listType: null,
    authorizedDate: iso(
      reachedAt(p, 'payment-approved') !== undefined &&
        p.result === 'approved' &&
        ['payment-approved', 'ready-for-handling', 'handling', 'invoiced'].includes(status)
        ? reachedAt(p, 'payment-approved')
        : undefined,
    ),
    callCenterOperatorName: null,
    totalItems: totalItems(p),
    currencyCode: (p.order.storePreferencesData as AnyRecord).currencyCode as string,
  };
}

function stat(values: number[]) {
  const n = values.length;
  const sum = values.reduce((a, b) => a + b, 0);
  const mean = n ? sum / n : 0;
  const sumSq = values.reduce((a, b) => a + b * b, 0);
  return {
    Count: n,
    Max: n ? Math.max(...values) : 0,
    Mean: mean,
    Min: n ? Math.min(...values) : 0,
    Missing: 0,
    StdDev: n ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0,
    Sum: sum,
    SumOfSquares: sumSq,
    Facets: {},
  };
}

const MARKETING_STRINGS = [
  'utmSource',
  'utmPartner',
  'utmMedium',
  'utmCampaign',
  'coupon',
  'utmiCampaign',
  'utmipage',
  'utmiPart',
] as const;

/** OMS always answers a marketingData object; absent values are empty strings (the Orders examples use `coupon: ""`). */
function omsMarketing(m: AnyRecord | null) {
  const out: AnyRecord = {id: 'marketingData'};
  for (const k of MARKETING_STRINGS) out[k] = (m?.[k] as string | null | undefined) ?? '';
  out.marketingTags = (m?.marketingTags as string[] | undefined) ?? [];
  return out;
}

/** Boleto line fields (47-digit typeable line, 44-digit bar code); null for other payment groups. */
function boleto(x: PlacedPayment, p: Placement) {
  if (x.omsGroup !== 'bankInvoice')
    return {
      bankIssuedInvoiceIdentificationNumber: null,
      bankIssuedInvoiceIdentificationNumberFormatted: null,
      bankIssuedInvoiceBarCodeNumber: null,
      bankIssuedInvoiceBarCodeType: null,
    };
  const digits = (p.sequence + p.orderGroup.replace(/\D/g, '') + '0'.repeat(47)).slice(0, 33);
  const value = String(x.value).padStart(10, '0');
  const line = `23790${digits}${value}`.slice(0, 37) + value;
  const bar = `2379${value}${digits}`.padEnd(44, '0').slice(0, 44);
  return {
    bankIssuedInvoiceIdentificationNumber: line,
    bankIssuedInvoiceIdentificationNumberFormatted: `${line.slice(0, 5)}.${line.slice(5, 10)} ${line.slice(10, 15)}.${line.slice(15, 21)} ${line.slice(21, 26)}.${line.slice(26, 32)} ${line[32]} ${line.slice(33)}`,
    bankIssuedInvoiceBarCodeNumber: bar,
    bankIssuedInvoiceBarCodeType: 'i25',
  };
}

/** Connector answer for a payment (Tid/authId as an acquirer would send them). */
function connectorResponses(x: PlacedPayment): Record<string, string> {
  const n = parseInt(x.id.slice(0, 8), 16).toString().padStart(8, '0').slice(-8);
  if (x.outcome === 'approved')
    return {Tid: n, ReturnCode: '200', Message: 'Transação autorizada', authId: n.slice(-6)};
  if (x.outcome === 'declined') return {Tid: n, ReturnCode: '05', Message: 'Transação negada', authId: ''};
  return {Tid: n, ReturnCode: '', Message: 'Aguardando pagamento', authId: ''};
}

function detail(ctx: SandboxContext, p: Placement) {
  const status = statusOf(ctx, p);
  const o = p.order;
  const sp = o.storePreferencesData as AnyRecord & {currencyFormatInfo: AnyRecord};
  const cf = sp.currencyFormatInfo;
  const shipping = o.shippingData as AnyRecord & {logisticsInfo: AnyRecord[]};
  const items = (o.items as AnyRecord[]).map((i) => {
    const {priceDefinition, ...rest} = i;
    const info = (i.additionalInfo ?? {}) as AnyRecord;
    return {
      ...rest,
      additionalInfo: {
        ...info,
        categoriesIds: (i.productCategoryIds as string | undefined) || '/',
        productClusterId: '',
        commercialConditionId: '1',
        dimension: info.dimension ?? DEFAULT_DIMENSION,
      },
      lockId: `00-${p.orderId}`,
      itemAttachment: {content: {}, name: null},
      params: [],
      sellerSku: i.id,
      commission: 0,
      freightCommission: 0,
      shippingPrice: null,
      priceDefinitions: priceDefinition,
      taxCode: null,
      callCenterOperator: null,
      serialNumbers: null,
      costPrice: null,
    };
  });
  const authorized = p.result === 'approved' && !['payment-pending', 'canceled'].includes(status);
  const invoiced = status === 'invoiced';
  return {
    orderId: p.orderId,
    sequence: p.sequence,
    marketplaceOrderId: '',
    marketplaceServicesEndpoint: `http://oms.vtexinternal.com.br/api/oms?an=${ctx.account}`,
    sellerOrderId: `00-${p.orderId}`,
    origin: 'Marketplace',
    affiliateId: '',
    salesChannel: '1',
    merchantName: ctx.account,
    status,
    statusDescription: STATUS_DESCRIPTION[status],
    value: p.value,
    creationDate: iso(p.createdAt),
    lastChange: iso(lastChange(p, status)),
    orderGroup: p.orderGroup,
    totals: o.totals,
    items,
    marketplaceItems: [],
    clientProfileData: {
      id: 'clientProfileData',
      ...(o.clientProfileData as AnyRecord),
      userProfileId: ctx.state.profiles.get(p.email.toLowerCase())?.userProfileId ?? null,
    },
    giftRegistryData: null,
    marketingData: omsMarketing(o.marketingData as AnyRecord | null),
    ratesAndBenefitsData: {id: 'ratesAndBenefitsData', rateAndBenefitsIdentifiers: []},
    shippingData: {
      id: 'shippingData',
      address: omsAddress(shipping.address as AnyRecord | null, p.email),
      logisticsInfo: shipping.logisticsInfo.map((l) => {
        const slas = l.slas as AnyRecord[];
        const sla = slas.find((s) => s.id === l.selectedSla) ?? {};
        const stock = (ctx.catalog.getSku(String((o.items as AnyRecord[])[l.itemIndex as number]?.id))
          ?.stock ?? 0) as number;
        return {
          itemIndex: l.itemIndex,
          selectedSla: l.selectedSla,
          lockTTL: sla.lockTTL ?? null,
          price: sla.price ?? 0,
          listPrice: sla.listPrice ?? 0,
          sellingPrice: sla.price ?? 0,
          deliveryWindow: null,
          deliveryCompany: (sla.deliveryIds as AnyRecord[] | undefined)?.[0]?.courierName ?? null,
          shippingEstimate: sla.shippingEstimate ?? null,
          shippingEstimateDate: shippingEstimate(p),
          slas,
          shipsTo: l.shipsTo,
          deliveryIds: ((sla.deliveryIds ?? []) as AnyRecord[]).map((d) => ({
            ...d,
            accountCarrierName: ctx.account,
          })),
          deliveryChannels: ((l.deliveryChannels ?? []) as AnyRecord[]).map((c) => ({
            ...c,
            stockBalance: stock,
          })),
          deliveryChannel: l.selectedDeliveryChannel,
          pickupStoreInfo: sla.pickupStoreInfo ?? null,
          addressId: l.addressId,
          versionId: uuidOf(`address-version:${p.email}:${String(l.addressId)}`),
          entityId: uuidOf(`address-entity:${p.email}:${String(l.addressId)}`),
          polygonName: null,
          pickupPointId: sla.pickupPointId ?? null,
          transitTime: sla.transitTime ?? null,
        };
      }),
      trackingHints: null,
      selectedAddresses: ((shipping.selectedAddresses ?? []) as AnyRecord[]).map((a) =>
        omsAddress(a, p.email),
      ),
    },
    paymentData: {
      giftCards: [],
      transactions: [
        {
          isActive: true,
          transactionId: p.transactionId,
          merchantName: ctx.account,
          payments: p.payments.map((x) => ({
            id: x.id,
            paymentSystem: String(x.paymentSystem),
            paymentSystemName: x.paymentSystemName,
            value: x.value,
            installments: x.installments,
            referenceValue: x.referenceValue,
            cardHolder: x.cardHolder,
            cardNumber: null,
            firstDigits: x.firstDigits,
            lastDigits: x.lastDigits,
            cvv2: null,
            expireMonth: null,
            expireYear: null,
            url: x.omsGroup === 'bankInvoice' ? `/_sandbox/boleto/${p.transactionId}/${x.id}` : null,
            giftCardId: null,
            giftCardName: null,
            giftCardCaption: null,
            redemptionCode: null,
            group: x.omsGroup,
            tid: x.firstDigits ? x.id.slice(0, 8) : null,
            dueDate: x.omsGroup === 'bankInvoice' ? iso(p.createdAt + 3 * 86_400_000)!.slice(0, 10) : null,
            connectorResponses: connectorResponses(x),
            giftCardProvider: null,
            giftCardAsDiscount: false,
            koinUrl: null,
            accountId: x.firstDigits ? x.id.split('').reverse().join('') : null,
            parentAccountId: x.firstDigits ? x.id.split('').reverse().join('') : null,
            ...boleto(x, p),
            billingAddress: x.firstDigits ? omsAddress(shipping.address as AnyRecord | null, p.email) : null,
          })),
        },
      ],
    },
    packageAttachment: {
      packages: invoiced
        ? [
            {
              courier: 'Transportadora',
              invoiceNumber: `NF-${p.sequence}`,
              invoiceValue: p.value,
              invoiceUrl: null,
              issuanceDate: iso(reachedAt(p, 'invoiced')),
              trackingNumber: `SB${p.sequence}BR`,
              invoiceKey: null,
              trackingUrl: null,
              embeddedInvoice: '',
              type: 'Output',
              courierStatus: null,
              cfop: null,
              restitutions: {},
              volumes: 1,
              EnableInferItems: false,
              items: items.map((_, itemIndex) => ({
                itemIndex,
                quantity: (items[itemIndex] as AnyRecord).quantity,
                price: (items[itemIndex] as AnyRecord).sellingPrice,
              })),
            },
          ]
        : [],
    },
    sellers: [{id: '1', name: ctx.account, logo: '', fulfillmentEndpoint: ''}],
    callCenterOperatorData: null,
    followUpEmail: o.followUpEmail,
    lastMessage: null,
    hostname: ctx.account,
    invoiceData: null,
    changesAttachment: null,
    openTextField: null,
    roundingError: 0,
    orderFormId: p.orderFormId,
    commercialConditionData: null,
    isCompleted: true,
    customData: null,
    storePreferencesData: {
      countryCode: sp.countryCode,
      currencyCode: sp.currencyCode,
      currencyFormatInfo: {
        CurrencyDecimalDigits: cf.currencyDecimalDigits,
        CurrencyDecimalSeparator: cf.currencyDecimalSeparator,
        CurrencyGroupSeparator: cf.currencyGroupSeparator,
        CurrencyGroupSize: cf.currencyGroupSize,
        StartsWithCurrencySymbol: cf.startsWithCurrencySymbol,
      },
      currencyLocale: sp.currencyLocale,
      currencySymbol: sp.currencySymbol,
      timeZone: sp.timeZone,
    },
    allowCancellation: false,
    allowEdition: false,
    isCheckedIn: false,
    marketplace: {baseURL: '', isCertified: null, name: ctx.account},
    authorizedDate: authorized ? iso(reachedAt(p, 'payment-approved')) : null,
    invoicedDate: invoiced ? iso(reachedAt(p, 'invoiced')) : null,
    cancelReason: status === 'canceled' ? 'Payment not approved' : null,
    itemMetadata: {
      Items: ((o.itemMetadata as {items: AnyRecord[]}).items ?? []).map((m) => ({
        Id: m.id,
        Seller: m.seller,
        Name: m.name,
        SkuName: m.skuName,
        ProductId: m.productId,
        RefId: m.refId,
        Ean: m.ean,
        ImageUrl: m.imageUrl,
        DetailUrl: m.detailUrl,
        AssemblyOptions: [],
      })),
    },
    subscriptionData: null,
    taxData: null,
    checkedInPickupPointId: null,
    cancellationData:
      status === 'canceled'
        ? {
            RequestedByUser: false,
            RequestedBySystem: true,
            RequestedBySellerNotification: false,
            RequestedByPaymentNotification: p.result !== 'approved',
            Reason: 'Payment not approved',
            CancellationDate: iso(lastChange(p, status)),
          }
        : null,
    clientPreferencesData: {locale: ctx.store.locale, optinNewsLetter: false},
  };
}

export function createOms(ctx: SandboxContext): {handle: Handler} {
  function visibleFor(email: string): Placement[] {
    sweepExpired(ctx);
    return [...ctx.state.placements.values()]
      .filter((p) => isVisible(p) && p.email.toLowerCase() === email.toLowerCase())
      .sort((a, b) => b.createdAt - a.createdAt || Number(b.sequence) - Number(a.sequence));
  }

  const handle: Handler = async (request, url) => {
    const m = /^\/api\/oms\/user\/orders(?:\/([^/]+))?\/?$/.exec(url.pathname);
    if (!m || request.method !== 'GET') return undefined;
    const email = await ctx.identify(request);
    if (!email) return omsError(401, '1', 'Unauthorized: a valid user token is required');
    const orders = visibleFor(email);
    if (m[1]) {
      const id = decodeURIComponent(m[1]);
      const p = orders.find((o) => o.orderId === id);
      if (!p) return omsError(404, 'OMS003', `Order ${id} not found`);
      return json(detail(ctx, p));
    }
    const int = (v: string | null, d: number) => {
      const n = Number(v);
      return v !== null && Number.isInteger(n) && n > 0 ? n : d;
    };
    const perPage = Math.min(100, int(url.searchParams.get('per_page'), 15));
    const page = int(url.searchParams.get('page'), 1);
    const slice = orders.slice((page - 1) * perPage, page * perPage);
    return json({
      list: slice.map((p) => listEntry(ctx, p)),
      facets: [],
      paging: {total: orders.length, pages: Math.ceil(orders.length / perPage), currentPage: page, perPage},
      stats: {
        stats: {
          totalValue: stat(orders.map((o) => o.value)),
          totalItems: stat(orders.map((o) => totalItems(o))),
        },
      },
    });
  };
  return {handle};
}
