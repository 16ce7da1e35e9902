// The shipping and payment steps, with the card checks: loaded when the shopper first touches the checkout (focus or
// pointer) or reaches one of them, not with the checkout's first screen.
export {renderShipping} from './shipping-step.js';
export {enterPayment, renderPayment} from './payment-step.js';
