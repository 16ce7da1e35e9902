import {defineElement} from '../../internal/define.js';
import type {VtexEvent} from '../../internal/events.js';
import '../login-button/define.js';
import {VtexOrderHistory, type ItemsReorderedDetail, type OrderSelectedDetail} from './order-history.js';

defineElement('vtex-order-history', VtexOrderHistory);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-order-history': VtexOrderHistory;
  }
  interface GlobalEventHandlersEventMap {
    'vtex-order-selected': VtexEvent<OrderSelectedDetail>;
    'vtex-items-reordered': VtexEvent<ItemsReorderedDetail>;
  }
}
