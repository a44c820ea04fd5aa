// The memoized reference: a @tanstack/react-virtual list built like InboxKit's
// own (memoized rows, keyed by id), rows hand-written with the same content and
// the same stylesheet as InboxKit's rows. See bare.tsx for the barest list.
import '../../src/styles/index.css';
import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Conversation } from '../../src/core/types.js';
import { applyIncoming, makeConversations, targetIndex, updateTime, UPDATE_TEXT } from './data.js';
import type { BenchParams } from './data.js';
import { install } from './harness.js';
import { createHostList } from './hostList.js';
import { hostRowContent } from './hostRow.js';

const ROW = 76;
const { handle, useHostList } = createHostList();
let params: BenchParams;
const now = Date.now();

const Row = memo(function Row({ c, index, size, start }: { c: Conversation; index: number; size: number; start: number }) {
  return (
    <div
      role="option"
      aria-selected={false}
      aria-setsize={size}
      aria-posinset={index + 1}
      className="ik-row"
      data-unread={c.unreadCount ? '' : undefined}
      style={{ blockSize: ROW, transform: `translateY(${start}px)` }}
    >
      {hostRowContent(c, now)}
    </div>
  );
});

function List() {
  const list = useHostList();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- as in InboxKit's own list
  const virtualizer = useVirtualizer({
    count: list.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW,
    overscan: 6,
    getItemKey: (index) => list[index]!.id,
  });
  return (
    <div className="ik-theme ik-list">
      <div ref={scrollRef} className="ik-list-scroll" role="listbox" aria-label="Conversations" tabIndex={0}>
        <div role="presentation" className="ik-list-sizer" style={{ blockSize: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => (
            <Row key={item.key} c={list[item.index]!} index={item.index} size={list.length} start={item.start} />
          ))}
        </div>
      </div>
    </div>
  );
}

install({
  async prepare(p) {
    params = p;
    handle.initial = await makeConversations(p);
  },
  element: () => <List />,
  update(k) {
    handle.set(applyIncoming(handle.list, targetIndex(params.n), updateTime(params, k)));
  },
  expectedTopText: UPDATE_TEXT,
});
