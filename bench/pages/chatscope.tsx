// The peer: @chatscope/chat-ui-kit-react's ConversationList + Conversation,
// as its docs use them (every conversation rendered; it does not virtualize).
import '@chatscope/chat-ui-kit-styles/dist/default/styles.min.css';
import { Avatar, Conversation as ChatConversation, ConversationList } from '@chatscope/chat-ui-kit-react';
import { applyIncoming, makeConversations, targetIndex, updateTime, UPDATE_TEXT } from './data.js';
import type { BenchParams } from './data.js';
import { install } from './harness.js';
import { createHostList } from './hostList.js';
import * as t from './hostText.js';

const { handle, useHostList } = createHostList();
let params: BenchParams;
const now = Date.now();
// chatscope's Avatar shows an image; one shared inline picture (no initials component there).
const PICTURE = 'data:image/svg+xml,%3Csvg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 1 1"%3E%3Crect width="1" height="1" fill="%236b7280"/%3E%3C/svg%3E';

function App() {
  const list = useHostList();
  return (
    <div style={{ blockSize: '100%' }}>
      <ConversationList>
        {list.map((c) => {
          const name = t.name(c);
          return (
            <ChatConversation
              key={c.id}
              name={name}
              lastSenderName={c.lastMessage?.direction === 'outbound' ? t.messages.sent : undefined}
              info={t.preview(c)}
              lastActivityTime={t.timeLabel(t.timeOf(c), now)}
              unreadCnt={c.unreadCount ?? 0}
            >
              <Avatar src={PICTURE} name={name} />
            </ChatConversation>
          );
        })}
      </ConversationList>
    </div>
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
