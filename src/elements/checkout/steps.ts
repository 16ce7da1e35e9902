/** The checkout's steps, in order, and which step a VTEX error or a cart's data belongs to. */
import type {OrderForm} from '../../client/types.js';
import type {CheckoutStep} from '../../events/vtex-checkout-step.js';

export const STEPS: CheckoutStep[] = ['profile', 'shipping', 'payment', 'review'];

/** Which step a VTEX validation error belongs to, by the field it names or by its code. */
export const FIELD_STEP: Record<string, CheckoutStep> = {
  email: 'profile',
  firstName: 'profile',
  lastName: 'profile',
  document: 'profile',
  documentType: 'profile',
  phone: 'profile',
  postalCode: 'shipping',
  street: 'shipping',
  number: 'shipping',
  complement: 'shipping',
  neighborhood: 'shipping',
  city: 'shipping',
  state: 'shipping',
  receiverName: 'shipping',
  country: 'shipping',
};
export const CODE_STEP: Record<string, CheckoutStep> = {
  CHK0109: 'profile',
  ORD001: 'shipping',
  ORD026: 'shipping',
  CHK0119: 'shipping',
  CHK0171: 'shipping',
  CHK0175: 'shipping',
  CHK0257: 'shipping',
  ORD009: 'payment',
  ORD020: 'payment',
};

/** The identification step is done when the cart has the shopper's e-mail, name and document. */
export const profileDone = (of: OrderForm): boolean => {
  const p = of.clientProfileData;
  return Boolean(p?.email && p.firstName && p.lastName && p.document);
};
