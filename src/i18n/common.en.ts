import {plural, type EstimateUnit} from './format.js';

/** Strings shared by every element, in English (the source: every other locale has the same keys). */
const messages = {
  loading: 'Loading…',
  retry: 'Try again',
  close: 'Close',
  errorGeneric: 'Something went wrong. Please try again.',
  errorNetwork: 'We could not reach the store. Check your connection and try again.',
  errorTimeout: 'The store is taking too long to answer. Please try again.',
  stillTrying: 'Still trying… the store is slow to answer.',
  errorRateLimited: 'Too many requests right now. Please wait a moment and try again.',
  errorNotFound: 'We could not find what you were looking for.',
  errorSignedOut: 'Your session has expired. Please sign in again.',
  errorNoStore: 'This widget is not connected to a store. Add a <vtex-store> element to the page.',
  /** Delivery estimate from VTEX's `shippingEstimate` (see parseEstimate). */
  eta: (n: number, unit: EstimateUnit) =>
    unit === 'bd'
      ? plural('en', n, {one: `up to ${n} business day`, other: `up to ${n} business days`})
      : unit === 'd'
        ? plural('en', n, {one: `up to ${n} day`, other: `up to ${n} days`})
        : unit === 'h'
          ? plural('en', n, {one: `up to ${n} hour`, other: `up to ${n} hours`})
          : plural('en', n, {one: `up to ${n} minute`, other: `up to ${n} minutes`}),
  items: (n: number) => plural('en', n, {one: '1 item', other: `${n} items`}),
};

export default messages;
