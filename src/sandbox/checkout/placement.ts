/**
 * Order placement: transaction (step 1), payments (step 2), gatewayCallback (step 3), the 5-minute window,
 * and the OMS status timeline. One OMS order per placement attempt, never two.
 */
import {
  BAD_JSON,
  checkoutError,
  empty,
  escapeHtml,
  html,
  htmlNotFound,
  isRecord,
  json,
  omsError,
  randomHex,
  readJson,
  requestCookies,
  serializeCookie,
  uuid,
  type Handler,
} from '../http.js';
import {DECLINED_CARD, luhn, paymentSystem} from './data.js';
import {compute, orderFormJson} from './orderform.js';
import type {CartState, OmsStatus, PlacedPayment, Placement, SandboxContext} from './state.js';

export const PLACEMENT_WINDOW_MS = 5 * 60_000;

/** Status offsets after an approved gatewayCallback. */
export const STATUS_TIMELINE: [number, OmsStatus][] = [
  [0, 'payment-pending'],
  [60_000, 'payment-approved'],
  [2 * 60_000, 'ready-for-handling'],
  [10 * 60_000, 'handling'],
  [60 * 60_000, 'invoiced'],
];

export function isVisible(p: Placement): boolean {
  return p.result === 'approved' || p.result === 'pending' || p.result === 'redirect';
}

/** Cancels placements whose 5-minute window elapsed without a successful gatewayCallback. */
export function sweepExpired(ctx: SandboxContext): void {
  const now = ctx.now();
  for (const p of ctx.state.placements.values()) {
    if (!p.canceled && !isVisible(p) && now - p.createdAt > PLACEMENT_WINDOW_MS) p.canceled = true;
  }
}

export function statusOf(ctx: SandboxContext, p: Placement): OmsStatus {
  if (p.canceled || p.result === 'declined') return 'canceled';
  if (!isVisible(p)) return 'order-created';
  if (p.result !== 'approved') return 'payment-pending';
  const elapsed = ctx.now() - (p.processedAt ?? p.createdAt);
  let status: OmsStatus = 'payment-pending';
  for (const [offset, s] of STATUS_TIMELINE) if (elapsed >= offset) status = s;
  return status;
}

/** Time at which `status` was reached, for `authorizedDate` / `invoicedDate`. */
export function reachedAt(p: Placement, status: OmsStatus): number | undefined {
  const entry = STATUS_TIMELINE.find(([, s]) => s === status);
  return entry && p.processedAt !== undefined ? p.processedAt + entry[0] : undefined;
}

const CHKO = 'Vtex_CHKO_Auth';
const DATA_ACCESS = 'CheckoutDataAccess';

function expiryOk(dueDate: string, now: number): boolean {
  const m = /^(\d{1,2})\/(\d{2}|\d{4})$/.exec(dueDate.trim());
  if (!m) return false;
  const month = Number(m[1]);
  let year = Number(m[2]);
  if (month < 1 || month > 12) return false;
  if (year < 100) year += 2000;
  const endOfMonth = Date.UTC(year, month, 1);
  return endOfMonth > now;
}

