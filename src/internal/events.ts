import type {VtexError} from '../client/errors.js';

/** Every kit event bubbles and crosses shadow roots; detail is plain readonly data. */
export class VtexEvent<T> extends CustomEvent<Readonly<T>> {
  constructor(type: string, detail: T, options: {cancelable?: boolean} = {}) {
    super(type, {
      detail: Object.freeze(detail),
      bubbles: true,
      composed: true,
      cancelable: options.cancelable ?? false,
    });
  }
}

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

declare global {
  interface GlobalEventHandlersEventMap {
    'vtex-error': VtexEvent<VtexErrorDetail>;
  }
}
