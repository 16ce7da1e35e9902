import {LitElement} from 'lit';
import {property} from 'lit/decorators.js';
import {errorDetail, VtexEvent} from './events.js';
import {hostStyles} from './styles.js';

/**
 * Base of every kit element: the `locale` override, host styles and typed event helpers.
 */
export class VtexElement extends LitElement {
  static override styles = [hostStyles];

  /** Language of this element (`en`, `pt-BR`, `es`); defaults to the store's, then the page's `lang`. */
  @property({reflect: true}) locale?: string;

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
