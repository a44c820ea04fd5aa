import { defineOwn } from './records.js';

/**
 * Returns `prev` when `next` is deeply equal to it, otherwise `next` with
 * every deeply-equal subtree replaced by the one from `prev`. Keeps object
 * identity stable across refetches, so narrow selectors see no change and
 * nothing re-renders when a poll returns the same data.
 *
 * The common answer is "equal" (a poll of unchanged pages), so nothing is
 * allocated until the first difference: only then is the copy begun, with the
 * entries before it taken from `prev`, which they equal.
 */
export function replaceEqualDeep<T>(prev: unknown, next: T): T {
  if (prev === next) return prev as T;
  const prevArray = Array.isArray(prev);
  if (prevArray !== Array.isArray(next)) return next;
  if (prevArray) {
    const a = prev as unknown[];
    const b = next as unknown[];
    let out: unknown[] | null = a.length === b.length ? null : [];
    for (let i = 0; i < b.length; i++) {
      const merged = replaceEqualDeep(a[i], b[i]);
      if (out) out.push(merged);
      else if (merged !== a[i]) {
        out = a.slice(0, i);
        out.push(merged);
      }
    }
    return (out ?? prev) as T;
  }
  if (!isPlainObject(prev) || !isPlainObject(next)) return next;
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const bKeys = Object.keys(b);
  const sameCount = Object.keys(a).length === bKeys.length;
  let out: Record<string, unknown> | null = null;
  const begin = (upTo: number) => {
    const copy = Object.create(Object.getPrototypeOf(b) as object | null) as Record<string, unknown>;
    for (let j = 0; j < upTo; j++) defineOwn(copy, bKeys[j]!, a[bKeys[j]!]);
    return copy;
  };
  if (!sameCount) out = begin(0);
  for (let i = 0; i < bKeys.length; i++) {
    const key = bKeys[i]!;
    const had = Object.prototype.hasOwnProperty.call(a, key);
    const merged = replaceEqualDeep(had ? a[key] : undefined, b[key]);
    if (!out && (!had || merged !== a[key])) out = begin(i);
    if (out) defineOwn(out, key, merged);
  }
  // Same count, every key of `next` in `prev` with an equal value: `prev` has no other key, so they are equal.
  return (out ?? prev) as T;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/**
 * Whether `replaceEqualDeep(prev, next)` would return `prev`, without building
 * anything: it stops at the first difference, so asking costs a changed value
 * (a pushed message) no copy.
 */
export function equalDeep(prev: unknown, next: unknown): boolean {
  if (prev === next) return true;
  const prevArray = Array.isArray(prev);
  if (prevArray !== Array.isArray(next)) return false;
  if (prevArray) {
    const a = prev as unknown[];
    const b = next as unknown[];
    if (a.length !== b.length) return false;
    for (let i = 0; i < b.length; i++) if (!equalDeep(a[i], b[i])) return false;
    return true;
  }
  if (!isPlainObject(prev) || !isPlainObject(next)) return false;
  const a = prev as Record<string, unknown>;
  const b = next as Record<string, unknown>;
  const bKeys = Object.keys(b);
  if (Object.keys(a).length !== bKeys.length) return false;
  for (const key of bKeys) if (!Object.prototype.hasOwnProperty.call(a, key) || !equalDeep(a[key], b[key])) return false;
  return true;
}
