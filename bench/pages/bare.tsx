// The barest reference: the least a host could write with @tanstack/react-virtual.
// Fixed rows of InboxKit's default height (76 px, so both show the same rows),
// getItemKey and every callback inline, no memo anywhere: every render builds
// the virtualizer's measurements again and re-renders every visible row. The
// rows show the same content, with the same stylesheet, as InboxKit's.
import '../../src/styles/index.css';
import { useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import { applyIncoming, makeConversations, targetIndex, updateTime, UPDATE_TEXT } from './data.js';
import type { BenchParams } from './data.js';
import { install } from './harness.js';
import { createHostList } from './hostList.js';
import { hostRowContent } from './hostRow.js';

const ROW = 76;
const { handle, useHostList } = createHostList();
let params: BenchParams;
const now = Date.now();

function List() {
  const list = useHostList();
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- a host's list, as the library's docs write it
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
          {virtualizer.getVirtualItems().map((item) => {
            const c = list[item.index]!;
            return (
              <div
                key={item.key}
                role="option"
                aria-selected={false}
                aria-setsize={list.length}
                aria-posinset={item.index + 1}
                className="ik-row"
                data-unread={c.unreadCount ? '' : undefined}
                style={{ blockSize: ROW, transform: `translateY(${item.start}px)` }}
              >
                {hostRowContent(c, now)}
              </div>
            );
          })}
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
