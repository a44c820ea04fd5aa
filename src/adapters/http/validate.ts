import { InboxError } from '../../core/errors.js';
import { computeHasNext } from '../../core/query.js';
import type { Conversation, ConversationPage, MessageDirection } from '../../core/types.js';
import type { NormalizedQuery } from '../../core/query.js';

// Reading wire JSON. Each failure is an `invalid_response` naming the API, the
// path into the body and what was found, e.g.
// `WhatsApp API sent an invalid response: data.conversations[2].id should be a string, got number 7.`
// Extra fields are ignored on purpose: APIs add fields.

/** What each kind of value reads as. */
interface Kinds {
  object: Record<string, unknown>;
  array: unknown[];
  string: string;
  /** A non-empty string. */
  id: string;
  number: number;
  boolean: boolean;
  /** A count of conversations: a whole number from 0 to `MAX_TOTAL`. */
  total: number;
  /** A page number or page size: a whole number from 1 up. */
  page: number;
  direction: MessageDirection;
  /** An ISO-8601 timestamp with a zone, as its canonical UTC form (see `canonicalTimestamp`). */
  time: string;
}

/** Reads one value at `path`, or fails naming it. */
export type Mapper<T = unknown> = (value: unknown, path: string) => T;

/** A kind by name (`'string'`), optional with a `?` (`'string?'`: absent or null reads as `undefined`), or a mapper of its own. */
export type Kind = keyof Kinds | `${keyof Kinds}?` | Mapper;

export type Read<K> = K extends Mapper<infer T> ? T : K extends `${infer B extends keyof Kinds}?` ? Kinds[B] | undefined : K extends keyof Kinds ? Kinds[K] : never;

/** Domain key → its kind, with the wire's own key first where the two differ (`['created_at', 'time']`). */
type Spec = Record<string, Kind | readonly [string, Kind]>;
type KindOf<R> = R extends readonly [string, infer K] ? K : R;
type Optional<S extends Spec, P extends keyof S> = KindOf<S[P]> extends `${string}?` ? P : undefined extends Read<KindOf<S[P]>> ? P : never;
/** What `pick` reads: optional kinds (and mappers that may read `undefined`) become optional fields, left out where absent. */
type Picked<S extends Spec> = { -readonly [P in keyof S as P extends Optional<S, P> ? never : P]: Read<KindOf<S[P]>> } & {
  -readonly [P in keyof S as Optional<S, P>]?: Exclude<Read<KindOf<S[P]>>, undefined>;
};

/** Largest `total` believed: more conversations than a 32-bit count holds is a broken answer, not an inbox. */
export const MAX_TOTAL = 2_147_483_647;

const isWhole = (value: unknown, min: number) => Number.isInteger(value) && (value as number) >= min && (value as number) <= MAX_TOTAL;

/** `typeof`, with arrays and null told apart. */
const typeName = (value: unknown) => (value === null ? 'null' : Array.isArray(value) ? 'array' : typeof value);
const withArticle = (noun: string) => `${/^[aeiou]/.test(noun) ? 'an' : 'a'} ${noun}`;

/** What a kind must be, in words for the message, and the test. The kinds not here (object, array, string, boolean) are their `typeName`. */
const KINDS: Record<string, readonly [string, (value: unknown) => boolean]> = {
  id: ['a non-empty string', (value) => typeof value === 'string' && value !== ''],
  number: ['a number', Number.isFinite],
  total: [`a whole number from 0 to ${MAX_TOTAL}`, (value) => isWhole(value, 0)],
  page: ['a whole number from 1 up', (value) => isWhole(value, 1)],
  direction: ['"inbound" or "outbound"', (value) => value === 'inbound' || value === 'outbound'],
};

/** The readers of one API's answers, naming it in every failure. */
export function reader(apiName: string) {
  function fail(path: string, expected: string, value: unknown): never {
    throw new InboxError('invalid_response', `${apiName} sent an invalid response: ${path || 'the body'} should be ${expected}, got ${kindOf(value)}.`);
  }

  function read<K extends Kind>(value: unknown, path: string, kind: K): Read<K>;
  function read(value: unknown, path: string, kind: Kind): unknown {
    if (typeof kind === 'function') return kind(value, path);
    if (kind.endsWith('?')) {
      if (value === undefined || value === null) return undefined;
      kind = kind.slice(0, -1) as keyof Kinds;
    }
    if (kind === 'time') return canonicalTimestamp(read(value, path, 'string')) ?? fail(path, 'an ISO-8601 timestamp with a time zone', value);
    const [expected, test] = KINDS[kind] ?? [withArticle(kind), (value: unknown) => typeName(value) === kind];
    return test(value) ? value : fail(path, expected, value);
  }

  /** An array, each item read by `map` at `path[i]`. */
  function listOf<T>(map: Mapper<T>): Mapper<T[]> {
    return (value, path) => read(value, path, 'array').map((item, i) => map(item, `${path}[${i}]`));
  }

  /** The fields of `spec` read out of the object `value`; an optional field that is absent is left out. */
  function pick<S extends Spec>(value: unknown, path: string, spec: S): Picked<S> {
    const wire = read(value, path, 'object');
    const out: Record<string, unknown> = {};
    for (const key in spec) {
      const rule = spec[key]!;
      const [name, kind] = Array.isArray(rule) ? (rule as readonly [string, Kind]) : [key, rule as Kind];
      const field = read(wire[name], path ? `${path}.${name}` : name, kind);
      if (field !== undefined) out[key] = field;
    }
    return out as Picked<S>;
  }

  return { fail, read, listOf, pick };
}

