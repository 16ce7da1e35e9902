import {defineElement} from '../../internal/define.js';
import type {VtexEvent} from '../../internal/events.js';
import {VtexLoginButton, type BeforeLoginDetail, type SessionChangedDetail} from './login-button.js';

defineElement('vtex-login-button', VtexLoginButton);

declare global {
  interface HTMLElementTagNameMap {
    'vtex-login-button': VtexLoginButton;
  }
  interface GlobalEventHandlersEventMap {
    'vtex-session-changed': VtexEvent<SessionChangedDetail>;
    'vtex-before-login': VtexEvent<BeforeLoginDetail>;
  }
}
