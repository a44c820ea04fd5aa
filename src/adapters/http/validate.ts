import { InboxError } from '../../core/errors.js';

/**
 * Small checks for wire JSON. Each failure is an `invalid_response` naming the
 * API, the path into the body and what was found, e.g.
 * `WhatsApp API sent an invalid response: data.conversations[2].id should be a string, got number.`
 * Extra fields are ignored on purpose: APIs add fields.
 */
export class Reader {
  constructor(readonly apiName: string) {}

  fail(path: string, expected: string, value: unknown): never {
    throw new InboxError('invalid_response', `${this.apiName} sent an invalid response: ${path || 'the body'} should be ${expected}, got ${kindOf(value)}.`);
  }

  object(value: unknown, path: string): Record<string, unknown> {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) this.fail(path, 'an object', value);
    return value as Record<string, unknown>;
  }

  array(value: unknown, path: string): unknown[] {
    if (!Array.isArray(value)) this.fail(path, 'an array', value);
    return value;
  }

  string(value: unknown, path: string): string {
    if (typeof value !== 'string') this.fail(path, 'a string', value);
    return value;
  }

  nonEmptyString(value: unknown, path: string): string {
    if (typeof value !== 'string' || value === '') this.fail(path, 'a non-empty string', value);
    return value;
  }

  optionalString(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    return this.string(value, path);
  }

  number(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isFinite(value)) this.fail(path, 'a number', value);
    return value;
  }

  optionalNumber(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    return this.number(value, path);
  }

  boolean(value: unknown, path: string): boolean {
    if (typeof value !== 'boolean') this.fail(path, 'true or false', value);
    return value;
  }

  optionalBoolean(value: unknown, path: string): boolean | undefined {
    if (value === undefined || value === null) return undefined;
    return this.boolean(value, path);
  }

  /**
   * An ISO-8601 date and time with a time zone (`Z` or an offset), as UTC in
   * the canonical form `new Date(x).toISOString()` gives, so that timestamps
   * compare the same as strings and as instants.
   */
  timestamp(value: unknown, path: string): string {
    const text = this.string(value, path);
    const canonical = canonicalTimestamp(text);
    if (canonical === undefined) this.fail(path, 'an ISO-8601 timestamp with a time zone', value);
    return canonical;
  }

  /** A count of conversations: a whole number from 0 to `MAX_TOTAL`. */
  total(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > MAX_TOTAL) this.fail(path, `a whole number from 0 to ${MAX_TOTAL}`, value);
    return value;
  }

  /** A page number or page size: a whole number from 1 up. */
  positiveInteger(value: unknown, path: string): number {
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 1 || value > MAX_TOTAL) this.fail(path, 'a whole number from 1 up', value);
    return value;
  }

  optionalPositiveInteger(value: unknown, path: string): number | undefined {
    if (value === undefined || value === null) return undefined;
    return this.positiveInteger(value, path);
  }

  optionalTimestamp(value: unknown, path: string): string | undefined {
    if (value === undefined || value === null) return undefined;
    return this.timestamp(value, path);
  }

  stringArray(value: unknown, path: string): string[] {
    return this.array(value, path).map((item, i) => this.string(item, `${path}[${i}]`));
  }

  direction(value: unknown, path: string): 'inbound' | 'outbound' {
    if (value !== 'inbound' && value !== 'outbound') this.fail(path, '"inbound" or "outbound"', value);
    return value;
  }
}

/** Largest `total` believed: more conversations than a 32-bit count holds is a broken answer, not an inbox. */
export const MAX_TOTAL = 2_147_483_647;

// Date, `T`, time to the minute at least, then `Z` or an offset: RFC 3339 and ISO-8601's extended form.
const ISO_TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})[Tt](\d{2}):(\d{2})(?::(\d{2})(?:[.,](\d+))?)?(?:([Zz])|([+-])(\d{2}):?(\d{2}))$/;

/**
 * `text` as `YYYY-MM-DDTHH:mm:ss.sssZ`, or `undefined` unless it is a real
 * date and time with a zone. `Date.parse` alone accepts "0", "2026",
 * "March 7" and RFC 1123 dates, and rolls 31 February over into March.
 */
export function canonicalTimestamp(text: string): string | undefined {
  const match = ISO_TIMESTAMP.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second = '00', fraction = '', zulu, sign, offsetHours = '00', offsetMinutes = '00'] = match;
  const fields = [Number(month), Number(day), Number(hour), Number(minute), Number(second), Number(offsetHours), Number(offsetMinutes)] as const;
  const [mo, d, h, mi, se, oh, om] = fields;
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || se > 59 || oh > 23 || om > 59) return undefined;
  const y = Number(year);
  const daysInMonth = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  const offset = zulu === undefined ? (sign === '-' ? -1 : 1) * (oh * 60 + om) : 0;
  const ms = Number(`0.${fraction || '0'}`) * 1000;
  // Date.UTC treats years 0-99 as 1900s; build from a full date string instead.
  const local = Date.parse(`${year}-${month}-${day}T${hour}:${minute}:${second}Z`) + Math.floor(ms);
  const instant = local - offset * 60_000;
  if (Number.isNaN(instant)) return undefined;
  const date = new Date(instant);
  return Number.isNaN(date.getTime()) ? undefined : date.toISOString();
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'string') return value.length > 40 ? `a string "${value.slice(0, 40)}…"` : `the string "${value}"`;
  if (typeof value === 'number' || typeof value === 'boolean') return `${typeof value} ${String(value)}`;
  return typeof value === 'object' ? 'an object' : typeof value;
}

/** Reads an error text from `error`, `error.message` or `message`, whichever is there. */
export function readErrorText(body: unknown): string | undefined {
  if (typeof body !== 'object' || body === null) return undefined;
  const record = body as Record<string, unknown>;
  if (typeof record.error === 'string' && record.error) return record.error;
  if (typeof record.error === 'object' && record.error !== null) {
    const message = (record.error as Record<string, unknown>).message;
    if (typeof message === 'string' && message) return message;
  }
  if (typeof record.message === 'string' && record.message) return record.message;
  return undefined;
}
