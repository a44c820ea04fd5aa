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
export function createSlots(limit: number) {
  let free = limit;
  const waiting: Array<() => void> = [];
  function acquire(signal?: AbortSignal): Promise<(() => void) | null> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve(null);
      const take = () => {
        signal?.removeEventListener('abort', stop);
        free--;
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          free++;
          waiting.shift()?.();
        });
      };
      // A stopped batch sends nothing more: whoever still waits gets no turn.
      const stop = () => {
        const at = waiting.indexOf(take);
        if (at !== -1) waiting.splice(at, 1);
        resolve(null);
      };
      signal?.addEventListener('abort', stop, { once: true });
      if (free > 0) take();
      else waiting.push(take);
    });
  }
  return { acquire };
}
