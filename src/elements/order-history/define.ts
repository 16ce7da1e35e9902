import {defineElement} from '../../internal/define.js';
import '../login-button/define.js';
import {VtexOrderHistory} from './order-history.js';

defineElement('vtex-order-history', VtexOrderHistory);

// The events <vtex-order-history> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexErrorEvent} from '../../events/vtex-error.js';
export type {VtexItemsReorderedEvent} from '../../events/vtex-items-reordered.js';
export type {VtexOrderSelectedEvent} from '../../events/vtex-order-selected.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-order-history': VtexOrderHistory;
  }
}
