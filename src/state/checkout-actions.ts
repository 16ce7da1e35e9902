import type {VtexClient} from '../client/index.js';
import type {InstallmentOption, OrderForm, PostalCodeAddress, ProfileLookup} from '../client/types.js';

interface Signal {
  signal?: AbortSignal;
}

/** A returning shopper's profile by e-mail (VTEX masks it), to prefill the identification step. */
export const lookupProfile = (client: VtexClient, email: string, options?: Signal): Promise<ProfileLookup> =>
  client.checkout.profileByEmail(email, options);

/** The street, neighbourhood, city and state VTEX knows for a postal code. */
export const lookupAddress = (
  client: VtexClient,
  country: string,
  postalCode: string,
  options?: Signal,
): Promise<PostalCodeAddress> => client.checkout.addressByPostalCode(country, postalCode, options);

/**
 * The installment options for a payment system on the cart: VTEX's installments call or, when it fails, the
 * options the orderForm itself carries. Rejects when neither has any.
 */
export async function installmentsFor(
  client: VtexClient,
  orderForm: OrderForm,
  paymentSystem: number,
  options?: Signal,
): Promise<InstallmentOption[]> {
  try {
    return (await client.checkout.installments(orderForm.orderFormId, paymentSystem, options)).installments;
  } catch (e) {
    const fallback =
      orderForm.paymentData?.installmentOptions?.find(
        (o) => String(o.paymentSystem) === String(paymentSystem),
      )?.installments ?? [];
    if (!fallback.length) throw e;
    return fallback;
  }
}
