import { InboxError, isInboxError } from '../../core/errors.js';
import type { InboxErrorCode } from '../../core/errors.js';
import { assertValidId } from '../../core/ids.js';

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
  baseUrl: string;
  /** None: requests carry only what the platform adds (cookies on a same-origin proxy). */
  headers?: HeadersInput | undefined;
  /** Pulls the server's own error text out of an error body. */
  readErrorText(body: unknown): string | undefined;
}

export interface TransportRequest {
  method: 'GET' | 'POST';
  /** Path segments after the base URL; each is URL-encoded here. */
  path: readonly string[];
  query?: Record<string, string | number | undefined> | undefined;
  body?: unknown | undefined;
  signal?: AbortSignal | undefined;
}

export interface Transport {
  /** Sends a request and resolves to the parsed JSON body. Reads (GET) retry per policy. */
  request(req: TransportRequest): Promise<unknown>;
}

const DEFAULT_RETRY: Required<RetryOptions> = { retries: 3, baseDelayMs: 300, maxDelayMs: 10_000, maxRetryAfterMs: 60_000 };
/** Default of `maxResponseBytes`: 5 MB. */
export const DEFAULT_MAX_RESPONSE_BYTES = 5 * 1024 * 1024;
/** An error body is read only for its message; more than this is not needed. */
const MAX_ERROR_BODY_BYTES = 64 * 1024;
/** Same-origin redirects followed before giving up. */
const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = [301, 302, 303, 307, 308];
/** Resolves relative URLs where there is no page (Node): a relative Location then stays on it. */
const PLACEHOLDER_ORIGIN = 'http://placeholder.invalid';

function statusToCode(status: number, serverText: string | undefined): InboxErrorCode {
  if (status === 400) return serverText && /\bid\b/i.test(serverText) ? 'invalid_id' : 'invalid_input';
  if (status === 401) return 'unauthorized';
  if (status === 403) return 'forbidden';
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server';
  return 'invalid_input';
}

const FALLBACK_TEXT: Partial<Record<InboxErrorCode, string>> = {
  invalid_id: 'The id was not accepted',
  invalid_input: 'The request was not accepted',
  unauthorized: 'Not signed in, or the credentials were refused',
  forbidden: 'Not allowed',
  not_found: 'Not found',
  rate_limited: 'Too many requests',
  server: 'The server failed',
};

/** Parses `Retry-After` (seconds or an HTTP date) into milliseconds from now. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | undefined {
  if (value === null || value.trim() === '') return undefined;
  const trimmed = value.trim();
  if (/^\d+(\.\d+)?$/.test(trimmed)) return Math.round(Number(trimmed) * 1000);
  const date = Date.parse(trimmed);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, date - now);
}

function abortError(): InboxError {
  return new InboxError('aborted', 'The request was cancelled.');
}

/** Waits, or rejects with `aborted` as soon as the signal fires. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(abortError());
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError());
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** Settles like `promise`, or rejects with the signal's reason as soon as it fires. */
function untilAborted<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) return reject(signal.reason);
    const onAbort = () => reject(signal.reason);
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(error);
      },
    );
  });
}

/** A URL made absolute against the page, or against a placeholder origin where there is none. */
function absoluteUrl(url: string, base?: string): URL | undefined {
  try {
    return new URL(url, base ?? (globalThis as { location?: { href?: string | undefined } | undefined }).location?.href ?? PLACEHOLDER_ORIGIN);
  } catch {
    return undefined;
  }
}

/** What `fetch` is handed for a URL resolved by `absoluteUrl`: relative again if it was relative. */
function fetchableUrl(url: URL): string {
  return url.origin === PLACEHOLDER_ORIGIN ? `${url.pathname}${url.search}` : url.href;
}

/**
 * Reads a body (of a response, or of a request in the mock) as text,
 * counting the bytes the stream yields (so after decompression) and stopping
 * at `limit`. Resolves `undefined` when the body is larger; the rest is never read.
 */
export async function readLimited(message: Pick<Response, 'body' | 'headers'>, limit: number): Promise<string | undefined> {
  const encoding = message.headers.get('Content-Encoding');
  const declared = Number(message.headers.get('Content-Length') ?? NaN);
  if ((encoding === null || encoding === 'identity') && declared > limit) {
    await message.body?.cancel().catch(() => undefined);
    return undefined;
  }
  if (message.body === null) return '';
  const reader = message.body.getReader();
  const decoder = new TextDecoder();
  let size = 0;
  let text = '';
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel().catch(() => undefined);
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
  return text + decoder.decode();
}

