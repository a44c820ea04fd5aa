/**
 * The measuring side of every contender page. The orchestrator (bench/run.mjs)
 * drives it through `window.__bench`: prepare (data, not timed), mount, update.
 *
 * - mount: from just before `root.render` (inside flushSync, so React renders
 *   and commits synchronously) until two animation frames after the last DOM
 *   change ("painted"); `mountJs` is the synchronous render + commit alone.
 * - update: one conversation gets a new inbound message and moves to the top;
 *   called once per page load, or several times (`update(k)`, k from 0) for the
 *   figures of updates after the first, whose code is no longer running cold.
 *   `updateJs` is the synchronous time of the update call inside flushSync
 *   (the host's array work or the backend push, the store, React's render and
 *   commit); `updatePainted` runs until two frames after the last DOM change.
 */
import type { ReactNode } from 'react';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { BenchParams } from './data.js';
import { readParams } from './data.js';

export interface Contender {
  /** Makes the data (and whatever a host holds before it shows the list). Not timed. */
  prepare(params: BenchParams): Promise<void>;
  /** The list as a host renders it. */
  element(): ReactNode;
  /** Applies the page's update number `k` (from 0); called inside flushSync. Each moves the conversation then in the middle to the top. */
  update(k: number): void;
  /** Text expected in the first row after the update (a sanity check). */
  expectedTopText?: string;
}

declare global {
  interface Window {
    __bench: unknown;
    gc?: () => void;
  }
  interface Performance {
    memory?: { usedJSHeapSize: number };
  }
}

const frame = () => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now())));
const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Counts DOM changes under a node (MutationObserver callbacks are microtasks). */
function watch(node: Node) {
  const counts = { records: 0, added: 0, removed: 0, attributes: 0, text: 0 };
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      counts.records++;
      if (r.type === 'childList') {
        counts.added += r.addedNodes.length;
        counts.removed += r.removedNodes.length;
      } else if (r.type === 'attributes') counts.attributes++;
      else counts.text++;
    }
  });
  observer.observe(node, { subtree: true, childList: true, attributes: true, characterData: true });
  return {
    counts,
    /** Pending records are delivered by takeRecords too. */
    flush() {
      const pending = observer.takeRecords();
      for (const r of pending) {
        counts.records++;
        if (r.type === 'childList') {
          counts.added += r.addedNodes.length;
          counts.removed += r.removedNodes.length;
        } else if (r.type === 'attributes') counts.attributes++;
        else counts.text++;
      }
    },
    stop: () => observer.disconnect(),
  };
}

/**
 * Resolves at the end of the first double animation frame that saw no DOM
 * change, i.e. two frames after the last change, and returns that time.
 */
async function settle(watcher: ReturnType<typeof watch>, limitMs = 120_000): Promise<number> {
  const started = performance.now();
  for (;;) {
    await Promise.resolve();
    watcher.flush();
    const before = watcher.counts.records;
    await frame();
    const t = await frame();
    watcher.flush();
    if (watcher.counts.records === before || t - started > limitMs) return t;
  }
}

function heap(): number | null {
  window.gc?.();
  return performance.memory?.usedJSHeapSize ?? null;
}

export function install(contender: Contender): void {
  const params = readParams();
  const container = document.getElementById('root')!;
  let root: ReturnType<typeof createRoot> | null = null;

  window.__bench = {
    params,
    async prepare() {
      const t0 = performance.now();
      await contender.prepare(params);
      const prepareMs = performance.now() - t0;
      // A page's first Intl formatter loads the browser's locale data (10–90 ms here). The bare page made its
      // formatters when its module loaded; without this line the mount figures would mostly say which page made
      // its first formatter inside the timed part. Every page now has that data before anything is timed.
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium' }).format(0);
      // The page's own loading (fonts, the collector after the data was made, compiling what it parsed) is
      // over before the mount starts, on every page, as the update waits for the mount's leftovers: a page
      // whose data took longer to make otherwise had more of it done by then than one whose data was quick.
      await new Promise((resolve) => setTimeout(resolve, 250));
      await frame();
      await tick();
      return { prepareMs, heapBeforeMount: heap() };
    },
    async mount() {
      const watcher = watch(container);
      root = createRoot(container);
      const t0 = performance.now();
      flushSync(() => root!.render(contender.element()));
      const t1 = performance.now();
      const painted = await settle(watcher);
      watcher.stop();
      const rows = container.querySelectorAll('[role="option"], .cs-conversation, [data-bench-row]').length;
      return {
        mountJs: t1 - t0,
        mountPainted: painted - t0,
        dom: document.querySelectorAll('*').length,
        rows,
        heapAfterMount: heap(),
      };
    },
    async update(k = 0) {
      // Let anything the mount (or the previous update) scheduled (timers, idle work) finish first.
      await new Promise((resolve) => setTimeout(resolve, 250));
      await frame();
      const watcher = watch(container);
      const t0 = performance.now();
      flushSync(() => contender.update(k));
      const t1 = performance.now();
      watcher.flush();
      const sync = { ...watcher.counts };
      const painted = await settle(watcher);
      watcher.stop();
      const first = container.querySelector('[role="option"], .cs-conversation, [data-bench-row]');
      const topOk = contender.expectedTopText ? !!first?.textContent?.includes(contender.expectedTopText) : null;
      return {
        updateJs: t1 - t0,
        updatePainted: painted - t0,
        // DOM changes made by the update's commit (nodes added/removed, attributes and text changed).
        mutations: sync,
        mutationsTotal: { ...watcher.counts },
        domAfterUpdate: document.querySelectorAll('*').length,
        topOk,
      };
    },
  };
}
