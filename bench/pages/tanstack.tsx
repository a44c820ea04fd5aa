// The reference: a bare @tanstack/react-virtual list, rows hand-written with
// the same content and the same stylesheet as InboxKit's rows.
import '../../src/styles/index.css';
import { memo, useRef } from 'react';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Conversation } from '../../src/core/types.js';
import { applyIncoming, makeConversations, targetIndex, updateTime, UPDATE_TEXT } from './data.js';
import type { BenchParams } from './data.js';
import { install } from './harness.js';
import { createHostList } from './hostList.js';
import * as t from './hostText.js';

const ROW = 76;
const { handle, useHostList } = createHostList();
let params: BenchParams;
const now = Date.now();

const Row = memo(function Row({ c, index, size, start }: { c: Conversation; index: number; size: number; start: number }) {
  const name = t.name(c);
  const time = t.timeOf(c);
  const unread = c.unreadCount ?? 0;
  const status = t.status(c);
  return (
    <div
      role="option"
      aria-selected={false}
      aria-setsize={size}
      aria-posinset={index + 1}
      className="ik-row"
      data-unread={unread ? '' : undefined}
      style={{ blockSize: ROW, transform: `translateY(${start}px)` }}
    >
      <span className="ik-avatar" data-colour={t.colour(c.contactId || c.id)} aria-hidden="true">
        <span className="ik-avatar-initials">{t.initialsOf(name)}</span>
      </span>
      <span className="ik-row-main">
        <span className="ik-row-top">
          <span className="ik-row-name">{name}</span>
          <time className="ik-row-time" dateTime={time} title={t.fullTime(time)}>
            {t.timeLabel(time, now)}
          </time>
        </span>
        <span className="ik-row-preview">
          {c.lastMessage?.direction === 'outbound' && <span className="ik-row-preview-you">{t.messages.sent}: </span>}
          {t.preview(c)}
        </span>
        <span className="ik-row-meta">
          <span className="ik-row-channel">{t.channel(c)}</span>
          {status && (
            <span className="ik-status-badge" data-status={c.status}>
              {status}
            </span>
          )}
          {c.assignee && <span className="ik-row-assignee">{t.messages.assignedTo(c.assignee.name ?? c.assignee.id)}</span>}
          {unread > 0 && (
            <span className="ik-unread-badge">
              <span aria-hidden="true">{unread > 99 ? '99+' : unread}</span>
              <span className="ik-visually-hidden">{t.messages.unread(unread)}</span>
            </span>
          )}
        </span>
      </span>
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
  update() {
    handle.set(applyIncoming(handle.list, targetIndex(params.n), updateTime(params)));
  },
  expectedTopText: UPDATE_TEXT,
});
