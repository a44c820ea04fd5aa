/** mulberry32: small, seeded, good enough to pick operations. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The seeds an environment variable names: one (`7`), a list (`7,21`) or a
 * range (`1-200`), so a sweep runs in one process. `undefined` when unset.
 */
export function seedsFrom(value: string | undefined): number[] | undefined {
  if (!value) return undefined;
  const seeds: number[] = [];
  for (const part of value.split(',')) {
    const [from, to = from] = part.split('-').map((n) => Number(n.trim()));
    if (!Number.isSafeInteger(from) || !Number.isSafeInteger(to) || to! < from!) throw new Error(`Not a seed, a list or a range: "${value}"`);
    for (let seed = from!; seed <= to!; seed++) seeds.push(seed);
  }
  return seeds;
}
