import { Suspense, useEffect, useId, useRef, useState } from 'react';
import type { KeyboardEvent } from 'react';
import type { Assignee } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import type { InboxMessages } from '../../hooks/messages.js';
import { useAssignees } from '../../hooks/useAssignees.js';
import type { BulkActionsResult } from '../../hooks/useBulkActions.js';
import type { BulkAction, BulkResult } from '../../store/bulk.js';
import { listKey } from '../../store/queries.js';
import { keyOf } from '../AssignMenu/keyOf.js';
import { LazyAssignMenuPopup, useAssignMenuCode } from '../AssignMenu/lazy.js';
import { cx } from '../shared/cx.js';
import { errorDetail, errorSentence } from '../shared/errorText.js';
import { usePortalContainer } from '../shared/PortalContainer.js';
import { useThemeClass } from '../shared/ThemeScope.js';
import type { BulkToolbarProps } from './BulkToolbar.js';

export interface BulkToolbarPanelProps extends Omit<BulkToolbarProps, 'children'> {
  /** How many are selected (the shell counts them). */
  size: number;
  /** The batch runner; the shell holds it, so it knows whether a batch runs. */
  bulk: BulkActionsResult;
}

/** Above this many conversations, a batch asks first (one request each). */
export const BULK_CONFIRM_ABOVE = 100;

type FocusTarget = 'toolbar' | 'stop' | 'status' | 'list';

/**
 * The part of `BulkToolbar` fetched apart from the first paint: the toolbar
 * over the filters, the status line (in the area's second row) and the
 * confirmation, with their focus handling.
 */
