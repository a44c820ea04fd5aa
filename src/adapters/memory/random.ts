/**
 * Seeded randomness for the memory backend. Everything it invents (data,
 * failures, demo traffic) comes from here, so one seed always gives the same
 * backend.
 */

/** A source of numbers in [0, 1). */
export type Random = () => number;

/** mulberry32: tiny, fast and good enough for demo data (not for secrets). */
export function mulberry32(seed: number): Random {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Mixes two numbers into a well-spread 32-bit seed (murmur3's finalizer), so
 * independent streams (data, failures, one conversation's history) can be
 * derived from one user seed without their sequences overlapping visibly.
 */
export function mixSeed(a: number, b: number): number {
  let h = (Math.imul(a >>> 0, 0x9e3779b1) ^ (b >>> 0)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** FNV-1a of a string: a stable number for an id. */
export function hashString(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** A whole number in [min, max]. */
export function int(random: Random, min: number, max: number): number {
  return min + Math.floor(random() * (max - min + 1));
}

/** Whether an event of the given probability happens. */
export function chance(random: Random, probability: number): boolean {
  return random() < probability;
}

/** One element of a non-empty list. */
export function pick<T>(random: Random, items: readonly T[]): T {
  const item = items[Math.floor(random() * items.length)];
  if (item === undefined) throw new Error('pick() needs a non-empty list.');
  return item;
}

/** One key of a weight table, chosen in proportion to its weight. */
export function weighted<K extends string>(random: Random, weights: readonly (readonly [K, number])[]): K {
  let total = 0;
  for (const [, weight] of weights) total += weight;
  let roll = random() * total;
  for (const [key, weight] of weights) {
    roll -= weight;
    if (roll < 0) return key;
  }
  const last = weights[weights.length - 1];
  if (last === undefined) throw new Error('weighted() needs a non-empty table.');
  return last[0];
}

// Crockford's base32, as ULIDs use it.
const BASE32 = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * A ULID-looking id: `prefix_` then "01" and 24 base32 characters (26 in
 * all). Random rather than time-based, so ids do not depend on the clock.
 * Built from char codes in one go: a string grown by `+=` is a rope that
 * every Map lookup would have to flatten first.
 */
export function ulidLike(random: Random, prefix: string): string {
  const codes: number[] = [];
  for (let i = 0; i < prefix.length; i++) codes.push(prefix.charCodeAt(i));
  codes.push(95 /* _ */, 48 /* 0 */, 49 /* 1 */);
  for (let block = 0; block < 4; block++) {
    // 30 random bits give 6 characters.
    let bits = Math.floor(random() * 0x40000000);
    for (let i = 0; i < 6; i++) {
      codes.push(BASE32.charCodeAt(bits & 31));
      bits >>>= 5;
    }
  }
  return String.fromCharCode(...codes);
}