export function createPlacement(ctx: SandboxContext) {
  function place(request: Request, cart: CartState, b: Record<string, unknown>): Response {
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : undefined);
    const value = num(b.value);
    const referenceValue = num(b.referenceValue);
    const interestValue = num(b.interestValue);
    if (typeof b.referenceId !== 'string' || b.referenceId.toLowerCase() !== cart.id) {
      return checkoutError(400, 'ORD002', 'Invalid order form: referenceId must be the orderFormId', {
        referenceId: String(b.referenceId ?? ''),
      });
    }
    if (value === undefined || referenceValue === undefined || interestValue === undefined) {
      return checkoutError(400, 'CHK0016', 'value, referenceValue and interestValue are required');
    }
    const c = compute(ctx, cart);
    if (!cart.items.length) return checkoutError(500, 'ORD005', 'The order has no items');
    if (c.lines.some((l) => !l.available))
      return checkoutError(400, 'ORD023', 'The order has unavailable items');
    if (!cart.clientProfile)
      return checkoutError(400, 'ORD007', 'Client profile data is required', {email: ''});
    if (!cart.address) return checkoutError(400, 'CHK0175', 'Shipping data is required');
    const missing = c.lines.findIndex((l) => !l.sla);
    if (missing >= 0) {
      return checkoutError(400, 'CHK0257', `No SLA selected for item ${missing}`, {
        itemIndex: String(missing),
      });
    }
    if (value !== referenceValue + interestValue || interestValue !== 0) {
      return checkoutError(400, 'CHK0016', 'value must equal referenceValue plus interestValue', {
        value: String(value),
        referenceValue: String(referenceValue),
      });
    }
    if (referenceValue !== c.value) {
      return checkoutError(
        400,
        'ORD022',
        'The cart data is outdated: referenceValue differs from the cart value',
        {
          referenceValue: String(referenceValue),
        },
      );
    }
    const paid = cart.payments.reduce((s, p) => s + p.value, 0);
    if (!cart.payments.length || paid !== c.value) {
      return checkoutError(400, 'ORD009', 'The payment value differs from the order value', {
        value: String(paid),
      });
    }
    // A new attempt supersedes an unfinished one: the old order becomes incomplete (never two live orders).
    for (const p of ctx.state.placements.values()) {
      if (p.orderFormId === cart.id && !p.canceled && !p.result) p.canceled = true;
    }
    const now = ctx.now();
    const orderGroup = String(1_000_000_000_000 + Math.floor(Math.random() * 8_999_999_999_999));
    const orderId = `${orderGroup}-01`;
    const sequence = String(++ctx.state.sequence);
    const transactionId = randomHex(32).toUpperCase();
    const of = orderFormJson(ctx, cart, {
      masked: false,
      loggedIn: false,
      origin: new URL(request.url).origin,
    });
    const payments: PlacedPayment[] = cart.payments.map((p) => ({
      id: randomHex(32).toUpperCase(),
      paymentSystem: p.paymentSystem,
      paymentSystemName: p.paymentSystemName,
      group: p.group,
      omsGroup: paymentSystem(p.paymentSystem)!.omsGroup,
      installments: p.installments,
      installmentsInterestRate: p.installmentsInterestRate,
      installmentsValue: p.installmentsValue,
      value: p.value,
      referenceValue: p.referenceValue,
      firstDigits: null,
      lastDigits: null,
      cardHolder: null,
    }));
    const txPayments = payments.map((p) => ({
      paymentSystem: p.paymentSystem,
      bin: null,
      accountId: null,
      tokenId: null,
      value: p.value,
      referenceValue: p.referenceValue,
      giftCardRedemptionCode: null,
      giftCardProvider: null,
      giftCardId: null,
    }));
    const creationDate = new Date(now).toISOString();
    const order = {
      orderId,
      orderGroup,
      state: 'order-created',
      isCheckedIn: false,
      sellerOrderId: `00-${orderId}`,
      storeId: null,
      checkedInPickupPointId: null,
      value: c.value,
      items: of.items,
      sellers: [{id: '1', name: ctx.account, logo: null}],
      totals: [
        {id: 'Items', name: 'Total dos Itens', value: c.itemsTotal},
        {id: 'Discounts', name: 'Total dos Descontos', value: c.itemDiscounts + c.shippingDiscount},
        {id: 'Shipping', name: 'Total do Frete', value: c.shipping},
        {id: 'Tax', name: 'Total da Taxa', value: 0},
      ],
      clientProfileData: of.clientProfileData,
      ratesAndBenefitsData: {
        attachmentId: 'ratesAndBenefitsData',
        rateAndBenefitsIdentifiers: [],
        teaser: [],
      },
      shippingData: {attachmentId: 'shippingData', ...of.shippingData},
      paymentData: {
        attachmentId: 'paymentData',
        transactionId,
        payments: txPayments,
        giftCards: [],
        transactions: [{isActive: true, transactionId, merchantName: ctx.account, payments: txPayments}],
        merchantName: ctx.account,
      },
      clientPreferencesData: {attachmentId: 'clientPreferencesData', ...of.clientPreferencesData},
      commercialConditionData: null,
      giftRegistryData: null,
      marketingData: of.marketingData,
      storePreferencesData: of.storePreferencesData,
      openTextField: null,
      invoiceData: null,
      itemMetadata: of.itemMetadata,
      taxData: null,
      customData: null,
      hooksData: null,
      changeData: null,
      subscriptionData: null,
      salesChannel: '1',
      followUpEmail: `${randomHex(32)}@ct.vtex.com.br`,
      creationDate,
      lastChange: creationDate,
      timeZoneCreationDate: creationDate,
      timeZoneLastChange: creationDate,
      isCompleted: false,
      hostName: ctx.account,
      merchantName: null,
      userType: null,
      roundingError: 0,
      allowEdition: false,
      allowCancellation: false,
      isUserDataVisible: true,
      allowChangeSeller: false,
      orderFormCreationDate: creationDate,
    };
    const placement: Placement = {
      orderGroup,
      orderId,
      sequence,
      transactionId,
      orderFormId: cart.id,
      createdAt: now,
      value: c.value,
      payments,
      paymentsReceived: false,
      chkoAuth: randomHex(64),
      dataAccess: randomHex(64),
      order,
      email: cart.clientProfile.email,
    };
    ctx.state.placements.set(orderGroup, placement);
    ctx.state.transactions.set(transactionId, orderGroup);
    const origin = new URL(request.url).origin;
    const merchantTransactions = [
      {id: ctx.account.toUpperCase(), transactionId, merchantName: ctx.account, payments: txPayments},
    ];
    const headers = new Headers();
    const cookie = {
      maxAge: PLACEMENT_WINDOW_MS / 1000,
      httpOnly: true,
      secure: true,
      sameSite: 'Lax' as const,
    };
    headers.append('Set-Cookie', serializeCookie(CHKO, placement.chkoAuth, cookie));
    headers.append('Set-Cookie', serializeCookie(DATA_ACCESS, placement.dataAccess, cookie));
    return json(
      {
        orderForm: null,
        transactionData: {
          merchantTransactions,
          receiverUri: `${origin}/split/${orderGroup}/payments`,
          gatewayCallbackTemplatePath: `/checkout/gatewayCallback/${orderGroup}/{messageCode}`,
        },
        orders: [order],
        orderGroup,
        merchantTransactions,
      },
      200,
      headers,
    );
  }

  async function payments(request: Request, url: URL, p: Placement | undefined): Promise<Response> {
    if (!p) return omsError(404, '1', 'Transaction not found');
    const orderId = url.searchParams.get('orderId');
    if (orderId !== null && orderId !== p.orderGroup && orderId !== p.orderId) {
      return omsError(400, '1', 'orderId does not match the transaction');
    }
    sweepExpired(ctx);
    if (p.canceled) return omsError(400, '1', 'Transaction canceled: the 5-minute window elapsed');
    if (p.result) return omsError(400, '1', 'Transaction already processed');
    const body = await readJson(request);
    if (body === BAD_JSON || !Array.isArray(body))
      return omsError(400, 'MissingRequestData', 'Body must be an array');
    if (body.length !== p.payments.length) return omsError(400, '1', 'Payments do not match the transaction');
    const outcomes: Partial<PlacedPayment>[] = [];
    for (const [i, raw] of body.entries()) {
      const placed = p.payments[i]!;
      if (!isRecord(raw)) return omsError(400, 'MissingRequestData', `Invalid payment ${i}`);
      if (String(raw.paymentSystem) !== String(placed.paymentSystem)) {
        return omsError(400, '1', `paymentSystem of payment ${i} differs from the placed order`);
      }
      // API.md §6.5: every money field must equal what was placed in step 1 (the installment figures when sent).
      for (const f of ['value', 'referenceValue', 'installments'] as const) {
        if (raw[f] !== placed[f])
          return omsError(400, '1', `${f} of payment ${i} differs from the placed order`);
      }
      for (const f of ['installmentsValue', 'installmentsInterestRate'] as const) {
        if (raw[f] !== undefined && raw[f] !== placed[f])
          return omsError(400, '1', `${f} of payment ${i} differs from the placed order`);
      }
      if (raw.currencyCode !== undefined && raw.currencyCode !== ctx.store.currencyCode) {
        return omsError(400, '1', `currencyCode of payment ${i} must be ${ctx.store.currencyCode}`);
      }
      if (isRecord(raw.transaction) && raw.transaction.id !== undefined) {
        if (String(raw.transaction.id).toUpperCase() !== p.transactionId) {
          return omsError(400, '1', `transaction.id of payment ${i} does not match`);
        }
      }
      const system = paymentSystem(placed.paymentSystem)!;
      if (system.isCard) {
        const fields = isRecord(raw.fields) ? raw.fields : {};
        const number = String(fields.cardNumber ?? '').replace(/[\s-]/g, '');
        if (!new RegExp(system.validator!.regex).test(number) || !luhn(number)) {
          return omsError(400, '1', `Invalid card number for ${system.name}`);
        }
        const holder = String(fields.holderName ?? '').trim();
        if (!holder) return omsError(400, '1', 'holderName is required');
        if (!/^\d{3,4}$/.test(String(fields.validationCode ?? '')))
          return omsError(400, '1', 'Invalid validationCode');
        if (!expiryOk(String(fields.dueDate ?? ''), ctx.now()))
          return omsError(400, '1', 'Invalid or expired dueDate');
        outcomes.push({
          outcome: number === DECLINED_CARD ? 'declined' : 'approved',
          firstDigits: number.slice(0, 6),
          lastDigits: number.slice(-4),
          cardHolder: holder,
        });
      } else {
        outcomes.push({outcome: system.omsGroup === 'instantPayment' ? 'pending-redirect' : 'pending'});
      }
    }
    outcomes.forEach((o, i) => Object.assign(p.payments[i]!, o));
    p.paymentsReceived = true;
    return empty(201);
  }

  function callbackError(message: string): Response {
    return json({operationId: uuid(), error: {code: '001', message, exception: null}}, 500);
  }

  const pixCode = (p: Placement) =>
    `00020126580014br.gov.bcb.pix0136${p.transactionId.toLowerCase()}5204000053039865802BR5913SANDBOX6009SAO PAULO62070503***6304ABCD`;
  const pixExpiry = (p: Placement) => new Date((p.processedAt ?? ctx.now()) + 30 * 60_000);

  /**
   * The page a Pix `redirectUrl` opens (VTEX's is the payment provider's): the amount, the copy-and-paste code and
   * when it expires. In the sandbox nobody pays: the order stays `payment-pending`.
   */
  function pixPage(transactionId: string): Response {
    const orderGroup = ctx.state.transactions.get(transactionId.toUpperCase());
    const p = orderGroup ? ctx.state.placements.get(orderGroup) : undefined;
    if (!p || p.result !== 'redirect') return htmlNotFound();
    const money = new Intl.NumberFormat(ctx.store.locale || 'pt-BR', {
      style: 'currency',
      currency: ctx.store.currencyCode,
    }).format(p.value / 100);
    const expires = new Intl.DateTimeFormat(ctx.store.locale || 'pt-BR', {
      dateStyle: 'short',
      timeStyle: 'short',
      timeZone: 'UTC',
    }).format(pixExpiry(p));
    const e = escapeHtml;
    return html(
      `<!DOCTYPE html><html lang="pt-BR"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">` +
        `<title>Pagamento Pix</title><style>body{font-family:system-ui,sans-serif;max-width:30rem;margin:3rem auto;padding:0 1rem;color:#1f1f1f}` +
        `textarea{width:100%;box-sizing:border-box;font:0.9rem ui-monospace,monospace;padding:.5rem}.hint{background:#fff7d6;padding:.5rem;border-radius:4px}</style></head><body>` +
        `<h1>Pagamento Pix</h1><p>Pedido <strong>${e(p.orderGroup)}</strong> · <strong>${e(money)}</strong></p>` +
        `<label for="code">Pix copia e cola</label><textarea id="code" rows="5" readonly>${e(pixCode(p))}</textarea>` +
        `<p>Válido até ${e(expires)} (UTC).</p>` +
        `<p class="hint">Sandbox: nenhum pagamento é feito; o pedido fica aguardando pagamento.</p></body></html>`,
      200,
      {
        'Cache-Control': 'no-store',
        'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'",
      },
    );
  }

  function pixBody(p: Placement) {
    const pix = p.payments.find((x) => x.outcome === 'pending-redirect')!;
    const code = pixCode(p);
    return {
      RedirectResponseCollection: [{redirectUrl: `/_sandbox/pix/${p.transactionId}`}],
      paymentAuthorizationAppCollection: [
        {
          appName: 'vtex.pix-payment',
          appPayload: {
            code,
            expiresAt: pixExpiry(p).toISOString(),
            paymentId: pix.id,
            transactionId: p.transactionId,
          },
        },
      ],
    };
  }

  function replay(p: Placement): Response {
    switch (p.result) {
      case 'declined':
        return callbackError('Seu pagamento não foi autorizado. (sandbox: card declined)');
      case 'redirect':
        return json(pixBody(p), 428);
      default:
        return empty(204);
    }
  }

  function gatewayCallback(request: Request, p: Placement | undefined): Response {
    const cookies = requestCookies(request);
    if (!p || cookies[CHKO] !== p.chkoAuth || cookies[DATA_ACCESS] !== p.dataAccess) {
      return checkoutError(
        403,
        'CHK003',
        'Access denied: the order placement cookies are missing or invalid',
      );
    }
    if (p.result) return replay(p);
    sweepExpired(ctx);
    if (p.canceled) {
      return callbackError('The order was canceled: payment was not completed within 5 minutes (incomplete)');
    }
    if (!p.paymentsReceived) return callbackError('Payment data was not received for this transaction');
    p.processedAt = ctx.now();
    const outcomes = p.payments.map((x) => x.outcome);
    if (outcomes.includes('declined')) {
      p.result = 'declined';
      return replay(p);
    }
    p.result = outcomes.includes('pending-redirect')
      ? 'redirect'
      : outcomes.includes('pending')
        ? 'pending'
        : 'approved';
    const cart = ctx.state.carts.get(p.orderFormId);
    if (cart) cart.finished = true;
    const profile = (p.order as {clientProfileData?: Record<string, unknown> | null}).clientProfileData;
    const email = p.email.toLowerCase();
    if (profile && !ctx.state.profiles.has(email)) {
      ctx.state.profiles.set(email, {...(cart?.clientProfile ?? (profile as never)), userProfileId: uuid()});
    }
    return replay(p);
  }

  const byGroup = (g: string) => ctx.state.placements.get(g);
  const byTx = (t: string) => {
    const g = ctx.state.transactions.get(t.toUpperCase());
    return g ? byGroup(g) : undefined;
  };

  const handle: Handler = async (request, url) => {
    if (request.method !== 'POST') return undefined;
    const p = url.pathname;
    let m = /^\/api\/(?:payments|pub)\/transactions\/([^/]+)\/payments$/.exec(p);
    if (m) return payments(request, url, byTx(decodeURIComponent(m[1]!)));
    m = /^\/split\/([^/]+)\/payments$/.exec(p);
    if (m) return payments(request, url, byGroup(decodeURIComponent(m[1]!)));
    m = /^\/api\/checkout\/pub\/gatewayCallback\/([^/]+)(?:\/[^/]*)?$/.exec(p);
    if (m) return gatewayCallback(request, byGroup(decodeURIComponent(m[1]!)));
    return undefined;
  };

  return {place, handle, pixPage};
}
