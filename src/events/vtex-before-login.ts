import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-before-login`. */
export interface BeforeLoginDetail {
  /** VTEX's login page, with `returnUrl` already in its query. */
  loginUrl: string;
  /** The page the shopper comes back to. */
  returnUrl: string;
}

/** `vtex-before-login`: cancelable: the shopper chose "Sign in"; `preventDefault()` keeps the page. Fired by `<vtex-login-button>`. */
export type VtexBeforeLoginEvent = VtexEvent<BeforeLoginDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-before-login': VtexBeforeLoginEvent;
  }
}
