import type {AddItem} from '../client/checkout.js';
import type {OrderForm} from '../client/types.js';
import type {CartStore} from './cart-store.js';

/** Units of a SKU from a seller in the cart, over all its lines. */
export const unitsInCart = (orderForm: OrderForm, sku: {id: string; seller: string}): number =>
  orderForm.items
    .filter((i) => i.id === sku.id && i.seller === sku.seller)
    .reduce((n, i) => n + i.quantity, 0);

/**
 * Adds a SKU to the cart. VTEX caps a line at the stock it has, so a request can add fewer units than asked, or
 * none: resolves with the units that went in and the new orderForm.
 */
export async function addSku(cart: CartStore, item: AddItem): Promise<{added: number; orderForm: OrderForm}> {
  const before = unitsInCart(cart.state.orderForm ?? (await cart.load()), item);
  const orderForm = await cart.addItems([item]);
  return {added: unitsInCart(orderForm, item) - before, orderForm};
}
