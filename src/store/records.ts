/**
 * Records keyed by ids that came from a backend. Any string must be a safe
 * key, `__proto__` and `constructor` included, so every record the store
 * holds has no prototype: a missing id reads `undefined`, never an
 * `Object.prototype` member. Spreading (`{ ...record }`) would bring the
 * prototype back, so copies go through these helpers.
 */

/** An empty record without a prototype. */
export const dict = <T>(): Record<string, T> => Object.create(null) as Record<string, T>;

/** A prototype-free copy of `record` (assigning into an object without a prototype makes even `__proto__` an own key). */
export const copyDict = <T>(record: Readonly<Record<string, T>>): Record<string, T> => Object.assign(dict<T>(), record);

/** A copy with `key` set, or without it for `undefined`. */
export function withEntry<T>(record: Readonly<Record<string, T>>, key: string, value: T | undefined): Record<string, T> {
  const out = copyDict(record);
  if (value === undefined) delete out[key];
  else out[key] = value;
  return out;
}

/** Sets an own property, even one named `__proto__` (plain assignment would set the prototype). */
export function defineOwn(target: Record<string, unknown>, key: string, value: unknown): void {
  if (key === '__proto__') Object.defineProperty(target, key, { value, enumerable: true, writable: true, configurable: true });
  else target[key] = value;
}

/** A shallow merge of plain objects that keeps every key an own data property (no prototype is ever set). */
export function mergeOwn<T extends object>(...sources: Array<Readonly<T> | undefined>): T {
  const out: Record<string, unknown> = {};
  for (const source of sources) {
    if (!source) continue;
    for (const key of Object.keys(source)) defineOwn(out, key, (source as Record<string, unknown>)[key]);
  }
  return out as T;
}
