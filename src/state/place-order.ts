import {VtexError} from '../client/errors.js';
import type {GatewayCallbackResult, OrderForm, PlacedTransaction} from '../client/types.js';
import {inCartQueue, type CartStore} from './cart-store.js';

/** What the shopper chose to pay with. `card` lives only in memory and goes only into the payments call. */
export interface PaymentChoice {
  paymentSystem: number;
  group: string;
  installments: number;
  /** Interest added by the chosen installment option, in cents (0 when interest-free). */
  interest: number;
  card?: CardData;
}

export interface CardData {
  holderName: string;
  cardNumber: string;
  validationCode: string;
  dueDate: string;
}

export interface PlacementResult {
  placed: PlacedTransaction;
  callback: GatewayCallbackResult;
  /** The cart as it was placed (items, address, totals) — the confirmation shows it. */
  orderForm: OrderForm;
}

/** VTEX cancels a placement 5 minutes after step 1; start again well before that. */
const WINDOW_MS = 4.5 * 60_000;

/** The payment was refused by the gateway (gatewayCallback 500, or the payments call rejecting the card). */
export class PaymentDeclinedError extends VtexError {}

const isExpired = (e: unknown): boolean =>
  e instanceof VtexError && /cancel|incomplete|expired|5 min|window/i.test(e.message);

/**
 * VTEX's 3-step placement on the current cart, inside the cart's write queue: re-read the cart, attach
 * the payment again when the value moved, place (step 1), send payments (step 2, the only request that
 * carries card data), process (step 3). An elapsed 5-minute window is recovered by placing again — a new
 * transaction on the same cart supersedes the stale one, so there is never a second live order.
 */
export function placeOrder(cart: CartStore, choice: PaymentChoice): Promise<PlacementResult> {
  const co = cart.client.checkout;
  return inCartQueue(cart, 'placeOrder', async (id, apply) => {
    let of = await co.getOrderFormById(id, {refreshOutdatedData: true});
    apply(of);
    for (let attempt = 0; ; attempt++) {
      const value = of.value;
      const total = value + choice.interest;
      const installmentsValue = Math.round(total / Math.max(1, choice.installments));
      const paid = of.paymentData?.payments ?? [];
      if (
        paid.length !== 1 ||
        String(paid[0]!.paymentSystem) !== String(choice.paymentSystem) ||
        paid[0]!.referenceValue !== value ||
        paid[0]!.installments !== choice.installments ||
        of.paymentData?.updateStatus === 'outdated'
      ) {
        of = await co.attachPaymentData(id, {
          payments: [
            {
              paymentSystem: choice.paymentSystem,
              installments: choice.installments,
              value: total,
              referenceValue: value,
              installmentsInterestRate: 0,
              installmentsValue,
              group: choice.group,
              hasDefaultBillingAddress: true,
            },
          ],
        });
        apply(of);
      }
      let placed: PlacedTransaction;
      try {
        placed = await co.placeOrder(id, {
          value: total,
          referenceValue: value,
          interestValue: choice.interest,
        });
      } catch (e) {
        if (attempt === 0 && e instanceof VtexError && e.code === 'ORD022') {
          of = await co.getOrderFormById(id, {refreshOutdatedData: true});
          apply(of);
          continue;
        }
        throw e;
      }
      const started = Date.now();
      const tx = {id: placed.transactionId, merchantName: placed.merchantName};
      // Step 2 repeats every money field of the payment the orderForm holds (VTEX compares them with step 1): its
      // installment value is VTEX's own rounding, which may differ from ours by a cent.
      const attached = of.paymentData?.payments?.[0];
      try {
        await co.sendPayments(placed.transactionId, placed.orderGroup, [
          {
            paymentSystem: choice.paymentSystem,
            installments: choice.installments,
            currencyCode: of.storePreferencesData?.currencyCode ?? 'BRL',
            value: total,
            installmentsInterestRate: attached?.installmentsInterestRate ?? 0,
            installmentsValue: attached?.installmentsValue ?? installmentsValue,
            referenceValue: value,
            fields: choice.card
              ? {...choice.card, document: '', accountId: '', address: null, callbackUrl: ''}
              : {},
            transaction: tx,
          },
        ]);
      } catch (e) {
        if (attempt === 0 && isExpired(e)) continue;
        if (e instanceof VtexError && e.status === 400) throw declined(e);
        throw e;
      }
      if (attempt === 0 && Date.now() - started > WINDOW_MS) continue;
      let callback: GatewayCallbackResult;
      try {
        callback = await co.gatewayCallback(placed.orderGroup);
      } catch (e) {
        if (isExpired(e)) {
          if (attempt === 0) continue;
          throw e;
        }
        if (e instanceof VtexError && (e.kind === 'network' || e.kind === 'timeout')) {
          // The outcome is unknown; VTEX replays the first result of a processed placement.
          callback = await co.gatewayCallback(placed.orderGroup);
        } else if (e instanceof VtexError && e.code === 'PAYMENT_DENIED') throw declined(e);
        else throw e;
      }
      cart.announcePlaced(placed.orderGroup); // another tab on this cart says so instead of just "empty"
      return {placed, callback, orderForm: of};
    }
  });
}

function declined(e: VtexError): PaymentDeclinedError {
  return new PaymentDeclinedError({
    status: e.status,
    code: 'PAYMENT_DENIED',
    message: e.message,
    retryable: false,
    operationId: e.operationId,
  });
}
