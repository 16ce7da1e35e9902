import {defineElement} from '../../internal/define.js';
import {VtexStore} from './store.js';

defineElement('vtex-store', VtexStore);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-store': VtexStore;
  }
}
