import type {ShopperSession} from '../client/types.js';
import {inCartQueue, type CartStore} from './cart-store.js';
import type {SessionStore} from './session-store.js';

/**
 * Signs the shopper out: first detaches their profile from the cart (VTEX's advice, while the token is still
 * valid; a failure there does not stop the sign-out), then logs out at VTEX and re-reads the session.
 */
export async function signOut(session: SessionStore, cart?: CartStore | null): Promise<ShopperSession> {
  if (cart?.state.orderForm)
    await inCartQueue(cart, 'signOut', (id) => cart.client.checkout.changeToAnonymousUser(id)).catch(
      () => undefined,
    );
  return session.logout();
}
