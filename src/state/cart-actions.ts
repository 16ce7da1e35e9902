import type {AddItem} from '../client/checkout.js';
import type {VtexError} from '../client/errors.js';
import type {OrderForm} from '../client/types.js';
import {outcomeUnknown, type CartStore} from './cart-store.js';

/** Units of a SKU from a seller in the cart, over all its lines. */
export const unitsInCart = (orderForm: OrderForm, sku: {id: string; seller: string}): number =>
  orderForm.items
    .filter((i) => i.id === sku.id && i.seller === sku.seller)
    .reduce((n, i) => n + i.quantity, 0);

/**
 * Adds a SKU to the cart. VTEX caps a line at the stock it has, so a request can add fewer units than asked, or
 * none: resolves with the units that went in and the new orderForm. When the reply is lost after VTEX applied the
 * add (a timeout, a 5xx, a garbled body), the cart read again says so: the add resolves as done, and the shopper,
 * told it worked, does not press again and get two.
 */
export async function addSku(cart: CartStore, item: AddItem): Promise<{added: number; orderForm: OrderForm}> {
  const before = unitsInCart(cart.state.orderForm ?? (await cart.load()), item);
  try {
    const orderForm = await cart.addItems([item]);
    return {added: unitsInCart(orderForm, item) - before, orderForm};
  } catch (error) {
    if (!outcomeUnknown(error as VtexError)) throw error;
    const orderForm = await cart.load({force: true}).catch(() => undefined);
    const added = orderForm ? unitsInCart(orderForm, item) - before : 0;
    if (orderForm && added > 0) return {added, orderForm};
    throw error;
  }
}
