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

  timestamp(value: unknown, path: string): string {
    const text = this.string(value, path);
    if (Number.isNaN(Date.parse(text))) this.fail(path, 'an ISO-8601 timestamp', value);
    return text;
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
