import { createContext } from 'react';
import type { HTMLAttributes, MouseEvent, ReactNode, Ref } from 'react';
import { useStore } from 'zustand';
import { useInboxContext } from '../../hooks/context.js';
import { useHeldResolves } from '../../hooks/useHeldResolves.js';
import { cx } from '../shared/cx.js';
import { displayName } from '../shared/format.js';
import { isolatedSentence } from '../shared/isolated.js';

/**
 * True below a component that shows the Undo line for the whole inbox (`Inbox`), so a
 * `ConversationView` inside it does not show a second one. A view used alone shows its own.
 */
export const UndoStatusShownContext = /* @__PURE__ */ createContext(false);

export interface UndoStatusProps extends HTMLAttributes<HTMLDivElement> {
  ref?: Ref<HTMLDivElement> | undefined;
}

/**
 * The Undo line: while resolves wait in their undo window (`undoMs`), says which
 * was resolved last ("Resolved: Maria Lopez and 2 more.") with Undo (that one) and,
 * with more than one, Undo all. It reads the whole inbox, not one conversation, so
 * it stays after the resolved conversation left the list or the agent moved on.
 * The `status` region is always there (empty when nothing waits), so screen
 * readers announce the line when it appears.
 */
export function UndoStatus({ className, ref, ...rest }: UndoStatusProps) {
  const { store, messages } = useInboxContext('UndoStatus');
  const { latestId, count, undoLatest, undoAll } = useHeldResolves();
  const conversation = useStore(store.state, (s) => (latestId ? s.conversations[latestId] : undefined));

  // When the line goes away under the focused button, focus moves to the inbox (its shortcuts keep working) or the timeline.
  const undoKeepingFocus = (event: MouseEvent<HTMLButtonElement>, undo: () => void) => {
    const region = event.currentTarget.closest<HTMLElement>('[data-slot="undo-status"]');
    const hadFocus = !!region && region.contains(document.activeElement);
    undo();
    if (!hadFocus || !region || Object.keys(store.state.getState().held).length > 0) return;
    const target = region.closest<HTMLElement>('[data-slot="inbox"]') ?? region.closest('[data-slot="view"]')?.querySelector<HTMLElement>('[data-slot="timeline"]');
    target?.focus();
  };

  let line: ReactNode = null;
  if (latestId) {
    const name = conversation ? displayName(conversation, messages) : '';
    line = (
      <div className="ik-undo" data-slot="undo-line" data-count={count}>
        {/* Its direction from the catalog's own words (the name is a <bdi>, which dir=auto skips). */}
        <span className="ik-undo-text" dir="auto">
          {isolatedSentence((n) => messages.resolvedUndoable(n, count - 1), [name], 'ik-undo-name')}
        </span>
        <span className="ik-undo-actions">
          <button type="button" className="ik-button" data-size="sm" data-slot="undo" onClick={(event) => undoKeepingFocus(event, undoLatest)}>
            {messages.undo}
          </button>
          {count > 1 && (
            <button type="button" className="ik-button" data-size="sm" data-variant="ghost" data-slot="undo-all" onClick={(event) => undoKeepingFocus(event, undoAll)}>
              {messages.undoAll}
            </button>
          )}
        </span>
      </div>
    );
  }

  return (
    <div
      ref={ref}
      className={cx('ik-undo-region', className)}
      data-slot="undo-status"
      role="status"
      {...rest}
    >
      {line}
    </div>
  );
}
