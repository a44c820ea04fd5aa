import { putEntry } from './core.js';
import type { StoreCore } from './core.js';
import type { HeldMutation } from './types.js';

/**
 * Mutations shown at once but not yet sent: a resolve inside its undo window.
 * A held mutation is sent when its window ends, or at once when the inbox
 * unmounts, the page is hidden, or another mutation of that conversation
 * starts; `undo` cancels it before any request goes out.
 */
export function createHolds(core: StoreCore) {
  // The window of each conversation holding one: `end(true)` sends it, `end(false)` takes it back.
  const windows = new Map<string, (send: boolean) => void>();
  let order = 0;

  /** Holds a mutation of `id` for `ms`. Resolves `true` when it is to be sent, `false` when undone. */
  function hold(id: string, kind: HeldMutation['kind'], ms: number): Promise<boolean> {
    // An earlier hold of the same conversation goes now: only one waits per conversation.
    flush(id);
    return new Promise<boolean>((resolve) => {
      const end = (send: boolean) => {
        if (windows.get(id) !== end) return;
        windows.delete(id);
        clearTimeout(timer);
        putEntry(core, 'held', id, () => undefined);
        resolve(send);
      };
      const timer = setTimeout(() => end(true), ms);
      windows.set(id, end);
      putEntry(core, 'held', id, () => ({ kind, until: core.now() + ms, order: ++order }));
    });
  }

  /** Sends the held mutation of `id` now, if there is one. */
  function flush(id: string): void {
    windows.get(id)?.(true);
  }

  /** Sends every held mutation now (unmount, page hidden, destroy). */
  function flushAll(): void {
    for (const end of [...windows.values()]) end(true);
  }

  /** Cancels the held mutation of `id` before it is sent. Returns whether there was one. */
  function undo(id: string): boolean {
    const end = windows.get(id);
    end?.(false);
    return end !== undefined;
  }

  return { hold, flush, flushAll, undo, isHeld: (id: string) => windows.has(id) };
}

export type Holds = ReturnType<typeof createHolds>;

/** At most `limit` at once: `acquire` resolves to a release function, or `null` once `signal` has stopped the batch. */
export function createSlots(limit: number, signal?: AbortSignal) {
  let free = limit;
  const waiting: Array<(turn: boolean) => void> = [];
  // A stopped batch sends nothing more: whoever still waits gets no turn. One listener for them all:
  // one each made Node warn of a leak past ten.
  signal?.addEventListener('abort', () => waiting.splice(0).forEach((wake) => wake(false)), { once: true });
  function acquire(): Promise<(() => void) | null> {
    return new Promise((resolve) => {
      const take = (turn: boolean) => {
        if (!turn) return resolve(null);
        free--;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          free++;
          waiting.shift()?.(true);
        });
      };
      if (signal?.aborted) take(false);
      else if (free > 0) take(true);
      else waiting.push(take);
    });
  }
  return { acquire };
}