export function BulkToolbarPanel({ selection, query, size, bulk, className, onKeyDown, ref, ...rest }: BulkToolbarPanelProps) {
  const { messages, store } = useInboxContext('BulkToolbar');
  const themeClass = useThemeClass();
  const { run, stop, running, results, reset } = bulk;
  // The batch the status line speaks of (its action), and the one waiting for the agent's yes.
  const [batch, setBatch] = useState<{ action: BulkAction; count: number } | null>(null);
  const [confirm, setConfirm] = useState<{ ids: string[]; action: BulkAction; name: string | null } | null>(null);
  const statusRef = useRef<HTMLDivElement>(null);
  const toolbarRef = useRef<HTMLDivElement | null>(null);
  // Where focus goes once the part it was on has gone (the toolbar unmounts when the selection empties).
  const focusNext = useRef<FocusTarget | null>(null);

  const go = (ids: string[], action: BulkAction) => {
    setConfirm(null);
    setBatch({ action, count: ids.length });
    selection.clear();
    focusNext.current = 'stop';
    void run(ids, action);
  };
  const start = (action: BulkAction, name: string | null = null) => {
    const ids = selection.ids();
    if (ids.length === 0 || running) return;
    if (ids.length > BULK_CONFIRM_ABOVE) setConfirm({ ids, action, name });
    else go(ids, action);
  };
  const clear = () => {
    selection.clear();
    focusNext.current = 'list';
  };
  const retryFailed = (failed: readonly string[]) => {
    // Only those still in the list: a row that left meanwhile cannot be shown selected.
    const listed = new Set(store.state.getState().lists[listKey(query)]?.ids ?? []);
    selection.replace(failed.filter((id) => listed.has(id)));
    reset();
    setBatch(null);
    focusNext.current = 'toolbar';
  };

  useEffect(() => {
    if (results) focusNext.current = 'status';
  }, [results]);
  useEffect(() => {
    const target = focusNext.current;
    const anchor = statusRef.current;
    // Only in the commit right after the change that asked for it, and only if focus has nowhere to be.
    focusNext.current = null;
    if (!target || !anchor || !focusWasLost(anchor)) return;
    const inToolbar = (selector: string) => toolbarRef.current?.querySelector<HTMLElement>(selector);
    const element =
      target === 'stop'
        ? inToolbar('[data-slot="bulk-stop"]')
        : target === 'toolbar'
          ? inToolbar('button:not(:disabled)')
          : target === 'status'
            ? anchor.querySelector<HTMLElement>('button')
            : anchor.closest('[data-slot="list-pane"], [data-slot="inbox"]')?.querySelector<HTMLElement>('[role="listbox"]');
    element?.focus();
  });

  const handleKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    onKeyDown?.(event);
    // Keys in the assign menu (portalled, but its events bubble here through React) are the menu's.
    if (event.defaultPrevented || (event.target instanceof Element && event.target.closest('[data-radix-menu-content]'))) return;
    if (event.key === 'Escape' && !running) {
      clear();
      event.preventDefault();
      return;
    }
    // A toolbar moves between its controls with the arrow keys (its reading direction's way round).
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight' && event.key !== 'Home' && event.key !== 'End') return;
    const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button:not(:disabled)')];
    const at = buttons.indexOf(event.target as HTMLElement);
    if (at === -1 || buttons.length === 0) return;
    const rtl = getComputedStyle(event.currentTarget).direction === 'rtl';
    const forward = (event.key === 'ArrowRight') !== rtl;
    const next = event.key === 'Home' ? 0 : event.key === 'End' ? buttons.length - 1 : (at + (forward ? 1 : -1) + buttons.length) % buttons.length;
    buttons[next]!.focus();
    event.preventDefault();
  };

  const setToolbarRef = (node: HTMLDivElement | null) => {
    toolbarRef.current = node;
    if (typeof ref === 'function') ref(node);
    else if (ref) ref.current = node;
  };

  const summary = results && batch ? summarize(results, batch.action, messages) : null;
  const showToolbar = running || size > 0;
  return (
    <>
        {showToolbar && (
        <div
          ref={setToolbarRef}
          role="toolbar"
          aria-label={messages.selectedConversations}
          className={cx(themeClass, 'ik-bulk-toolbar', className)}
          data-slot="bulk-toolbar"
          data-state={running ? 'running' : 'idle'}
          onKeyDown={handleKeyDown}
          {...rest}
        >
          {running && batch ? (
            <>
              <span className="ik-bulk-count" data-slot="bulk-progress">
                {messages.bulkRunning(batch.count)}
              </span>
              <button type="button" className="ik-button" data-size="sm" data-slot="bulk-stop" onClick={stop}>
                {messages.stop}
              </button>
            </>
          ) : (
            <>
              <span className="ik-bulk-count" data-slot="bulk-count">
                {messages.selectedCount(size)}
              </span>
              <BulkAssignButton onChoose={(assignee) => start({ type: 'assign', assignee }, assignee.name ?? assignee.id)} />
              <button type="button" className="ik-button" data-size="sm" data-slot="bulk-resolve" onClick={() => start({ type: 'resolve' })}>
                {messages.resolve}
              </button>
              <button type="button" className="ik-button" data-size="sm" data-variant="ghost" data-slot="bulk-clear" onClick={clear}>
                {messages.clearSelection}
              </button>
            </>
          )}
        </div>
        )}
      {/* In the page from before any batch (this part loads on idle, a batch starts from it), so the summary is announced when it arrives. */}
      <div ref={statusRef} role="status" className={cx(themeClass, 'ik-bulk-status')} data-slot="bulk-status" data-state={summary ? (summary.failed.length ? 'failed' : 'done') : 'idle'}>
        {summary && (
          <>
            <span className="ik-bulk-summary" title={summary.detail}>
              {summary.text}
            </span>
            {summary.failed.length > 0 && (
              <button type="button" className="ik-button" data-size="sm" onClick={() => retryFailed(summary.failed)}>
                {messages.retryFailed}
              </button>
            )}
            <button
              type="button"
              className="ik-link-button"
              onClick={() => {
                reset();
                setBatch(null);
                focusNext.current = 'list';
              }}
            >
              {messages.dismiss}
            </button>
          </>
        )}
      </div>
      {confirm && (
        <ConfirmBatch
          count={confirm.ids.length}
          title={confirm.action.type === 'resolve' ? messages.bulkConfirmResolve(confirm.ids.length) : messages.bulkConfirmAssign(confirm.ids.length, confirm.name ?? '')}
          messages={messages}
          onConfirm={() => go(confirm.ids, confirm.action)}
          onCancel={() => {
            setConfirm(null);
            focusNext.current = 'toolbar';
          }}
        />
      )}
    </>
  );
}

/** Whether focus has fallen out of everything (onto the body): the element it was on has gone. */
function focusWasLost(anchor: HTMLElement): boolean {
  const root = anchor.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  return !active || active === anchor.ownerDocument.body;
}

