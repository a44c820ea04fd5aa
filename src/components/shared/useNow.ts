import { useSyncExternalStore } from 'react';

// One shared clock for every relative time on the page: rows re-render once
// per tick for their time label, not on every store change.
const TICK_MS = 30_000;
const listeners = new Set<() => void>();
let now = 0;
let readThisTask = false;
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  // The clock keeps the value the first render read, so mounting does not re-render every row.
  timer ??= setInterval(() => {
    now = Date.now();
    for (const l of listeners) l();
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

// React reads the snapshot twice in a row and warns ("should be cached") when
// the reads differ, so it must not be Date.now() at read time. While nothing
// is subscribed (first render, the server) the clock is read once per task,
// fresh for a new mount and the same for every read of that render.
function getSnapshot() {
  if (timer === undefined && !readThisTask) {
    now = Date.now();
    readThisTask = true;
    queueMicrotask(() => {
      readThisTask = false;
    });
  }
  return now;
}

/**
 * Something derived from the shared clock, e.g. a row's `data-window` state:
 * the component re-renders only when `select` returns a different value, not
 * on every tick. `select` must be pure and return a primitive (compared with `Object.is`).
 */
export function useClock<T extends string | number | boolean | null>(select: (now: number) => T): T {
  const read = () => select(getSnapshot());
  return useSyncExternalStore(subscribe, read, read);
}

/** The current time, refreshed every 30 s. On the server it is the render time. */
export function useNow(): number {
  return useSyncExternalStore(subscribe, getSnapshot, getSnapshot);
}
