/**
 * A list kept sorted by (time descending, id ascending) — the order every
 * conversation list is served in. Changes are binary-search inserts and
 * removals, so a list request never sorts.
 */

/** What the index orders by. Entries are immutable: replace, never edit. */
export interface SortKey {
  /** Milliseconds since the epoch; newest first. */
  readonly t: number;
  /** Tie-breaker, ascending. */
  readonly id: string;
}

/** Negative when `a` comes first. */
export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.t !== b.t) return b.t - a.t;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

export class SortedIndex<T extends SortKey> {
  private readonly items: T[];

  /** Builds from entries in any order (one sort, at construction only). */
  constructor(entries: Iterable<T> = [], alreadySorted = false) {
    this.items = [...entries];
    if (!alreadySorted) this.items.sort(compareKeys);
  }

  get size(): number {
    return this.items.length;
  }

  /** The entry at a position, or undefined past the end. */
  at(position: number): T | undefined {
    return this.items[position];
  }

  /** Entries from `start` up to (not including) `end`. */
  slice(start: number, end: number): T[] {
    return this.items.slice(start, end);
  }

  [Symbol.iterator](): Iterator<T> {
    return this.items[Symbol.iterator]();
  }

  /** First position whose entry does not come before `key`. */
  private lowerBound(key: SortKey): number {
    let lo = 0;
    let hi = this.items.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (compareKeys(this.items[mid] as T, key) < 0) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** Where the entry with exactly this key sits, or -1. */
  indexOf(key: SortKey): number {
    const position = this.lowerBound(key);
    const found = this.items[position];
    return found !== undefined && found.t === key.t && found.id === key.id ? position : -1;
  }

  insert(entry: T): void {
    this.items.splice(this.lowerBound(entry), 0, entry);
  }

  /** Removes the entry with this key; false when there was none. */
  remove(key: SortKey): boolean {
    const position = this.indexOf(key);
    if (position < 0) return false;
    this.items.splice(position, 1);
    return true;
  }

  /**
   * Swaps `previous` for `next`. When the sort key is unchanged the entry is
   * replaced in its slot; otherwise it moves.
   */
  replace(previous: SortKey, next: T): void {
    if (previous.t === next.t && previous.id === next.id) {
      const position = this.indexOf(previous);
      if (position >= 0) {
        this.items[position] = next;
        return;
      }
    }
    this.remove(previous);
    this.insert(next);
  }
}
