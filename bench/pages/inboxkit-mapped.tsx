// The host-managed harness: the host keeps its own records in React
// state (its own shape, not InboxKit's), maps them to `Conversation` objects
// cached per record (an unchanged record keeps its Conversation's identity),
// and passes them as `conversations`. The update moves one record from the
// middle to the top, as a host does when a message arrives.
import '../../src/styles/index.css';
import { useEffect, useMemo, useState } from 'react';
import { ConversationList } from '../../src/components/ConversationList/ConversationList.js';
import { InboxProvider } from '../../src/hooks/InboxProvider.js';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { createMemoryStorage } from '../../src/store/drafts.js';
import type { Conversation } from '../../src/core/types.js';
import { makeConversations, targetIndex, updateTime, UPDATE_TEXT } from './data.js';
import type { BenchParams } from './data.js';
import { install } from './harness.js';

/** A host's own row, as its API or its own state shapes it. */
interface HostRecord {
  ticket: string;
  customer: { id: string; name: string; phone?: string | undefined; email?: string | undefined };
  via: Conversation['channel'];
  state: Conversation['status'];
  owner: Conversation['assignee'];
  last: Conversation['lastMessage'];
  unread: number | null;
  ai: boolean;
  opened: string;
  touched: string;
}

const fromConversation = (c: Conversation): HostRecord => ({
  ticket: c.id,
  customer: { id: c.contactId, name: c.contact?.name ?? '', phone: c.contact?.phone, email: c.contact?.email },
  via: c.channel,
  state: c.status,
  owner: c.assignee,
  last: c.lastMessage,
  unread: c.unreadCount,
  ai: c.aiHandling,
  opened: c.createdAt,
  touched: c.updatedAt,
});

const toConversation = (r: HostRecord): Conversation => ({
  id: r.ticket,
  contactId: r.customer.id,
  contact: { id: r.customer.id, name: r.customer.name, ...(r.customer.phone && { phone: r.customer.phone }), ...(r.customer.email && { email: r.customer.email }) },
  channel: r.via,
  status: r.state,
  assignee: r.owner,
  lastMessage: r.last,
  messages: null,
  unreadCount: r.unread,
  aiHandling: r.ai,
  labels: [],
  metadata: {},
  createdAt: r.opened,
  updatedAt: r.touched,
  closedAt: null,
  closedBy: null,
});

// Cached per record: a record the host did not replace maps to the same Conversation object.
const cache = new WeakMap<HostRecord, Conversation>();
function mapped(r: HostRecord): Conversation {
  let c = cache.get(r);
  if (!c) cache.set(r, (c = toConversation(r)));
  return c;
}

let params: BenchParams;
let initial: HostRecord[] = [];
const handle: { records: HostRecord[]; set: (records: HostRecord[]) => void } = { records: [], set: () => {} };
const idle = createMemoryAdapter({ size: 0 });
const storage = createMemoryStorage();

// The host's own share of an update (moving its record, mapping its array), reported apart from the total.
const timings = { moveMs: 0, mapMs: 0 };
(window as unknown as { __benchSplit: () => unknown }).__benchSplit = () => ({ hostMs: timings.moveMs + timings.mapMs });

function mapAll(records: readonly HostRecord[]): Conversation[] {
  const t0 = performance.now();
  const out = records.map(mapped);
  timings.mapMs = performance.now() - t0;
  return out;
}

function App() {
  const [records, setRecords] = useState(initial);
  useEffect(() => {
    handle.records = records;
    handle.set = setRecords;
  }, [records]);
  const conversations = useMemo(() => mapAll(records), [records]);
  return (
    <InboxProvider adapter={idle} pollIntervalMs={0} storage={storage}>
      <ConversationList conversations={conversations} />
    </InboxProvider>
  );
}

/** A message arrives for the record in the middle: a new record at the top, the old one gone. */
function moveToTop(records: readonly HostRecord[], index: number, at: number): HostRecord[] {
  const previous = records[index]!;
  const iso = new Date(at).toISOString();
  const updated: HostRecord = {
    ...previous,
    last: { text: UPDATE_TEXT, timestamp: iso, direction: 'inbound' },
    unread: previous.unread === null ? null : previous.unread + 1,
    touched: iso,
    ...(previous.state === 'resolved' && { state: 'open', ai: false }),
  };
  const next = records.slice();
  next.splice(index, 1);
  next.unshift(updated);
  return next;
}

install({
  async prepare(p) {
    params = p;
    initial = (await makeConversations(p)).map(fromConversation);
    // The host mapped its records as they arrived, before it showed the list: the mount finds them cached.
    for (const r of initial) mapped(r);
  },
  element: () => <App />,
  update(k) {
    const t0 = performance.now();
    const next = moveToTop(handle.records, targetIndex(params.n), updateTime(params, k));
    timings.moveMs = performance.now() - t0;
    handle.set(next);
  },
  expectedTopText: UPDATE_TEXT,
});
