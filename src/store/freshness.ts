import type { AdapterEvent } from '../core/types.js';
import type { StoreCore } from './core.js';
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
  // Loads what this browser keeps (drafts, opened marks, notes); returns how to stop following other tabs.
  startDrafts: () => (() => void) | void,
  holds: Holds,
  // Other reads kept fresh on the same beats (counts).
  others: ReadonlyArray<{ refresh(): Promise<void> }> = [],
) {
  const { adapter } = core;
  let mounts = 0;
  let teardown: (() => void) | null = null;
  let restartPolling: (() => void) | null = null;

  async function refresh({ revalidate = false } = {}): Promise<void> {
    const listReads = lists.observed().map((query) => lists.fetchList(query, { background: true, revalidate }));
    const detailReads = details.observed().map((id) => details.fetchConversation(id, { background: true }));
    await Promise.all([...listReads, ...detailReads, ...others.map((other) => other.refresh())]);
  }

  function applyPushed(event: AdapterEvent) {
    if (core.isDestroyed() || !event || typeof event !== 'object') return;
    if (event.type === 'note.created') {
      details.applyPushedNote(event.note);
      return;
    }
    // A push is news as of now: it takes the request order of a request sent now.
    const shown = entities.write(event.conversation, core.nextSeq(), 'push', event.type === 'conversation.created');
    if (shown && event.type === 'conversation.created') core.emit({ type: 'conversation.created', conversation: shown });
  }

  function start(): () => void {
    const stopLocal = startDrafts();
    // The inbox unmounting sends what waits in an undo window: nothing the agent did is lost.
    const cleanups: Array<() => void> = [() => holds.flushAll()];
    if (stopLocal) cleanups.push(stopLocal);
    if (adapter.subscribe) cleanups.push(adapter.subscribe(applyPushed));

    const doc = (globalThis as { document?: Document | undefined }).document;
    const win = (globalThis as { window?: Window | undefined }).window;
    const visible = () => !doc || doc.visibilityState !== 'hidden';
    let timer: ReturnType<typeof setInterval> | undefined;
    restartPolling = () => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      const interval = core.settings.pollIntervalMs ?? 0;
      if (interval > 0) timer = setInterval(() => visible() && void refresh({ revalidate: true }), interval);
    };
    restartPolling();
    cleanups.push(() => {
      if (timer !== undefined) clearInterval(timer);
      timer = undefined;
      restartPolling = null;
    });
    if (win?.addEventListener) {
      const onFocus = () => void refresh({ revalidate: true });
      const onHide = () => holds.flushAll();
      win.addEventListener('focus', onFocus);
      win.addEventListener('online', onFocus);
      win.addEventListener('pagehide', onHide);
      cleanups.push(() => {
        win.removeEventListener('focus', onFocus);
        win.removeEventListener('online', onFocus);
        win.removeEventListener('pagehide', onHide);
      });
    }
    if (doc?.addEventListener) {
      // Hidden may be the last moment this page runs (a closed tab): held mutations go now.
      const onVisible = () => (visible() ? void refresh({ revalidate: true }) : holds.flushAll());
      doc.addEventListener('visibilitychange', onVisible);
      cleanups.push(() => doc.removeEventListener('visibilitychange', onVisible));
    }
    return () => {
      for (const cleanup of cleanups.splice(0)) cleanup();
    };
  }

  function mount(): () => void {
    if (core.isDestroyed()) return () => {};
    mounts++;
    if (mounts === 1) teardown = start();
    let done = false;
    return () => {
      if (done) return;
      done = true;
      mounts--;
      if (mounts === 0) {
        teardown?.();
        teardown = null;
      }
    };
  }

  function destroy() {
    teardown?.();
    teardown = null;
    mounts = 0;
  }

  return { refresh, mount, destroy, restartPolling: () => restartPolling?.() };
}
