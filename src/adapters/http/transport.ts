import { InboxError, isInboxError, RETRIED_CODES } from '../../core/errors.js';
import type { InboxErrorCode, InboxErrorOptions } from '../../core/errors.js';
import { assertValidId } from '../../core/ids.js';
import { clip, readErrorText } from './validate.js';

/** Headers to send with every request: an object, or a (possibly async) function returning one. */
export type HeadersInput = Record<string, string> | (() => Record<string, string> | Promise<Record<string, string>>);

/** How reads are retried. Mutations are never retried. */
export interface RetryOptions {
  /** Retries after the first try. Default 3; 0 turns retrying off. */
  retries?: number | undefined;
  /** First backoff delay; doubles each retry, with jitter. Default 300 ms. */
  baseDelayMs?: number | undefined;
  /** Longest backoff delay. Default 10 000 ms. */
  maxDelayMs?: number | undefined;
  /** A `Retry-After` longer than this is not waited for: the read fails with `rate_limited`. Default 60 000 ms. */
  maxRetryAfterMs?: number | undefined;
}

/** Options both HTTP adapters share. */
export interface HttpAdapterOptions {
  /** The `fetch` to use. Default: the platform's `fetch`. */
  fetch?: typeof fetch | undefined;
  /** Per-request timeout, each try counted alone. Default 15 000 ms. */
  timeoutMs?: number | undefined;
  /** Retry policy for reads, or `false` for none. Default: 3 retries with backoff. */
  retry?: RetryOptions | false | undefined;
  /**
   * Largest answer accepted, in bytes as the body is read (after `fetch` has
   * decompressed it). A larger one fails with `invalid_response` and is not
   * retried. Default 5 MB (5 242 880).
   */
  maxResponseBytes?: number | undefined;
  /**
   * Passed to `fetch` as `credentials`: `'include'` sends cookies to a
   * cross-origin proxy (which must allow credentials). Default: the
   * platform's (`'same-origin'`).
   */
  credentials?: RequestCredentials | undefined;
}

export interface TransportConfig extends HttpAdapterOptions {
  /** Name used in error messages, e.g. "WhatsApp API". */
  apiName: string;
  /** Where `/conversations` is, under which both APIs keep everything. */
  baseUrl: string;
  /**
   * None: requests carry only what the platform adds (cookies on a same-origin proxy). A function
   * runs under the try's timeout and signal; what it throws fails the try (an `InboxError` as it
   * is, anything else as `network`), so an adapter taking the host's function wraps it (see
   * the WhatsApp adapter).
   */
  headers?: HeadersInput | undefined;
}

/**
 * Sends a request to `/conversations` and the URL-encoded `path` segments after it,
 * and resolves to the parsed JSON body. `data` is the query of a GET (fields
 * left `undefined` are not sent) and the JSON body of a POST. Reads retry per
 * policy; every failure is an `InboxError`.
 */
export type Transport = (method: 'GET' | 'POST', path: readonly string[], signal: AbortSignal | undefined, data?: Record<string, unknown>) => Promise<unknown>;

/** Default of `maxResponseBytes`: 5 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** An error body is read only for its message; more than this is not needed. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/** Same-origin redirects followed before giving up. */
const MAX_REDIRECTS = 5;
/** Resolves relative URLs where there is no page (Node): a relative Location then stays on it. */
const PLACEHOLDER_ORIGIN = 'http://placeholder.invalid';
/** HTTP status → code; 5xx is `server`, any other 4xx `invalid_input` (`invalid_id` where a 400 says "id"). */
const STATUS_CODES: Record<number, InboxErrorCode> = { 401: 'unauthorized', 403: 'forbidden', 404: 'not_found', 429: 'rate_limited' };

const abortError = () => new InboxError('aborted', 'The request was cancelled.');

/** Settles like `promise`, or rejects with `onAbort()` as soon as the signal fires. */
function unlessAborted<T>(promise: Promise<T>, signal: AbortSignal | undefined, onAbort = abortError): Promise<T> {
  return new Promise((resolve, reject) => {
    const abort = () => reject(onAbort());
    if (signal?.aborted) return abort();
    signal?.addEventListener('abort', abort, { once: true });
    promise.then(resolve, reject).finally(() => signal?.removeEventListener('abort', abort));
  });
}

