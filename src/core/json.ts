/**
 * Keys never copied out of data from elsewhere: assigned to a plain object,
 * `__proto__` replaces its prototype, and `constructor`/`prototype` are what
 * prototype-pollution gadgets look for.
 */
const UNSAFE_KEYS: ReadonlySet<string> = /* @__PURE__ */ new Set(['__proto__', 'constructor', 'prototype']);

/**
 * A deep copy of JSON-like data (free-form fields such as `metadata`) as
 * plain objects and arrays, without `__proto__`, `constructor` or
 * `prototype` keys, so nothing in it can become or reach a prototype.
 * Values other than plain objects and arrays are kept as they are.
 */
export function copyJson<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => copyJson(item)) as T;
  if (value === null || typeof value !== 'object') return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== Object.prototype && prototype !== null) return value;
  const out: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) {
    if (!UNSAFE_KEYS.has(key)) out[key] = copyJson(item);
  }
  return out as T;
}
