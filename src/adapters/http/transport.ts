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
}

export interface TransportConfig extends HttpAdapterOptions {
  /** Name used in error messages, e.g. "WhatsApp API". */
  apiName: string;
  baseUrl: string;
  headers: HeadersInput;
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

function describe(value: string, max = 120): string {
  const flat = value.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** The one small transport both HTTP adapters stand on. */
export function createTransport(config: TransportConfig): Transport {
  const retry = config.retry === false ? { ...DEFAULT_RETRY, retries: 0 } : { ...DEFAULT_RETRY, ...config.retry };
  const timeoutMs = config.timeoutMs ?? 15_000;
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

  async function once(req: TransportRequest, url: string): Promise<unknown> {
    const doFetch = config.fetch ?? globalThis.fetch;
    if (typeof doFetch !== 'function') throw new InboxError('network', `${config.apiName}: no fetch is available here; pass one as the "fetch" option.`);
    const headerValues = typeof config.headers === 'function' ? await config.headers() : config.headers;
    const headers: Record<string, string> = { Accept: 'application/json', ...headerValues };
    if (req.body !== undefined) headers['Content-Type'] = 'application/json';

    // Our own controller joins the caller's signal and the timeout, so we can tell them apart.
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
    let text: string;
    try {
      response = await doFetch(url, {
        method: req.method,
        headers,
        body: req.body === undefined ? undefined : JSON.stringify(req.body),
        signal: controller.signal,
      });
      text = await response.text();
    } catch (error) {
      if (req.signal?.aborted) throw abortError();
      if (timedOut) throw new InboxError('timeout', `${config.apiName} did not answer within ${timeoutMs} ms.`, { cause: error });
      throw new InboxError('network', `Could not reach the ${config.apiName}: ${error instanceof Error ? error.message : String(error)}.`, { cause: error });
    } finally {
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
    }

    let body: unknown = undefined;
    let parsed = false;
    if (text.trim() !== '') {
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
      const what = text.trim() === '' ? 'an empty body' : `a body that is not JSON: "${describe(text)}"`;
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