/**
 * `{ status }` (or `{ channel }`) for a wire value the domain knows, each
 * known value's wire form given by `toWire`; anything else is `'unknown'`,
 * with the wire's own value kept as `rawStatus` (`rawChannel`) rather than
 * coerced to a known one. Prototype names (`constructor`) are unknown too.
 */
export function known<K extends 'status' | 'channel'>(key: K, raw: string, values: readonly Conversation[K][], toWire = (value: string) => value): Pick<Conversation, K | 'rawStatus' | 'rawChannel'> {
  const value = values.find((candidate) => toWire(candidate) === raw);
  return (value ? { [key]: value } : { [key]: 'unknown', [key === 'status' ? 'rawStatus' : 'rawChannel']: raw }) as Pick<Conversation, K | 'rawStatus' | 'rawChannel'>;
}

/** A list answer's rows and paging; `hasNext` (where sent) may end paging early, never extend it past the total or an empty page. */
export function toPage(
  wire: { conversations: Conversation[]; total: number; page?: number | undefined; limit?: number | undefined; hasNext?: boolean | undefined },
  query: NormalizedQuery,
): ConversationPage {
  const { conversations, total, page = query.page, limit = query.limit } = wire;
  return { conversations, total, page, limit, hasNext: wire.hasNext !== false && computeHasNext(page, limit, total, conversations.length) };
}

// Date, `T`, time to the minute at least (each field in range, so 24:00 is out), then `Z` or an offset:
// RFC 3339 and ISO-8601's extended form.
const ISO_TIMESTAMP = /^(\d{4}-\d\d-\d\d)T((?:[01]\d|2[0-3]):[0-5]\d)(?::([0-5]\d)(?:[.,](\d+))?)?(Z|[+-](?:[01]\d|2[0-3]):?[0-5]\d)$/i;

/**
 * `text` as `YYYY-MM-DDTHH:mm:ss.sssZ`, or `undefined` unless it is a real
 * date and time with a zone. `Date.parse` alone accepts "0", "2026",
 * "March 7" and RFC 1123 dates, and rolls 31 February over into March.
 */
export function canonicalTimestamp(text: string): string | undefined {
  const [, date = '', minutes, seconds = '00', fraction = '', zone = ''] = ISO_TIMESTAMP.exec(text) ?? [];
  // Rewritten in the one form every engine parses alike: seconds, three digits of fraction, `Z` or `±HH:mm`.
  const instant = Date.parse(`${date}T${minutes}:${seconds}.${fraction.padEnd(3, '0').slice(0, 3)}${zone.toUpperCase().replace(/^([+-]\d\d):?/, '$1:')}`);
  // A day past the month's end (30 February) does not come back as written.
  return Number.isNaN(instant) || !new Date(Date.parse(date)).toISOString().startsWith(date) ? undefined : new Date(instant).toISOString();
}

/** `text` on one line, cut to `max` characters. */
export function clip(text: string, max = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > max ? `${flat.slice(0, max)}…` : flat;
}

/** What was found, for a message: `the string "none"`, `number 7`, `an object`, `nothing` (a missing field). */
function kindOf(value: unknown): string {
  const type = typeName(value);
  if (type === 'string') return `the string "${clip(value as string, 40)}"`;
  // What else JSON holds: null, arrays, objects, numbers and booleans.
  return type === 'undefined' ? 'nothing' : type === 'null' ? type : type === 'object' || type === 'array' ? withArticle(type) : `${type} ${String(value)}`;
}

/** Reads an error text from `error`, `error.message` or `message`, whichever is there. */
export function readErrorText(body: unknown): string | undefined {
  const { error, message } = Object(body) as { error?: { message?: unknown | undefined } | undefined; message?: unknown | undefined };
  for (const text of [error, error?.message, message]) if (typeof text === 'string' && text) return text;
  return undefined;
}
