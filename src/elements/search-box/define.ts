import {defineElement} from '../../internal/define.js';
import {VtexSearchBox} from './search-box.js';

defineElement('vtex-search-box', VtexSearchBox);

// The events <vtex-search-box> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexErrorEvent} from '../../events/vtex-error.js';
export type {VtexProductSelectedEvent} from '../../events/vtex-product-selected.js';
export type {VtexSearchSubmittedEvent} from '../../events/vtex-search-submitted.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-search-box': VtexSearchBox;
  }
}
