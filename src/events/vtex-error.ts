import type {VtexError} from '../client/errors.js';
import type {VtexEvent} from './vtex-event.js';

/** detail of `vtex-error`. */
export interface VtexErrorDetail {
  operation: string;
  error: {status: number; code: string; message: string; retryable: boolean};
}

export const errorDetail = (operation: string, error: VtexError | Error): VtexErrorDetail => ({
  operation,
  error: {
    status: 'status' in error ? (error as VtexError).status : 0,
    code: 'code' in error ? String((error as VtexError).code) : 'UNKNOWN',
    message: error.message,
    retryable: 'retryable' in error ? Boolean((error as VtexError).retryable) : false,
  },
});

/** `vtex-error`: a request an element made failed. Fired by every element but `<vtex-store>`. */
export type VtexErrorEvent = VtexEvent<VtexErrorDetail>;

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-error': VtexErrorEvent;
  }
}
