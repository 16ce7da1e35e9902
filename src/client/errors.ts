/** Where a failure came from, for messages and retry decisions. */
export type VtexErrorKind = 'http' | 'network' | 'timeout' | 'aborted' | 'bad-response' | 'config';

export interface VtexErrorInit {
  status: number;
  code: string;
  message: string;
  retryable: boolean;
  kind?: VtexErrorKind;
  operationId?: string;
  /** Field-level details VTEX sends with validation errors (`fields`). */
  fields?: Record<string, unknown>;
  /** Seconds to wait before retrying, from `Retry-After`. */
  retryAfter?: number;
}

/** The one error class every client method throws. */
export class VtexError extends Error {
  override readonly name = 'VtexError';
  readonly status: number;
  readonly code: string;
  readonly retryable: boolean;
  readonly kind: VtexErrorKind;
  readonly operationId?: string;
  readonly fields?: Record<string, unknown>;
  readonly retryAfter?: number;

  constructor(init: VtexErrorInit) {
    super(init.message);
    this.status = init.status;
    this.code = init.code;
    this.retryable = init.retryable;
    this.kind = init.kind ?? 'http';
    this.operationId = init.operationId;
    this.fields = init.fields;
    this.retryAfter = init.retryAfter;
  }
}

export const isVtexError = (e: unknown): e is VtexError => e instanceof VtexError;

const RETRYABLE_STATUS = new Set([408, 429, 500, 502, 503, 504]);

export const isRetryableStatus = (status: number): boolean => RETRYABLE_STATUS.has(status);

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null;

/**
 * Turns any VTEX error body (API.md §9) into a VtexError:
 * Checkout/OMS/Payments `{error: {code, message}}`, Intelligent Search `{status, code, response: {data}}`,
 * VTEX ID `{authStatus}`, RFC 9110 problem JSON `{title, status}`, `{message}`, or HTML/text.
 */
export function errorFromResponse(
  status: number,
  bodyText: string,
  retryAfterHeader?: string | null,
): VtexError {
  let body: unknown;
  try {
    body = bodyText ? JSON.parse(bodyText) : undefined;
  } catch {
    body = undefined;
  }
  let code: string | undefined;
  let message: string | undefined;
  let operationId: string | undefined;
  let fields: Record<string, unknown> | undefined;
  if (isObject(body)) {
    const error = body.error;
    if (isObject(error)) {
      code = str(error.code);
      message = str(error.message);
    } else {
      message = str(error);
    }
    operationId = str(body.operationId);
    if (isObject(body.fields) && Object.keys(body.fields).length > 0) fields = body.fields;
    if (!code && str(body.authStatus)) {
      code = str(body.authStatus);
      message ??= str(body.authStatus);
    }
    if (!code && body.code !== undefined && body.code !== null) code = String(body.code);
    if (!message && isObject(body.response) && body.response.data !== undefined)
      message = String(body.response.data);
    message ??= str(body.message) ?? str(body.title) ?? str(body.Message);
  } else if (typeof body === 'string') {
    message = str(body.slice(0, 200));
  } else if (body === undefined && bodyText && !bodyText.trimStart().startsWith('<')) {
    // Text, not JSON (JSON `null`, a number or `true` says nothing); HTML is an error page's markup.
    message = bodyText.slice(0, 200);
  }
  const retryAfterSeconds = retryAfterHeader ? Number(retryAfterHeader) : NaN;
  return new VtexError({
    status,
    code: code ?? `HTTP_${status}`,
    message: message ?? `Request failed with status ${status}`,
    retryable: isRetryableStatus(status),
    operationId,
    fields,
    retryAfter: Number.isFinite(retryAfterSeconds) ? retryAfterSeconds : undefined,
  });
}
