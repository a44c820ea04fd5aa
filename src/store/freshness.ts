import type { AdapterEvent } from '../core/types.js';
import { retain } from './core.js';
import type { Holders, StoreCore } from './core.js';
import type { Counts } from './counts.js';
import type { Details } from './details.js';
import type { Entities } from './entities.js';
import type { Holds } from './holds.js';
import type { Lists } from './lists.js';

/**
 * Keeps what is shown fresh: polling while the page is visible, refetch on
 * focus and when back online, and changes the backend pushes. Every answer
 * goes through the entities' write path like any other read, so a poll can
 * bring newer truth but never undo a newer write.
 */
export function createFreshness(
  core: StoreCore,
  entities: Entities,
  lists: Lists,
  details: Details,
  counts: Counts,
  holds: Holds,
  // Loads what this browser keeps (drafts, opened marks, notes); returns how to stop following other tabs.
  startLocal: () => () => void,
) {
  const { adapter } = core;
  const mounts: Holders<null> = new Map();
  let teardown: (() => void) | undefined;
  let restartPolling: (() => void) | undefined;

  /** Reloads everything shown, silently: with `revalidate` only the first pages of each list (polls, focus). */
  async function refresh(revalidate = false): Promise<void> {
    await Promise.all([
      ...lists.observed().map((query) => lists.fetchList(query, { background: true, revalidate })),
      ...details.observed().map((id) => details.fetchConversation(id, { background: true })),
      counts.refresh(),
    ]);
  }

  function applyPushed(event: AdapterEvent) {
    if (core.isDestroyed() || !event || typeof event !== 'object') return;
    if (event.type === 'note.created') return details.applyPushedNote(event.note);
    // A push is news as of now: it takes the request order of a request sent now.
    const created = event.type === 'conversation.created';
    const shown = entities.write(event.conversation, core.nextSeq(), 'push', created);
    if (shown && created) core.emit({ type: 'conversation.created', conversation: shown });
  }

  function start(): () => void {
    const stopLocal = startLocal();
    const unsubscribe = adapter.subscribe?.(applyPushed);
    const doc = (globalThis as { document?: Document | undefined }).document;
    const win = (globalThis as { window?: Window | undefined }).window;
    const visible = () => doc?.visibilityState !== 'hidden';
    const revalidate = () => void refresh(true);
    let timer: ReturnType<typeof setInterval> | undefined;
    restartPolling = () => {
      clearInterval(timer);
      const interval = core.settings.pollIntervalMs ?? 0;
      timer = interval > 0 ? setInterval(() => visible() && revalidate(), interval) : undefined;
    };
    restartPolling();
    const listeners: Array<[EventTarget | undefined, string, () => void]> = [
      [win, 'focus', revalidate],
      [win, 'online', revalidate],
      [win, 'pagehide', holds.flushAll],
      // Hidden may be the last moment this page runs (a closed tab): held mutations go now.
      [doc, 'visibilitychange', () => (visible() ? revalidate() : holds.flushAll())],
    ];
    for (const [target, type, listener] of listeners) target?.addEventListener?.(type, listener);
    return () => {
      // The inbox unmounting sends what waits in an undo window: nothing the agent did is lost.
      holds.flushAll();
      stopLocal();
      unsubscribe?.();
      clearInterval(timer);
      restartPolling = undefined;
      for (const [target, type, listener] of listeners) target?.removeEventListener?.(type, listener);
    };
  }

  /** Counted, so StrictMode's mount, unmount, mount starts once and stops once. */
  function mount(): () => void {
    if (core.isDestroyed()) return () => {};
    const release = retain(mounts, '', null, (last) => {
      if (!last) return;
      teardown?.();
      teardown = undefined;
    });
    teardown ??= start();
    return release;
  }

  function destroy() {
    teardown?.();
    teardown = undefined;
    mounts.clear();
  }

  return { refresh, mount, destroy, restartPolling: () => restartPolling?.() };
}
