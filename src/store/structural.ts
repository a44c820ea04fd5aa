import { defineOwn } from './records.js';

/**
 * Returns `prev` when `next` is deeply equal to it, otherwise `next` with
 * every deeply-equal subtree replaced by the one from `prev`. Keeps object
 * identity stable across refetches, so narrow selectors see no change and
 * nothing re-renders when a poll returns the same data.
 */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (prev === next) return prev as T;
  const prevArray = Array.isArray(prev);
  if (prevArray !== Array.isArray(next)) return next;
  if (prevArray) {
    const a = prev as unknown[];
    const b = next as unknown[];
    let equal = a.length === b.length;
    const out = b.map((item, i) => {
      const merged = replaceEqualDeep(a[i], item);
      if (merged !== a[i]) equal = false;
      return merged;
    });
    return (equal ? prev : out) as T;
  }
  if (!isPlainObject(prev) || !isPlainObject(next)) return next;
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const aKeys = Object.keys(a);
  const bKeys = Object.keys(b);
  let equal = aKeys.length === bKeys.length;
  const out = Object.create(Object.getPrototypeOf(b) as object | null) as Record<string, unknown>;
  for (const key of bKeys) {
    const had = Object.prototype.hasOwnProperty.call(a, key);
    const merged = replaceEqualDeep(had ? a[key] : undefined, b[key]);
    defineOwn(out, key, merged);
    if (merged !== a[key] || !had) equal = false;
  }
  return (equal ? prev : out) as T;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
