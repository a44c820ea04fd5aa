// InboxKit's ConversationList with host-managed data (`conversations` prop).
import '../../src/styles/index.css';
import { ConversationList } from '../../src/components/ConversationList/ConversationList.js';
import { InboxProvider } from '../../src/hooks/InboxProvider.js';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createMemoryStorage } from '../../src/store/drafts.js';
import { applyIncoming, makeConversations, targetIndex, updateTime, UPDATE_TEXT } from './data.js';
import type { BenchParams } from './data.js';
import { install } from './harness.js';
import { createHostList } from './hostList.js';

const { handle, useHostList } = createHostList();
let params: BenchParams;
// Host mode still sits in a provider (strings, locale); its backend is empty and idle.
const idle = createMemoryAdapter({ size: 0 });
const storage = createMemoryStorage();

function App() {
  const list = useHostList();
  return (
    <InboxProvider adapter={idle} pollIntervalMs={0} storage={storage}>
      <ConversationList conversations={list} />
    </InboxProvider>
  );
}

install({
  async prepare(p) {
    params = p;
    handle.initial = await makeConversations(p);
  },
  element: () => <App />,
  update(k) {
    handle.set(applyIncoming(handle.list, targetIndex(params.n), updateTime(params, k)));
  },
  expectedTopText: UPDATE_TEXT,
});
