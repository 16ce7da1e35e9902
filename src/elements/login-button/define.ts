import {defineElement} from '../../internal/define.js';
import {VtexLoginButton} from './login-button.js';

defineElement('vtex-login-button', VtexLoginButton);

// The events <vtex-login-button> fires: their types, and with them their GlobalEventHandlersEventMap entries.
export type {VtexBeforeLoginEvent} from '../../events/vtex-before-login.js';
export type {VtexErrorEvent} from '../../events/vtex-error.js';
export type {VtexSessionChangedEvent} from '../../events/vtex-session-changed.js';

declare global {
  interface HTMLElementTagNameMap {
    'vtex-login-button': VtexLoginButton;
  }
}
