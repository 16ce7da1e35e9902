import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-session-changed`. */
export interface SessionChangedDetail {
  signedIn: boolean;
  email?: string;
}

/** `vtex-session-changed`: the shopper signed in or out (once per change and page, not for the state found on load). Fired by `<vtex-login-button>`. */
export type VtexSessionChangedEvent = VtexEvent<SessionChangedDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-session-changed': VtexSessionChangedEvent;
  }
}