/** The status line's words, from a finished batch's results. Undone ones are never counted as done. */
function summarize(results: readonly BulkResult[], action: BulkAction, messages: InboxMessages) {
  let succeeded = 0;
  let notSent = 0;
  let undone = 0;
  const failed: string[] = [];
  const reasons = new Set<string>();
  const details = new Set<string>();
  for (const result of results) {
    if (result.outcome === 'succeeded') succeeded++;
    else if (result.outcome === 'skipped') notSent++;
    else if (result.outcome === 'undone') undone++;
    else {
      failed.push(result.id);
      if (result.error) {
        reasons.add(errorSentence(result.error, messages));
        details.add(errorDetail(result.error));
      }
    }
  }
  const parts: string[] = [];
  if (succeeded > 0 || failed.length + notSent + undone === 0) parts.push((action.type === 'resolve' ? messages.bulkResolved : messages.bulkAssigned)(succeeded));
  if (undone > 0) parts.push(messages.bulkUndone(undone));
  if (notSent > 0) parts.push(messages.bulkNotSent(notSent));
  // Every distinct reason: a summary that named one would say something untrue of the others.
  if (failed.length > 0) parts.push(reasons.size ? messages.bulkFailedReason(messages.bulkFailed(failed.length), [...reasons].join(' ')) : messages.bulkFailed(failed.length));
  return { text: parts.join(messages.bulkSeparator), failed, detail: details.size ? [...details].join('\n') : undefined };
}

/** "Assign…": the assign menu (the same lazy Radix part as `AssignMenu`), choosing for every selected conversation. */
function BulkAssignButton({ onChoose }: { onChoose: (assignee: Assignee) => void }) {
  const { messages, store } = useInboxContext('BulkToolbar');
  const { assignees, currentUser, status } = useAssignees();
  const [open, setOpen] = useState(false);
  const ready = useAssignMenuCode(open, setOpen);
  const portal = usePortalContainer();
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const expanded = ready && open;
  return (
    <>
      <button
        ref={triggerRef}
        type="button"
        className="ik-button"
        data-size="sm"
        data-slot="bulk-assign"
        aria-haspopup="menu"
        aria-expanded={expanded}
        data-state={expanded ? 'open' : 'closed'}
        // Until the menu's code is here, the button asks for it; then Radix handles the button.
        onClick={() => !ready && setOpen(true)}
        onKeyDown={(event) => {
          if (ready || event.key !== 'ArrowDown') return;
          event.preventDefault();
          setOpen(true);
        }}
      >
        {messages.assignSelected}
      </button>
      {ready && (
        <Suspense fallback={null}>
          <LazyAssignMenuPopup
            open={open}
            onOpenChange={setOpen}
            triggerRef={triggerRef}
            keepTriggerId={false}
            container={portal}
            messages={messages}
            assignees={assignees}
            currentUser={currentUser}
            // Applied to many conversations with different assignees: none is checked.
            current={null}
            status={status}
            teams={store.capabilities.teams}
            filterThreshold={8}
            onChoose={(key) => {
              const target = assignees.find((a) => keyOf(a) === key);
              // Teams only where the backend assigns to teams (the menu lists none elsewhere).
              if (!target || (target.type === 'team' && !store.capabilities.teams)) return;
              setOpen(false);
              onChoose(target);
            }}
          />
        </Suspense>
      )}
    </>
  );
}

/** Asks before a large batch, saying how many requests it sends. */
function ConfirmBatch({ count, title, messages, onConfirm, onCancel }: { count: number; title: string; messages: InboxMessages; onConfirm: () => void; onCancel: () => void }) {
  const titleId = useId();
  const detailId = useId();
  const dialogRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    dialogRef.current?.querySelector<HTMLElement>('[data-slot="bulk-confirm"]')?.focus();
  }, []);
  return (
    <div className="ik-dialog-backdrop" onClick={onCancel}>
      <div
        ref={dialogRef}
        className="ik-dialog"
        role="alertdialog"
        aria-modal="true"
        aria-labelledby={titleId}
        aria-describedby={detailId}
        data-slot="bulk-confirm-dialog"
        onClick={(event) => event.stopPropagation()}
        onKeyDown={(event) => {
          // The inbox's shortcuts stay out of a dialog.
          event.stopPropagation();
          if (event.key === 'Escape') onCancel();
          if (event.key !== 'Tab') return;
          // Two buttons: Tab goes round them.
          const buttons = [...event.currentTarget.querySelectorAll<HTMLElement>('button')];
          const at = buttons.indexOf(event.target as HTMLElement);
          buttons[(at + (event.shiftKey ? -1 : 1) + buttons.length) % buttons.length]?.focus();
          event.preventDefault();
        }}
      >
        <h2 id={titleId} className="ik-dialog-title">
          {title}
        </h2>
        <p id={detailId} className="ik-dialog-text">
          {messages.bulkConfirmDetail(count)}
        </p>
        <div className="ik-dialog-actions">
          <button type="button" className="ik-button" data-variant="primary" data-slot="bulk-confirm" onClick={onConfirm}>
            {messages.bulkConfirmSend(count)}
          </button>
          <button type="button" className="ik-button" onClick={onCancel}>
            {messages.cancel}
          </button>
        </div>
      </div>
    </div>
  );
}
