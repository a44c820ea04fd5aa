import type { StoreCore } from './core.js';
import { withEntry, withoutEntry } from './records.js';
import type { HeldMutation } from './types.js';

/**
 * Mutations shown at once but not yet sent: a resolve inside its undo window.
 * A held mutation is sent when its window ends, or at once when the inbox
 * unmounts, the page is hidden, or another mutation of that conversation
 * starts; `undo` cancels it before any request goes out.
 */
export function createHolds(core: StoreCore) {
  const windows = new Map<string, { go(): void; cancel(): void }>();
  let order = 0;

  /** Holds a mutation of `id` for `ms`. Resolves `true` when it is to be sent, `false` when undone. */
  function hold(id: string, kind: HeldMutation['kind'], ms: number): Promise<boolean> {
    // An earlier hold of the same conversation goes now: only one waits per conversation.
    windows.get(id)?.go();
    return new Promise<boolean>((resolve) => {
      let open = true;
      const end = (send: boolean) => {
        if (!open) return;
        open = false;
        clearTimeout(timer);
        if (windows.get(id) === entry) {
          windows.delete(id);
          core.set((s) => ({ held: withoutEntry(s.held, id) }));
        }
        resolve(send);
      };
      const entry = { go: () => end(true), cancel: () => end(false) };
      const timer = setTimeout(entry.go, ms);
      windows.set(id, entry);
      core.set((s) => ({ held: withEntry(s.held, id, { kind, until: core.now() + ms, order: ++order }) }));
    });
  }

  /** Sends the held mutation of `id` now, if there is one. */
  function flush(id: string): void {
    windows.get(id)?.go();
  }

  /** Sends every held mutation now (unmount, page hidden, destroy). */
  function flushAll(): void {
    for (const entry of [...windows.values()]) entry.go();
  }

  /** Cancels the held mutation of `id` before it is sent. Returns whether there was one. */
  function undo(id: string): boolean {
    const entry = windows.get(id);
    entry?.cancel();
    return entry !== undefined;
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