/** A URL made absolute against `base`, the page, or a placeholder origin where there is none. */
function absoluteUrl(url: string, base = (globalThis as { location?: { href?: string | undefined } | undefined }).location?.href ?? PLACEHOLDER_ORIGIN): URL | undefined {
  try {
    return new URL(url, base);
  } catch {
    return undefined;
  }
}

/**
 * Reads a body (of a response, or of a request in the mock) as text,
 * counting the bytes the stream yields (so after decompression) and stopping
 * at `limit`. Resolves `undefined` when the body is larger; the rest is never read.
 */
export async function readLimited(message: Pick<Response, 'body' | 'headers'>, limit: number): Promise<string | undefined> {
  const encoding = message.headers.get('Content-Encoding') ?? 'identity';
  const reader = message.body?.getReader();
  const decoder = new TextDecoder();
  let text = '';
  // A body declared too large (and not compressed, so the length is what it holds) is refused unread.
  for (let size = encoding === 'identity' && Number(message.headers.get('Content-Length')) > limit ? Infinity : 0; size <= limit; ) {
    if (!reader) return '';
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    text += decoder.decode(value, { stream: true });
  }
  await reader?.cancel().catch(() => undefined);
  return undefined;
}

/** The one small transport both HTTP adapters stand on. */
export function createTransport(config: TransportConfig): Transport {
  const { apiName, credentials, timeoutMs = 15_000, maxResponseBytes = DEFAULT_MAX_RESPONSE_BYTES } = config;
  const { retries = 3, baseDelayMs = 300, maxDelayMs = 10_000, maxRetryAfterMs = 60_000 } = config.retry === false ? { retries: 0 } : (config.retry ?? {});
  const fail = (code: InboxErrorCode, text: string, options?: InboxErrorOptions) => new InboxError(code, `${apiName}: ${text}.`, options);
  if (typeof maxResponseBytes !== 'number' || !(maxResponseBytes > 0)) throw fail('invalid_input', `maxResponseBytes must be above 0, got ${String(maxResponseBytes)}`);
  const base = config.baseUrl.replace(/\/+$/, '');
  if (!/^(https?:\/)?\//i.test(base)) throw fail('invalid_input', `baseUrl must be an http(s) URL or start with "/", got "${config.baseUrl}"`);

  /**
   * One try: the headers, the request, the body, then the answer or the error it means. Redirects are
   * followed only within the origin the request was sent to: a redirect elsewhere would hand our
   * headers (auth) and body (a note) to another host, so it is refused as `invalid_response`. So is
   * one whose target the browser hides (an opaque redirect).
   */
  async function once(method: string, url: string, body: string | undefined, signal: AbortSignal): Promise<unknown> {
    const input = config.headers;
    const given = typeof input === 'function' ? await input() : input;
    const headers: Record<string, string> = { Accept: 'application/json', ...given };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const init: RequestInit = { method, headers, body, signal, credentials, redirect: 'manual' };
    const doFetch = config.fetch ?? globalThis.fetch;
    if (typeof doFetch !== 'function') throw fail('network', 'no fetch here: pass the "fetch" option');
    const origin = absoluteUrl(url)?.origin;
    let response: Response;
    for (let hops = 0; ; hops++) {
      response = await doFetch(url, init);
      const { status } = response;
      const location = response.headers.get('Location');
      const opaque = response.type === 'opaqueredirect';
      // 301, 302, 303, 307 and 308 redirect; 304 and 305 do not.
      if (!opaque && (location === null || !/^30[12378]$/.test(String(status)))) break;
      await response.body?.cancel().catch(() => undefined);
      const target = location === null ? undefined : absoluteUrl(location, absoluteUrl(url)?.href);
      if (!origin || target?.origin !== origin) {
        throw fail('invalid_response', `refused a redirect to ${opaque ? 'where the browser hides' : `another origin (${target?.origin ?? clip(location!)})`}`, { status: status || undefined });
      }
      if (hops >= MAX_REDIRECTS) throw fail('invalid_response', `redirected more than ${MAX_REDIRECTS} times`, { status });
      // As fetch itself does: 303, and 301/302 after a POST, continue as a GET without the body.
      if (status === 303 || (status < 303 && method === 'POST')) {
        init.method = 'GET';
        init.body = undefined;
        delete headers['Content-Type'];
      }
      url = target.origin === PLACEHOLDER_ORIGIN ? target.pathname + target.search : target.href;
    }
    const { ok, status } = response;
    const text = await readLimited(response, ok ? maxResponseBytes : Math.min(maxResponseBytes, MAX_ERROR_BODY_BYTES));
    let parsed: unknown;
    try {
      parsed = JSON.parse(text!);
    } catch {
      // Not JSON (or over the limit): refused below in an answer, and no server text in an error.
    }
    if (ok) {
      if (parsed !== undefined) return parsed;
      // Not retried: the same answer would come again, as large or as broken.
      const what = text === undefined ? `more than maxResponseBytes (${maxResponseBytes})` : text.trim() ? `a body that is not JSON: "${clip(text)}"` : 'an empty body';
      throw fail('invalid_response', `HTTP ${status} with ${what}`, { status });
    }

    const serverMessage = readErrorText(parsed);
    const code = status >= 500 ? 'server' : (STATUS_CODES[status] ?? (status === 400 && /\bid\b/i.test(serverMessage ?? '') ? 'invalid_id' : 'invalid_input'));
    const retryAfter = response.headers.get('Retry-After')?.trim();
    // Seconds, or an HTTP date; anything else (NaN) is left out.
    const retryAfterMs = status === 429 && retryAfter ? Math.max(0, /^\d+(\.\d+)?$/.test(retryAfter) ? Math.round(Number(retryAfter) * 1000) : Date.parse(retryAfter) - Date.now()) : NaN;
    // Where the server says nothing, the code in words: "not found (HTTP 404)".
    throw fail(code, `${serverMessage ?? (code === 'server' ? 'server error' : code.replace('_', ' '))} (HTTP ${status})`, {
      status,
      retryAfterMs: retryAfterMs >= 0 ? retryAfterMs : undefined,
      serverMessage,
    });
  }

  return async (method, path, signal, data) => {
    for (const segment of path) assertValidId(segment, 'path');
    let url = `${base}/conversations${path.map((segment) => `/${encodeURIComponent(segment)}`).join('')}`;
    const body = method === 'POST' && data ? JSON.stringify(data) : undefined;
    const search = method === 'GET' && `${new URLSearchParams(Object.entries(data ?? {}).filter(([, value]) => value !== undefined) as string[][])}`;
    if (search) url += `?${search}`;
    for (let attempt = 0; ; attempt++) {
      if (signal?.aborted) throw abortError();
      // Our own controller stops the try on the caller's abort and on the timeout, each failing as itself.
      // It covers everything: the headers function, the request, and reading the body.
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), timeoutMs);
      const timedOut = () => fail('timeout', `no answer within ${timeoutMs} ms`);
      let error: InboxError;
      try {
        return await unlessAborted(unlessAborted(once(method, url, body, controller.signal), controller.signal, timedOut), signal, () => {
          controller.abort();
          return abortError();
        });
      } catch (caught) {
        error = isInboxError(caught) ? caught : fail('network', `could not be reached: ${caught instanceof Error ? caught.message : String(caught)}`, { cause: caught });
      } finally {
        clearTimeout(timer);
      }
      // Mutations are never retried: the server may have acted before failing.
      if (method !== 'GET' || attempt >= retries || !RETRIED_CODES.includes(error.code) || error.retryAfterMs! > maxRetryAfterMs) throw error;
      const backoff = Math.min(maxDelayMs, baseDelayMs * 2 ** attempt);
      let wait: ReturnType<typeof setTimeout> | undefined;
      // Jitter spreads clients that failed together; an abort ends the wait at once.
      const waited = new Promise((resolve) => (wait = setTimeout(resolve, error.retryAfterMs ?? (backoff * (1 + Math.random())) / 2)));
      await unlessAborted(waited, signal, () => {
        clearTimeout(wait);
        return abortError();
      });
    }
  };
}
