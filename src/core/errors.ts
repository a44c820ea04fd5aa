/** Why an adapter call failed. */
export type InboxErrorCode =
  | 'invalid_id'
  | 'invalid_input'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'server'
  | 'network'
  | 'timeout'
  | 'invalid_response'
  | 'unsupported'
  | 'aborted';

/** Extra facts an `InboxError` may carry. */
export interface InboxErrorOptions {
  /** HTTP status, where the failure came from an HTTP answer. */
  status?: number | undefined;
  /** How long the server asked us to wait (from `Retry-After`). */
  retryAfterMs?: number | undefined;
  /** The server's own error text, kept verbatim. */
  serverMessage?: string | undefined;
  cause?: unknown | undefined;
}

/**
 * The one error type every adapter and the store reject with. `code` says
 * what kind of failure it is; `message` is readable as it stands.
 */
export class InboxError extends Error {
  override readonly name = 'InboxError';
  // Declared, not initialized: each is set only where known, so an error carries no empty fields.
  declare readonly code: InboxErrorCode;
  declare readonly status?: number | undefined;
  declare readonly retryAfterMs?: number | undefined;
  declare readonly serverMessage?: string | undefined;

  constructor(code: InboxErrorCode, message: string, options: InboxErrorOptions = {}) {
    // Error reads only `cause` from the options, and only where the key is there.
    super(message, options);
    this.code = code;
    for (const key of ['status', 'retryAfterMs', 'serverMessage'] as const) if (options[key] !== undefined) Object.assign(this, { [key]: options[key] });
  }

  /** Whether trying the same read again later may succeed. */
  get retryable(): boolean {
    return this.code === 'timeout' || RETRIED_CODES.includes(this.code);
  }
}

/** The failures the HTTP transport retries a read after; `retryable` adds `timeout`, which it leaves to the caller. */
export const RETRIED_CODES: readonly InboxErrorCode[] = ['rate_limited', 'server', 'network'];

/** Narrows an unknown thrown value to `InboxError`, across bundle copies too. */
export function isInboxError(value: unknown): value is InboxError {
  return value instanceof InboxError || (value instanceof Error && value.name === 'InboxError' && typeof (value as { code?: unknown | undefined }).code === 'string');
}

/** Wraps anything thrown into an `InboxError`, keeping the original as `cause`. */
export function toInboxError(value: unknown, fallback: InboxErrorCode = 'server'): InboxError {
  if (isInboxError(value)) return value;
  if (value instanceof Error && value.name === 'AbortError') return new InboxError('aborted', 'The request was cancelled.', { cause: value });
  const detail = value instanceof Error ? value.message : String(value);
  return new InboxError(fallback, detail || 'Something went wrong.', { cause: value });
}
