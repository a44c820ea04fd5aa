import { useCallback, useSyncExternalStore } from 'react';

// One shared clock for every relative time on the page: rows re-render once
// per tick for their time label, not on every store change.
const TICK_MS = 30_000;
const listeners = new Set<() => void>();
/** What the clock hooks read: the time, and whether React is hydrating server HTML with it. */
interface Clock {
  now: number;
  hydrating: boolean;
}
// Replaced, never mutated: React compares snapshots by identity.
let clock: Clock = { now: 0, hydrating: false };
let hydration: Clock = { now: 0, hydrating: true };
let readThisTask = false;
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: () => void) {
  listeners.add(listener);
  // The clock keeps the value the first render read, so mounting does not re-render every row.
  timer ??= setInterval(() => {
    clock = { now: Date.now(), hydrating: false };
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
    const now = Date.now();
    // A new object only for a new time: equal reads stay equal snapshots, as numbers would.
    if (now !== clock.now) clock = { now, hydrating: false };
    readThisTask = true;
    queueMicrotask(() => {
      readThisTask = false;
    });
  }
  return clock;
}

// On a server, the clock. In a browser React reads this only while hydrating
// server HTML: the same time, flagged, in another object, so that once hydrated
// every clock reader renders once more, with the browser's clock and time zone
// (the server's "Yesterday" may be "Today" here).
function getServerSnapshot(): Clock {
  const current = getSnapshot();
  if (typeof document === 'undefined') return current;
  if (hydration.now !== current.now) hydration = { now: current.now, hydrating: true };
  return hydration;
}

/**
 * The current time, refreshed every 30 s, and whether React is hydrating server
 * HTML. While hydrating, render no time text (and no title): the element keeps
 * the server's text (give it `suppressHydrationWarning`) and gets the browser's
 * right after, as the clock reader renders again.
 */
export function useClockState(): Clock {
  return useSyncExternalStore(subscribe, getSnapshot, getServerSnapshot);
}

/**
 * Something derived from the shared clock, e.g. a row's `data-window` state:
 * the component re-renders only when `select` returns a different value, not
 * on every tick. `select` must be pure and return a primitive (compared with `Object.is`);
 * pass a stable one (`useCallback`), or it is called again after every commit.
 */
export function useClock<T extends string | number | boolean | null>(select: (now: number) => T): T {
  // Stable while `select` is: React then reads the snapshot once per render, not again after every commit.
  const read = useCallback(() => select(getSnapshot().now), [select]);
  const readServer = useCallback(() => select(getServerSnapshot().now), [select]);
  return useSyncExternalStore(subscribe, read, readServer);
}

/** The current time, refreshed every 30 s. On the server it is the render time. */
export function useNow(): number {
  return useClockState().now;
}
