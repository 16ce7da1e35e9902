import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {closestLang, localeReady} from '../controllers/localize-controller.js';
import {resolveLocale} from '../i18n/locale.js';
import {pendingPacks, type LocalizedMessages, type MessageMap} from '../i18n/messages.js';
import {errorDetail} from '../events/vtex-error.js';
import {VtexEvent} from '../events/vtex-event.js';
import {hostStyles} from './styles.js';

/**
 * Base of every kit element: the `locale` override, host styles and typed event helpers.
 */
export class VtexElement extends LitElement {
  static override styles = [hostStyles];

  /** @internal This element's messages (set by each element class). */
  static messages?: LocalizedMessages<MessageMap>;

  /**
   * @internal The locale packs an element already in the page needs before its first render (its `locale`, its
   * store's, then the page's `lang`), loading them; undefined when none is missing.
   */
  static localeReady(el: Element): Promise<unknown> | undefined {
    // Outside any store, an element is served by the page's first store (its default one).
    const store = el.closest('vtex-store') ?? el.ownerDocument.querySelector('vtex-store');
    const locale = resolveLocale(el.getAttribute('locale'), store?.getAttribute('locale'), closestLang(el));
    return pendingPacks(this.messages, locale);
  }

  /**
   * @internal Called for each of the tag's elements already in the page while its definition waits for a language
   * pack: an element whose first render needs data starts fetching it here, in parallel with the pack.
   */
  static prefetch(_el: Element): void {}

  /** Language of this element (`en`, `pt-BR`, `es`); defaults to the store's, then the page's `lang`. */
  @property({reflect: true}) locale?: string;

  /** Renders once this element's locale packs are in (they are loaded on demand, in parallel with its data). */
  protected override scheduleUpdate(): void | Promise<unknown> {
    const wait = localeReady.get(this)?.();
    return wait ? wait.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }

  /** Dispatches a kit event; returns false when a cancelable event was canceled. */
  protected emit<T>(type: string, detail: T, options: {cancelable?: boolean} = {}): boolean {
    return dispatch(this, type, detail, options);
  }

  /** Reports a failure to the host page as `vtex-error`. */
  protected emitError(operation: string, error: unknown): void {
    const e = error instanceof Error ? error : new Error(String(error));
    this.emit('vtex-error', errorDetail(operation, e));
  }
}

// Outside the class so the manifest analyzer does not list a generic event named "type" on every element.
function dispatch<T>(target: EventTarget, type: string, detail: T, options: {cancelable?: boolean}): boolean {
  return target.dispatchEvent(new VtexEvent(type, detail, options));
}
