import type {Address, OrderForm} from '../../client/types.js';
import type {OrderPlacedDetail} from '../../events/vtex-order-placed.js';
import type {CurrencyInfo} from '../../i18n/format.js';
import {KIND, type PaymentKind} from './payment.js';
import type {PaymentChoice, PlacementResult} from '../../state/place-order.js';

/** What the confirmation shows: a snapshot of the placed cart, with no card data. */
export interface Confirmation {
  orderGroup: string;
  orderIds: string[];
  status: 'approved' | 'action-required';
  kind: PaymentKind;
  items: {id: string; name: string; quantity: number; total: number}[];
  address: Address | null;
  slaNames: string[];
  paymentName: string;
  installments: number;
  value: number;
  currency: CurrencyInfo;
  pix?: {code: string; expiresAt: string | null; qr?: string};
  redirectUrl?: string | null;
}

/** The names of the delivery options the cart has selected (pickup points by their friendly name), once each. */
export function slaNames(of: OrderForm): string[] {
  const names = new Set<string>();
  for (const li of of.shippingData?.logisticsInfo ?? []) {
    const sla = li.slas.find((s) => s.id === li.selectedSla);
    if (sla) names.add(sla.pickupStoreInfo?.friendlyName ?? sla.name);
  }
  return [...names];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

export function confirmationOf(
  result: PlacementResult,
  choice: PaymentChoice & {name: string},
): Confirmation {
  const {placed, callback, orderForm: of} = result;
  const c: Confirmation = {
    orderGroup: placed.orderGroup,
    orderIds: placed.orders.length ? placed.orders.map((o) => o.orderId) : [`${placed.orderGroup}-01`],
    status: callback.status,
    kind: KIND[choice.group] ?? 'other',
    items: of.items.map((i) => ({
      id: i.id,
      name: i.name,
      quantity: i.quantity,
      total: i.priceDefinition?.total ?? i.sellingPrice * i.quantity,
    })),
    address: of.shippingData?.address ?? null,
    slaNames: slaNames(of),
    paymentName: choice.name,
    installments: choice.installments,
    value: of.value + choice.interest,
    currency: of.storePreferencesData ?? {currencyCode: 'BRL'},
  };
  if (callback.status === 'action-required') {
    c.redirectUrl = callback.redirectUrl;
    const p = callback.app?.payload;
    const code = str(p?.code) ?? str(p?.qrCodeString);
    if (code)
      c.pix = {
        code,
        expiresAt: str(p?.expiresAt) ?? null,
        qr: str(p?.qrCodeBase64Image) ? `data:image/png;base64,${str(p?.qrCodeBase64Image)}` : undefined,
      };
  }
  return c;
}

/** `vtex-order-placed` detail: order ids, money, items and the payment method — never card data. */
export function orderPlacedDetail(
  c: Confirmation,
  of: OrderForm,
  choice: PaymentChoice & {name: string},
): OrderPlacedDetail {
  return {
    orderGroup: c.orderGroup,
    orderIds: [...c.orderIds],
    status:
      c.status === 'approved' && c.kind !== 'boleto' ? ('approved' as const) : ('payment-pending' as const),
    value: c.value,
    currency: c.currency.currencyCode,
    payment: {
      paymentSystem: choice.paymentSystem,
      name: choice.name,
      group: choice.group,
      installments: choice.installments,
    },
    items: of.items.map((i) => ({
      id: i.id,
      productId: i.productId,
      name: i.name,
      skuName: i.skuName,
      quantity: i.quantity,
      price: i.sellingPrice,
      seller: i.seller,
    })),
  };
}
