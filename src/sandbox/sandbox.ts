/**
 * The sandbox router over an injected catalog: catalog routes first, then checkout, placement, OMS,
 * login/session and control routes, else VTEX's HTML 404. Fetch-API only.
 */
import {BoundedMap, DEFAULT_LIMITS, type SandboxLimits} from './bounded-map.js';
import {createAccount} from './account/index.js';
import {createChannelRoutes} from './channel.js';
import {createTokenService} from './account/token.js';
import {createCheckout} from './checkout/index.js';
import {KNOWN_PROFILES} from './checkout/data.js';
import {sweepExpired} from './checkout/placement.js';
import {
  DEFAULT_STORE_PREFERENCES,
  type OmsOrder,
  type SandboxContext,
  type SandboxState,
  type StorePreferences,
} from './checkout/state.js';
import {Faults, validateFaultConfig, type FaultConfig} from './faults.js';
import {BAD_JSON, empty, htmlNotFound, isRecord, json, readJson} from './http.js';
import {omsOrderSummary, createOms} from './oms/index.js';
import type {SandboxCatalog} from './types.js';

export interface SandboxOptions {
  /** VTEX account name (cookie suffix, merchantName). Default "sandbox". */
  account?: string;
  /** Clock in epoch milliseconds; inject to advance time in tests. Default Date.now. */
  now?: () => number;
  faults?: FaultConfig;
  /** Origins (scheme://host[:port]) that /login may redirect back to besides the sandbox's own. */
  allowedReturnOrigins?: string[];
  /** Overrides of `storePreferencesData` (currency, locale, country…). */
  store?: Partial<StorePreferences>;
  /** How many carts, orders, sessions and shoppers it keeps before forgetting the least recently used. */
  limits?: Partial<SandboxLimits>;
  /** HMAC secret for user tokens; random per instance by default. */
  tokenSecret?: Uint8Array;
}

export interface Sandbox {
  fetch(request: Request): Promise<Response>;
  faults: Faults;
  /** Every OMS order created by a placement (including canceled/incomplete ones). For tests. */
  orders(): readonly OmsOrder[];
  /** Forgets carts, orders, sessions and logins; clears the clock offset and faults. */
  reset(): void;
  account: string;
  /** Milliseconds added to `now()` by `POST /_sandbox/clock`. */
  readonly clockOffset: number;
}

function freshState(limits: SandboxLimits): SandboxState {
  const profiles: SandboxState['profiles'] = new BoundedMap(limits.shoppers);
  for (const p of KNOWN_PROFILES)
    profiles.set(p.email, {
      ...p,
      corporateName: null,
      tradeName: null,
      corporateDocument: null,
      stateInscription: null,
      corporatePhone: null,
      isCorporate: false,
    });
  return {
    carts: new BoundedMap(limits.carts),
    placements: new BoundedMap(limits.orders),
    transactions: new BoundedMap(limits.orders),
    sequence: 500_000,
    profiles,
  };
}

export function createSandboxWithCatalog(catalog: SandboxCatalog, options: SandboxOptions = {}): Sandbox {
  const account = options.account ?? 'sandbox';
  const baseNow = options.now ?? Date.now;
  let offset = 0;
  const now = () => baseNow() + offset;
  const faults = new Faults(options.faults);
  const store: StorePreferences = {
    ...DEFAULT_STORE_PREFERENCES,
    ...options.store,
    currencyFormatInfo: {
      ...DEFAULT_STORE_PREFERENCES.currencyFormatInfo,
      ...options.store?.currencyFormatInfo,
    },
  };
  const limits: SandboxLimits = {...DEFAULT_LIMITS, ...options.limits};
  const tokens = createTokenService(account, now, options.tokenSecret);
  const channel = createChannelRoutes({account, store});

  let built = build();
  function build() {
    const ctx: SandboxContext = {
      account,
      now,
      catalog,
      store,
      state: freshState(limits),
      identify: async (r) => accountRoutes.identify(r),
    };
    const accountRoutes = createAccount(ctx, {
      allowedReturnOrigins: options.allowedReturnOrigins ?? [],
      tokens,
      limits,
    });
    return {
      ctx,
      checkout: createCheckout(ctx),
      oms: createOms(ctx),
      accountRoutes,
      locks: new Map<string, Promise<void>>(),
    };
  }

  async function control(request: Request, url: URL): Promise<Response | undefined> {
    const p = url.pathname;
    const m = request.method;
    if (p === '/_sandbox/faults' && m === 'POST') {
      const b = await readJson(request);
      try {
        if (b === BAD_JSON) throw new TypeError('invalid JSON');
        validateFaultConfig(b);
        faults.set(b);
      } catch (e) {
        return json(
          {error: {code: 'InvalidFaultConfig', message: (e as Error).message, exception: null}},
          400,
        );
      }
      return json(faults.config);
    }
    if (p === '/_sandbox/faults' && m === 'DELETE') {
      faults.clear();
      return empty(204);
    }
    if (p === '/_sandbox/faults' && m === 'GET') return json(faults.config ?? null);
    if (p === '/_sandbox/reset' && m === 'POST') {
      sandbox.reset();
      return empty(204);
    }
    if (p === '/_sandbox/orders' && m === 'GET') return json(sandbox.orders());
    const pix = /^\/_sandbox\/pix\/([0-9A-Fa-f]{32})$/.exec(p);
    if (pix && m === 'GET') return built.checkout.pixPage(pix[1]!);
    if (p === '/_sandbox/clock' && m === 'POST') {
      const b = await readJson(request);
      const advance = isRecord(b) ? b.advanceMs : undefined;
      if (typeof advance !== 'number' || !Number.isFinite(advance) || advance < 0) {
        return json(
          {
            error: {
              code: 'InvalidClock',
              message: 'advanceMs must be a non-negative number',
              exception: null,
            },
          },
          400,
        );
      }
      offset += advance;
      return json({now: new Date(now()).toISOString(), offsetMs: offset});
    }
    return undefined;
  }

  async function route(request: Request, url: URL): Promise<Response> {
    const {checkout, oms, accountRoutes} = built;
    return (
      (await catalog.handle(request, url)) ??
      (await channel(request, url)) ??
      (await checkout.handle(request, url)) ??
      (await oms.handle(request, url)) ??
      (await accountRoutes.handle(request, url)) ??
      htmlNotFound()
    );
  }

  const sandbox: Sandbox = {
    account,
    faults,
    get clockOffset() {
      return offset;
    },
    async fetch(request: Request): Promise<Response> {
      const url = new URL(request.url);
      if (url.pathname.startsWith('/_sandbox/')) return (await control(request, url)) ?? htmlNotFound();
      // Writes to one orderForm run in arrival order: take a place in its queue synchronously.
      const current = built;
      const key = current.checkout.mutationKey(request, url);
      if (!key) return faults.apply(request, url, () => route(request, url));
      const prev = current.locks.get(key) ?? Promise.resolve();
      let release!: () => void;
      const mine = new Promise<void>((r) => (release = r));
      const tail = prev.then(() => mine);
      current.locks.set(key, tail);
      await prev;
      try {
        return await faults.apply(request, url, () => route(request, url));
      } finally {
        release();
        if (current.locks.get(key) === tail) current.locks.delete(key);
      }
    },
    orders() {
      sweepExpired(built.ctx);
      return [...built.ctx.state.placements.values()]
        .sort((a, b) => a.createdAt - b.createdAt || Number(a.sequence) - Number(b.sequence))
        .map((p) => omsOrderSummary(built.ctx, p));
    },
    reset() {
      built = build();
      offset = 0;
      faults.clear();
    },
  };
  return sandbox;
}
