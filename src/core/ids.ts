import { InboxError } from './errors.js';

/**
 * Checks an id before it goes into a path. Encoding alone is not enough:
 * URL parsers resolve `.` and `..` segments (even as `%2e%2e`), so such an id
 * would climb out of the API path.
 */
export function assertValidId(id: unknown, what = 'conversation'): asserts id is string {
  function refuse(problem: string): never {
    throw new InboxError('invalid_id', `The ${what} id ${problem}.`);
  }
  if (typeof id !== 'string' || id.trim() === '') refuse('must be a non-empty string');
  if (/^(?:\.|%2e){1,2}$/i.test(id)) refuse(`cannot be "${id}"`);
  // A lone surrogate (half of an emoji; with the u flag, a pair is one code point, so only a lone half is `Cs`)
  // has no UTF-8 form, so no URL can carry it. Found by a pattern rather than by catching
  // encodeURIComponent's throw: minifiers drop a call whose result goes unused.
  if (/\p{Cs}/u.test(id)) refuse('holds a lone surrogate');
}

/** Whether a URL is safe to load as an image: only absolute http(s) URLs are. */
export function safeAvatarUrl(url: string | null | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'https:' || parsed.protocol === 'http:' ? parsed.href : undefined;
  } catch {
    return undefined;
  }
}
