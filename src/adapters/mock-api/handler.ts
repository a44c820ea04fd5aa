import { InboxError, isInboxError } from '../../core/errors.js';
import { readLimited } from '../http/transport.js';
import type { ConversationsAdapter } from '../../core/types.js';
import { badRequest } from './api.js';
import type { MockApi, RouteContext } from './api.js';
import { waplyApi } from './waply.js';
import { whatsAppApi } from './whatsapp.js';

/** Which REST API a mock serves. */
export type MockFlavour = 'whatsapp' | 'waply';

/** The token a mock accepts unless told otherwise. */
export const DEFAULT_MOCK_TOKEN = 'inboxkit-mock-token';

/** Options of `createMockHandler`. */
export interface MockHandlerOptions {
  /** Which REST API to serve: `'whatsapp'` (`/api/whatsapp/conversations…`) or `'waply'` (`/conversations…`, with or without `/v1`). Required. */
  flavour: MockFlavour;
  /** Where the conversations live, usually `createMemoryAdapter({ profile: flavour })`. Required. */
  backend: ConversationsAdapter;
  /** The bearer token every request must send as `Authorization: Bearer <token>`. Default `'inboxkit-mock-token'`. */
  token?: string | undefined;
}

/**
 * Answers one request. Takes a `Request`, or `fetch`'s own `(input, init)`,
 * so it can be passed as an HTTP adapter's `fetch` (no network at all).
 */
export type MockHandler = (input: Request | string | URL, init?: RequestInit) => Promise<Response>;

// What an id may hold here: letters, digits, `_` and `-`, as every id in both specs does (a
// malformed one is the WhatsApp spec's 400 "Invalid conversation ID"). No prefix is required,
// so a backend seeded with any such id (even `__proto__`) is served.
const ID_PATTERN = /^[A-Za-z0-9_-]+$/;

/** Largest request body read, in bytes; a larger one is answered 413 unread. */
export const MAX_BODY_BYTES = 1024 * 1024;

const CORS = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After',
};
const METHODS = 'GET, POST, OPTIONS';

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...CORS, ...headers },
  });
}

/** Splits and percent-decodes a path; an undecodable segment is kept raw, so it matches nothing. */
function segmentsOf(pathname: string): string[] {
  const parts = pathname.split('/').slice(1);
  if (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts.map((part) => {
    try {
      return decodeURIComponent(part);
    } catch {
      return part;
    }
  });
}

async function readBody(request: Request): Promise<Record<string, unknown>> {
  const text = await readLimited(request, MAX_BODY_BYTES);
  if (text === undefined) throw new InboxError('invalid_input', 'Request body too large', { status: 413 });
  if (text.trim() === '') return {};
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    throw badRequest('Invalid JSON body');
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw badRequest('Request body must be a JSON object');
  return body as Record<string, unknown>;
}

/**
 * The status and text an error is answered with. Texts follow the WhatsApp
 * spec's error table; a 500 never carries the cause, let alone a stack.
 */
function describeError(error: unknown): { status: number; message: string; headers?: Record<string, string> | undefined } {
  if (!isInboxError(error)) return { status: 500, message: 'Internal server error' };
  if (error.status === 413) return { status: 413, message: error.message };
  switch (error.code) {
    case 'invalid_id':
      return { status: 400, message: 'Invalid conversation ID' };
    case 'invalid_input':
      return { status: 400, message: error.serverMessage ?? error.message };
    case 'unauthorized':
      return { status: 401, message: 'Unauthorized' };
    case 'forbidden':
      return { status: 403, message: error.serverMessage ?? (error.message || 'Forbidden') };
    case 'not_found':
      return { status: 404, message: 'Conversation not found' };
    case 'unsupported':
      // The endpoint or filter does not exist for this flavour.
      return { status: 404, message: error.message };
    case 'rate_limited': {
      const seconds = error.retryAfterMs === undefined ? 1 : Math.max(0, Math.ceil(error.retryAfterMs / 1000));
      return { status: 429, message: 'Rate limit exceeded', headers: { 'Retry-After': String(seconds) } };
    }
    default:
      return { status: 500, message: 'Internal server error' };
  }
}

/**
 * Serves one flavour's REST API, exactly as its spec describes, from any
 * `ConversationsAdapter` (usually the memory backend). Browser-safe: only
 * `Request`, `Response`, `URL` and `JSON`.
 *
 * Auth: both flavours require `Authorization: Bearer <token>`. The Waply spec
 * names that header; the WhatsApp spec names none ("missing or invalid auth
 * headers"), so the mock picks the same Bearer header there.
 *
 * Errors: WhatsApp answers `{ success: false, error: "<text>" }` as its spec
 * shows. The Waply spec shows no error body; the mock answers
 * `{ error: { message: "<text>" } }` with the same status codes.
 */
export function createMockHandler(options: MockHandlerOptions): MockHandler {
  const { backend } = options;
  const api: MockApi = options.flavour === 'whatsapp' ? whatsAppApi : waplyApi;
  const token = options.token ?? DEFAULT_MOCK_TOKEN;
  // The auth scheme is case-insensitive (RFC 9110); the token is not.
  const authorized = (header: string | null): boolean => {
    const [scheme = '', credentials, ...rest] = (header ?? '').trim().split(/\s+/);
    return rest.length === 0 && /^bearer$/i.test(scheme) && credentials === token;
  };
  const fail = (status: number, message: string, headers?: Record<string, string>) => json(status, api.error(message), headers);

  return async (input, init) => {
    const request = input instanceof Request && init === undefined ? input : new Request(input, init);
    const method = request.method.toUpperCase();
    // Preflights carry no credentials; answer them for every path.
    if (method === 'OPTIONS') {
      return new Response(null, {
        status: 204,
        headers: { ...CORS, 'Access-Control-Allow-Methods': METHODS, 'Access-Control-Allow-Headers': 'Authorization, Content-Type', 'Access-Control-Max-Age': '600' },
      });
    }
    try {
      // Before anything else, the body above all: a stranger's upload is never read.
      if (!authorized(request.headers.get('Authorization'))) return fail(401, 'Unauthorized');
      const url = new URL(request.url);
      const rest = api.match(segmentsOf(url.pathname));
      const [id, action, ...extra] = rest ?? [];
      const isCollection = rest !== null && id === undefined;
      const known = rest !== null && extra.length === 0 && (action === undefined || api.actions.includes(action));
      if (!known) return fail(404, 'Not found');
      const allow = action === undefined ? 'GET' : 'POST';
      if (method !== allow) return fail(405, 'Method not allowed', { Allow: `${allow}, OPTIONS` });
      if (!isCollection && !ID_PATTERN.test(id ?? '')) return fail(400, 'Invalid conversation ID');

      const ctx: RouteContext = { backend, params: url.searchParams, signal: request.signal };
      let data: unknown;
      if (isCollection) data = await api.list(ctx);
      else if (action === undefined) data = await api.get(ctx, id as string);
      else data = await api.action(ctx, id as string, action, await readBody(request));
      return json(200, api.ok(data));
    } catch (error) {
      const { status, message, headers } = describeError(error);
      return fail(status, message, headers);
    }
  };
}
