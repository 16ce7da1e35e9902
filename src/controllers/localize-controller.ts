import type {ReactiveController, ReactiveControllerHost} from 'lit';
import {formatCents, formatDate, formatDecimal, type CurrencyInfo} from '../i18n/format.js';
import {resolveLocale, type Locale} from '../i18n/locale.js';
import {
  commonMessages,
  errorMessage,
  pendingPacks,
  pickMessages,
  type CommonMessages,
  type LocalizedMessages,
  type MessageMap,
} from '../i18n/messages.js';
import type {CartController, SessionController, StoreController} from './store-controller.js';

type Host = ReactiveControllerHost & HTMLElement & {locale?: string | null};

/** The language of the nearest ancestor with `lang`, crossing shadow roots. */
export function closestLang(el: Element): string | null {
  let node: Node | null = el;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang');
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return null;
}

/**
 * Per host, the locale packs its next render waits for (VtexElement holds its updates until they load, so a
 * pt-BR page never paints English first and then shifts to the longer Portuguese text).
 */
export const localeReady = new WeakMap<HTMLElement, () => Promise<unknown> | undefined>();

/** Default currency when neither the orderForm, the store nor the session names one. */
const FALLBACK_CURRENCY = 'BRL';

/**
 * Messages and formatting for one element. Locale: the element's `locale`, the store's `locale`, the nearest
 * `[lang]`, the store's culture (orderForm, then session), then `en`. Money uses the orderForm's currency.
 */
export class LocalizeController<M extends MessageMap> implements ReactiveController {
  readonly #host: Host;
  readonly #messages: LocalizedMessages<M>;
  readonly #deps: {store?: StoreController; cart?: CartController; session?: SessionController};

  constructor(host: Host, messages: LocalizedMessages<M>, deps: LocalizeController<M>['deps'] = {}) {
    this.#host = host;
    this.#messages = messages;
    this.#deps = deps;
    host.addController(this);
    localeReady.set(host, () => this.ready);
  }

  /** The loads of this element's packs for the current locale still under way (undefined when none). */
  get ready(): Promise<unknown> | undefined {
    // A pack that fails to load (or hangs) leaves the element in English rather than blank.
    return pendingPacks(this.#messages, this.locale);
  }

  get deps(): {store?: StoreController; cart?: CartController; session?: SessionController} {
    return this.#deps;
  }

  /** Starts loading this locale's packs as soon as the element connects, in parallel with its data. */
  hostConnected(): void {
    void this.m;
    void this.common;
  }

  get locale(): Locale {
    const {store, cart, session} = this.#deps;
    return resolveLocale(
      this.#host.locale,
      store?.config?.locale,
      closestLang(this.#host),
      cart?.state?.orderForm?.clientPreferencesData?.locale,
      session?.state?.session?.cultureInfo,
    );
  }

  /** This element's messages in the current locale (en until an on-demand locale pack has loaded). */
  get m(): M {
    return pickMessages(this.#messages, this.locale, this.#rerender);
  }

  /** Messages shared by all elements. */
  get common(): CommonMessages {
    return pickMessages(commonMessages, this.locale, this.#rerender);
  }

  readonly #rerender = () => this.#host.requestUpdate();

  get currency(): CurrencyInfo {
    const prefs = this.#deps.cart?.state?.orderForm?.storePreferencesData;
    if (prefs?.currencyCode) return prefs;
    return {
      currencyCode:
        this.#deps.store?.config?.currency ??
        this.#deps.session?.state?.session?.currencyCode ??
        FALLBACK_CURRENCY,
    };
  }

  /** Checkout/OMS money (integer cents). */
  cents(value: number, currency: CurrencyInfo = this.currency): string {
    return formatCents(value, currency, this.locale);
  }

  /** Intelligent Search money (decimal units). */
  decimal(value: number, currency: CurrencyInfo = this.currency): string {
    return formatDecimal(value, currency, this.locale);
  }

  date(iso: string | number | Date, options?: Intl.DateTimeFormatOptions): string {
    return formatDate(iso, this.locale, options);
  }

  /** A sentence a shopper understands for any client error. */
  error(error: Parameters<typeof errorMessage>[0]): string {
    return errorMessage(error, this.common);
  }
}
