import { InboxError } from './errors.js';

/**
 * Checks an id before it goes into a path. Encoding alone is not enough:
 * URL parsers resolve `.` and `..` segments (even as `%2e%2e`), so such an id
 * would climb out of the API path.
 */
export function assertValidId(id: unknown, what = 'conversation'): asserts id is string {
  if (typeof id !== 'string' || id.trim() === '') {
    throw new InboxError('invalid_id', `The ${what} id must be a non-empty string.`);
  }
  if (/^(?:\.|%2e){1,2}$/i.test(id)) {
    throw new InboxError('invalid_id', `"${id}" is not a valid ${what} id.`);
  }
  try {
    encodeURIComponent(id);
  } catch {
    // A lone surrogate (half of an emoji) has no UTF-8 form, so no URL can carry it.
    throw new InboxError('invalid_id', `The ${what} id is not well-formed text (it holds a lone surrogate).`);
  }
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
