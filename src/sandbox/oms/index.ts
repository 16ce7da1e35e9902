/**
 * OMS shopper routes: `GET /api/oms/user/orders` and `GET /api/oms/user/orders/{orderId}`, scoped to the
 * user token's email. Another shopper's order answers 404 (its existence is not disclosed).
 */
import {isVisible, reachedAt, statusOf, sweepExpired} from '../checkout/placement.js';
import type {OmsOrder, OmsStatus, Placement, SandboxContext} from '../checkout/state.js';
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

function detail(ctx: SandboxContext, p: Placement) {
  const status = statusOf(ctx, p);
  const o = p.order;
  const sp = o.storePreferencesData as AnyRecord & {currencyFormatInfo: AnyRecord};
  const cf = sp.currencyFormatInfo;
  const shipping = o.shippingData as AnyRecord & {logisticsInfo: AnyRecord[]};
  const items = (o.items as AnyRecord[]).map((i) => {
    const {priceDefinition, ...rest} = i;
    return {
      ...rest,
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
    marketplaceServicesEndpoint: null,
    sellerOrderId: `00-${p.orderId}`,
    origin: 'Marketplace',
    affiliateId: '',
    salesChannel: '1',
    merchantName: null,
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
    marketingData: o.marketingData ? {id: 'marketingData', ...(o.marketingData as AnyRecord)} : null,
    ratesAndBenefitsData: {id: 'ratesAndBenefitsData', rateAndBenefitsIdentifiers: []},
    shippingData: {
      id: 'shippingData',
      address: shipping.address,
      logisticsInfo: shipping.logisticsInfo.map((l) => {
        const slas = l.slas as AnyRecord[];
        const sla = slas.find((s) => s.id === l.selectedSla) ?? {};
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
          deliveryIds: sla.deliveryIds ?? [],
          deliveryChannels: l.deliveryChannels,
          deliveryChannel: l.selectedDeliveryChannel,
          pickupStoreInfo: sla.pickupStoreInfo ?? null,
          addressId: l.addressId,
          polygonName: null,
          pickupPointId: sla.pickupPointId ?? null,
          transitTime: sla.transitTime ?? null,
        };
      }),
      trackingHints: null,
      selectedAddresses: shipping.selectedAddresses,
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
            connectorResponses: {},
            billingAddress: null,
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
    cancellationData: null,
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
