import { InboxError } from '../../core/errors.js';
import type { ConversationsAdapter, Conversation, ConversationUpdate } from '../../core/types.js';

/** What a route gets: the backend, the query string and the request's abort signal. */
export interface RouteContext {
  backend: ConversationsAdapter;
  params: URLSearchParams;
  signal: AbortSignal;
}

/** One flavour's REST surface, as the shared handler routes to it. */
export interface MockApi {
  /** The path segments after the collection (`[]`, `[id]`, `[id, action]`), or `null` when the path is not this API's. */
  match(segments: readonly string[]): readonly string[] | null;
  /** The `POST /:id/<action>` endpoints. */
  actions: readonly string[];
  /** Wraps a successful answer in the flavour's envelope. */
  ok(data: unknown): unknown;
  /** The flavour's error body. */
  error(message: string): unknown;
  list(ctx: RouteContext): Promise<unknown>;
  get(ctx: RouteContext, id: string): Promise<unknown>;
  action(ctx: RouteContext, id: string, action: string, body: Record<string, unknown>): Promise<unknown>;
}

/** A 400 for a request the mock refuses before asking the backend. */
export function badRequest(message: string): InboxError {
  return new InboxError('invalid_input', message);
}

/** Reads a whole-number query parameter, within `1..max`. */
export function intParam(params: URLSearchParams, name: string, fallback: number, max = Number.MAX_SAFE_INTEGER): number {
  const raw = params.get(name);
  if (raw === null) return fallback;
  const value = /^\d+$/.test(raw) ? Number(raw) : NaN;
  if (!(value >= 1 && value <= max)) {
    throw badRequest(max === Number.MAX_SAFE_INTEGER ? `${name} must be a whole number from 1 up` : `${name} must be a whole number from 1 to ${max}`);
  }
  return value;
}

/** A non-empty string query parameter, or `undefined` when absent or empty. */
export function stringParam(params: URLSearchParams, name: string): string | undefined {
  const raw = params.get(name);
  return raw === null || raw === '' ? undefined : raw;
}

/** A required non-empty string field of a JSON body. */
export function requiredString(body: Record<string, unknown>, name: string): string {
  const value = body[name];
  if (typeof value !== 'string' || value.trim() === '') throw badRequest(`${name} is required and must be a non-empty string`);
  return value;
}

const FULL_KEYS = ['contactId', 'channel', 'status', 'assignee', 'createdAt', 'updatedAt', 'closedAt', 'closedBy'] as const;

/**
 * A mutation's answer as a whole conversation. Backends may answer with only
 * the changed fields; the mock's wire answers need the rest, so read it.
 */
export async function completeConversation(ctx: RouteContext, update: ConversationUpdate): Promise<Conversation> {
  if (FULL_KEYS.every((key) => key in update)) return update as Conversation;
  const full = await ctx.backend.getConversation(update.id, { signal: ctx.signal });
  return { ...full, ...update };
}