/** A failed `headers()` as an `InboxError`: `unauthorized` when it says so, else `network` (retried like one). */
function headersFailure(apiName: string, error: unknown): InboxError {
  if (isInboxError(error)) return error;
  const record = typeof error === 'object' && error !== null ? (error as Record<string, unknown>) : {};
  const message = error instanceof Error ? error.message : String(error);
  const said = [record.name, record.message, record.code, record.status, typeof error === 'string' ? error : undefined].map((part) => (part === undefined ? '' : String(part))).join(' ');
  const unauthorized = record.status === 401 || /unauthori[sz]ed|unauthenticated|\b401\b/i.test(said);
  return new InboxError(unauthorized ? 'unauthorized' : 'network', `${apiName}: the headers function failed: ${message || 'no reason given'}.`, { cause: error });
}

function describe(value: string, max = 120): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The one small transport both HTTP adapters stand on. */
export function createTransport(config: TransportConfig): Transport {
  const retry = config.retry === false ? { ...DEFAULT_RETRY, retries: 0 } : { ...DEFAULT_RETRY, ...config.retry };
  const timeoutMs = config.timeoutMs ?? 15_000;
  const maxResponseBytes = config.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  if (typeof maxResponseBytes !== 'number' || !(maxResponseBytes > 0)) {
    throw new InboxError('invalid_input', `${config.apiName}: maxResponseBytes must be a number above 0, got ${String(config.maxResponseBytes)}.`);
  }
  const base = config.baseUrl.replace(/\/+$/, '');
  if (!/^https?:\/\//i.test(base) && !base.startsWith('/')) {
    throw new InboxError('invalid_input', `${config.apiName}: baseUrl must be an http(s) URL or a path starting with "/", got "${config.baseUrl}".`);
  }

  function buildUrl(req: TransportRequest): string {
    for (const segment of req.path) assertValidId(segment, 'path');
    let url = `${base}/${req.path.map(encodeURIComponent).join('/')}`;
    const params = new URLSearchParams();
    for (const [key, value] of Object.entries(req.query ?? {})) {
      if (value !== undefined) params.set(key, String(value));
    }
    const search = params.toString();
    if (search) url += `?${search}`;
    return url;
  }

  function resolveHeaders(): Promise<Record<string, string>> {
    const input = config.headers;
    if (typeof input !== 'function') return Promise.resolve(input ?? {});
    // A thrown error and a rejection are the same failure.
    return Promise.resolve()
      .then(input)
      .then((value) => value ?? {})
      .catch((error: unknown) => {
        throw headersFailure(config.apiName, error);
      });
  }

  /**
   * Sends the request, following redirects only within the origin it was sent
   * to: a redirect elsewhere would hand our headers (auth) and body (a note)
   * to another host, so it is refused as `invalid_response`.
   */
  async function send(doFetch: typeof fetch, url: string, init: RequestInit): Promise<Response> {
    let current = url;
    let { method, body } = init;
    const headers = { ...(init.headers as Record<string, string>) };
    const origin = absoluteUrl(url)?.origin;
    for (let hops = 0; ; hops++) {
      const response = await doFetch(current, { ...init, method, headers, body, redirect: 'manual' });
      // Browsers hide where a manual redirect leads, so it cannot be checked.
      if (response.type === 'opaqueredirect') {
        throw new InboxError('invalid_response', `${config.apiName} answered with a redirect; it is not followed, as where it leads cannot be checked.`);
      }
      const location = response.headers.get('Location');
      if (!REDIRECT_STATUSES.includes(response.status) || location === null) return response;
      await response.body?.cancel().catch(() => undefined);
      const target = absoluteUrl(location, absoluteUrl(current)?.href);
      if (target === undefined || origin === undefined || target.origin !== origin) {
        throw new InboxError(
          'invalid_response',
          `${config.apiName} redirected to another origin (${target?.origin ?? describe(location)}); refused, so headers and body stay with ${origin ?? 'the API'}.`,
          { status: response.status },
        );
      }
      if (hops >= MAX_REDIRECTS) {
        throw new InboxError('invalid_response', `${config.apiName} redirected more than ${MAX_REDIRECTS} times.`, { status: response.status });
      }
      // As fetch itself does: 303, and 301/302 after a POST, continue as a GET without the body.
      if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === 'POST')) {
        method = 'GET';
        body = undefined;
        delete headers['Content-Type'];
      }
      current = fetchableUrl(target);
    }
  }

  async function once(req: TransportRequest, url: string): Promise<unknown> {
    const doFetch = config.fetch ?? globalThis.fetch;
    if (typeof doFetch !== 'function') throw new InboxError('network', `${config.apiName}: no fetch is available here; pass one as the "fetch" option.`);

    // Our own controller joins the caller's signal and the timeout, so we can tell them apart.
    // It covers everything: the headers function, the request, and reading the body.
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, timeoutMs);
    const onAbort = () => controller.abort();
    if (req.signal?.aborted) controller.abort();
    req.signal?.addEventListener('abort', onAbort, { once: true });

    let response: Response;
    let text: string | undefined;
    try {
      const headerValues = await untilAborted(resolveHeaders(), controller.signal);
      const headers: Record<string, string> = { Accept: 'application/json', ...headerValues };
      if (req.body !== undefined) headers['Content-Type'] = 'application/json';
      response = await send(doFetch, url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
        ...(config.credentials !== undefined && { credentials: config.credentials }),
      });
      text = await readLimited(response, response.ok ? maxResponseBytes : Math.min(maxResponseBytes, MAX_ERROR_BODY_BYTES));
    } catch (error) {
      if (req.signal?.aborted) throw abortError();
      if (timedOut) throw new InboxError('timeout', `${config.apiName} did not answer within ${timeoutMs} ms.`, { cause: error });
      if (isInboxError(error)) throw error;
      throw new InboxError('network', `Could not reach the ${config.apiName}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }

    if (text === undefined && response.ok) {
      // Not retried: the same answer would come again, as large.
      throw new InboxError('invalid_response', `${config.apiName} answered with more than ${maxResponseBytes} bytes; the limit is maxResponseBytes.`, {
        status: response.status,
      });
    }

    let body: unknown = undefined;
    let parsed = false;
    if (text !== undefined && text.trim() !== '') {
      try {
        body = JSON.parse(text);
        parsed = true;
      } catch {
        parsed = false;
      }
    }

    if (!response.ok) {
      const serverText = parsed ? config.readErrorText(body) : undefined;
      const code = statusToCode(response.status, serverText);
      const retryAfterMs = response.status === 429 ? parseRetryAfter(response.headers.get('Retry-After')) : undefined;
      const reason = serverText ?? FALLBACK_TEXT[code] ?? `HTTP ${response.status}`;
      throw new InboxError(code, `${config.apiName}: ${reason} (HTTP ${response.status}).`, {
        status: response.status,
        ...(retryAfterMs !== undefined && { retryAfterMs }),
        ...(serverText !== undefined && { serverMessage: serverText }),
      });
    }
    if (!parsed) {
      const what = text === undefined || text.trim() === '' ? 'an empty body' : `a body that is not JSON: "${describe(text)}"`;
      throw new InboxError('invalid_response', `${config.apiName} answered HTTP ${response.status} with ${what}.`, { status: response.status });
    }
    return body;
  }

  async function request(req: TransportRequest): Promise<unknown> {
    const url = buildUrl(req);
    const retries = req.method === 'GET' ? retry.retries : 0;
    for (let attempt = 0; ; attempt++) {
      if (req.signal?.aborted) throw abortError();
      try {
        return await once(req, url);
      } catch (error) {
        if (!isInboxError(error)) throw error;
        const retriable = error.code === 'rate_limited' || error.code === 'server' || error.code === 'network';
        if (!retriable || attempt >= retries) throw error;
        let delay: number;
        if (error.retryAfterMs !== undefined) {
          if (error.retryAfterMs > retry.maxRetryAfterMs) throw error;
          delay = error.retryAfterMs;
        } else {
          const exp = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** attempt);
          delay = exp / 2 + Math.random() * (exp / 2); // jitter spreads clients that failed together
        }
        await sleep(delay, req.signal);
      }
    }
  }

  return { request };
}
