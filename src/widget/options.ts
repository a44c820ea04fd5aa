// What the script tag's loader needs before any chunk arrives: the option
// types, their validation and comparison. Nothing here may import React,
// an adapter or date-fns, or the loader would carry them.
import { InboxError } from '../core/errors.js';
import type { HeadersInput } from '../adapters/http/transport.js';
import type { Contact } from '../core/types.js';
import type { InboxMessages } from '../hooks/messages.js';
import type { AssigneeDirectory, CurrentUser } from '../store/createInboxStore.js';

/** Which backend the widget talks to, as plain data. */
export type WidgetAdapterOptions =
  | { flavour: 'memory'; seed?: number | undefined; size?: number | undefined; latencyMs?: number | undefined; failureRate?: number | undefined }
  | { flavour: 'whatsapp'; baseUrl: string; headers: HeadersInput; fetch?: typeof fetch | undefined }
  | { flavour: 'waply'; apiKey: string; baseUrl?: string | undefined; fetch?: typeof fetch | undefined };

/**
 * Options of `mountInbox`: plain data, so a page without a bundler can pass
 * them, but for `resolveContact` (a function) and the HTTP adapters' `fetch`.
 */
export interface WidgetOptions {
  /** The backend. Required. */
  adapter: WidgetAdapterOptions;
  /** The signed-in agent ("Assign to me"). Default none. */
  currentUser?: CurrentUser | null | undefined;
  /** People and teams to offer (the HTTP APIs cannot list them). Default none. */
  directory?: AssigneeDirectory | undefined;
  /** `light`, `dark` or `auto`. Default `auto`. */
  theme?: 'light' | 'dark' | 'auto' | undefined;
  /**
   * A BCP-47 tag; its language picks the UI catalog (`inboxkit/locales/<language>`): the UI's words,
   * count wording, and dates (day and month names, date order, clock). ar, de, es, fr, pt, ja and hi
   * are each a chunk fetched when asked for; `en` and any other language show English (the latter
   * with a console warning). It also sets the inbox's `lang`, and `dir` for Arabic. Default `en`.
   */
  locale?: string | undefined;
  /** Text direction. Default: `rtl` for Arabic locales, else `ltr`. */
  dir?: 'ltr' | 'rtl' | undefined;
  /** UI strings to replace (any subset), over the locale's catalog. */
  messages?: Partial<InboxMessages> | undefined;
  /**
   * Waply only (its conversations carry only a contact id): looks up a contact's name, phone, email
   * or avatar by id, called once per id and cached; without it rows read "Contact 01HXYZ". A function,
   * so pass it from script, not an attribute. Other backends send the contact and never call it.
   */
  resolveContact?: ((contactId: string) => Contact | null | undefined | Promise<Contact | null | undefined>) | undefined;
  /** Polling interval; 0 turns it off. Default 15 000 ms. */
  pollIntervalMs?: number | undefined;
  /** After how long a customer waiting for a reply turns the row into an alert, in ms. Default 3 600 000 (one hour). */
  waitingAlertAfterMs?: number | undefined;
  /** How long a resolve waits, with an Undo line, before it is sent; 0 sends at once. Default 5 000 ms. */
  undoMs?: number | undefined;
}

/** The language of a BCP-47 tag, lower case: `pt-BR` is `pt`. */
export function languageOf(tag: string | undefined): string {
  return (tag ?? 'en').toLowerCase().split(/[-_]/)[0] || 'en';
}

function fail(message: string): never {
  throw new InboxError('invalid_input', `InboxKit.mount: ${message}`);
}

/** Checks options before anything renders, so a bad call never leaves a half-built inbox. */
export function validateOptions(options: unknown): asserts options is WidgetOptions {
  if (typeof options !== 'object' || options === null) fail('options must be an object, e.g. { adapter: { flavour: "memory" } }.');
  const { adapter, theme, dir, resolveContact } = options as WidgetOptions;
  if (typeof adapter !== 'object' || adapter === null) fail('"adapter" is required, e.g. { flavour: "memory" }.');
  const flavour = (adapter as { flavour?: unknown | undefined }).flavour;
  if (flavour === 'whatsapp') {
    const a = adapter as { baseUrl?: unknown | undefined; headers?: unknown | undefined };
    if (typeof a.baseUrl !== 'string' || a.baseUrl === '') fail('the whatsapp adapter needs "baseUrl".');
    if (a.headers === undefined || a.headers === null) fail('the whatsapp adapter needs "headers" (its API needs auth headers you supply).');
  } else if (flavour === 'waply') {
    const a = adapter as { apiKey?: unknown | undefined };
    if (typeof a.apiKey !== 'string' || a.apiKey === '') fail('the waply adapter needs "apiKey" (better: a proxy "baseUrl" and a placeholder key).');
  } else if (flavour !== 'memory') {
    fail(`unknown adapter flavour ${JSON.stringify(flavour)}; use "memory", "whatsapp" or "waply".`);
  }
  if (theme !== undefined && theme !== 'light' && theme !== 'dark' && theme !== 'auto') fail(`theme must be "light", "dark" or "auto", got ${JSON.stringify(theme)}.`);
  if (dir !== undefined && dir !== 'ltr' && dir !== 'rtl') fail(`dir must be "ltr" or "rtl", got ${JSON.stringify(dir)}.`);
  if (resolveContact !== undefined && typeof resolveContact !== 'function') fail('resolveContact must be a function (contactId) => contact, e.g. one that fetches it from your backend.');
}

/** Whether two adapter option objects describe the same backend (functions compared by identity). */
export function sameAdapter(a: WidgetAdapterOptions, b: WidgetAdapterOptions): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  for (const key of keys) {
    const x = (a as unknown as Record<string, unknown>)[key];
    const y = (b as unknown as Record<string, unknown>)[key];
    if (x === y) continue;
    if (typeof x === 'object' && typeof y === 'object' && x !== null && y !== null && JSON.stringify(x) === JSON.stringify(y)) continue;
    return false;
  }
  return true;
}
