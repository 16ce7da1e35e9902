import {defineElement} from '../../internal/define.js';
import type {VtexEvent} from '../../internal/events.js';
import type {ProductSelectedDetail} from '../shared-catalog/events.js';
import {VtexSearchBox, type SearchSubmittedDetail} from './search-box.js';

defineElement('vtex-search-box', VtexSearchBox);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-search-box': VtexSearchBox;
  }
  interface GlobalEventHandlersEventMap {
    'vtex-search-submitted': VtexEvent<SearchSubmittedDetail>;
    'vtex-product-selected': VtexEvent<ProductSelectedDetail>;
  }
}
