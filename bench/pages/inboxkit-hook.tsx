// InboxKit's ConversationList in hook mode: a store over the memory backend,
// preloaded with all N conversations before the mount is timed (a host that
// has N conversations loaded). The update is a message pushed by the backend.
import '../../src/styles/index.css';
import { ConversationList } from '../../src/components/ConversationList/ConversationList.js';
import { InboxProvider } from '../../src/hooks/InboxProvider.js';
import { createInboxStore } from '../../src/store/createInboxStore.js';
import type { InboxStore } from '../../src/store/createInboxStore.js';
import { createMemoryStorage } from '../../src/store/drafts.js';
import { listKey } from '../../src/store/queries.js';
import type { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { ConversationQuery } from '../../src/core/types.js';
import { makeAdapter, makeConversations, targetIndex, updateTime, UPDATE_TEXT } from './data.js';
import type { BenchParams, Clock } from './data.js';
import { install } from './harness.js';

// The largest page the backends allow (the default is 20): 100,000 rows are 1,000 pages.
const QUERY: ConversationQuery = { limit: 100 };
let store: InboxStore;
let adapter: MemoryAdapter;
let params: BenchParams;
let clock: Clock;
export const timings = { pushedAt: 0, startedAt: 0, storedAt: 0, pages: 0 };

install({
  async prepare(p) {
    params = p;
    clock = { now: p.anchor };
    // The backend serves the same conversations as the other pages (avatar URLs dropped).
    adapter = makeAdapter(p, clock, await makeConversations(p));
    store = createInboxStore({ adapter, pollIntervalMs: 0, storage: createMemoryStorage() });
    await store.fetchList(QUERY);
    const key = listKey(QUERY);
    timings.pages = 1;
    // The real path: page the list in as a host (or the list's own scrolling) would.
    while (store.state.getState().lists[key]!.hasNext) {
      await store.loadMore(QUERY);
      timings.pages++;
    }
    const ids = store.state.getState().lists[key]!.ids;
    if (ids.length !== p.n) throw new Error(`preloaded ${ids.length} of ${p.n}`);
    // Subscribed before the store mounts, so it runs first: the moment the backend emits.
    adapter.subscribe(() => {
      timings.pushedAt = performance.now();
    });
    // Subscribed before React's, so it runs first: the moment the store has applied the change.
    store.state.subscribe(() => {
      if (!timings.storedAt) timings.storedAt = performance.now();
    });
    (window as unknown as { __benchSplit: () => unknown }).__benchSplit = () => ({
      backendMs: timings.pushedAt - timings.startedAt,
      storeMs: timings.storedAt - timings.pushedAt,
      preloadPages: timings.pages,
    });
  },
  element: () => (
    <InboxProvider store={store}>
      <ConversationList query={QUERY} />
    </InboxProvider>
  ),
  update(k) {
    // The conversation in the middle now, as the host-managed pages pick theirs (not timed: a host knows its id).
    const targetId = store.state.getState().lists[listKey(QUERY)]!.ids[targetIndex(params.n)]!;
    clock.now = updateTime(params, k);
    timings.storedAt = 0;
    timings.startedAt = performance.now();
    adapter.simulate.incomingMessage(targetId, UPDATE_TEXT);
  },
  expectedTopText: UPDATE_TEXT,
});
