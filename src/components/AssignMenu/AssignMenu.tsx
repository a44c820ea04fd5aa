import { Suspense, useCallback, useId, useRef } from 'react';
import type { ButtonHTMLAttributes, KeyboardEvent, MouseEvent, Ref } from 'react';
import { useInboxContext } from '../../hooks/context.js';
import { useAssignConversation } from '../../hooks/useAssignConversation.js';
import { useAssigneeName } from '../../hooks/useAssigneeName.js';
import { useAssignees } from '../../hooks/useAssignees.js';
import { useCachedConversation } from '../../hooks/useCachedConversation.js';
import { cx } from '../shared/cx.js';
import { usePortalContainer } from '../shared/PortalContainer.js';
import { useThemeClass } from '../shared/ThemeScope.js';
import { useControllable } from '../shared/useControllable.js';
import { keyOf } from './keyOf.js';
import { LazyAssignMenuPopup, useAssignMenuCode } from './lazy.js';

export interface AssignMenuProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'value' | 'defaultValue'> {
  /** The conversation to assign. Required. */
  conversationId: string;
  /** Whether the menu is open (controlled). */
  open?: boolean | undefined;
  /** Whether the menu starts open (uncontrolled). Default false. */
  defaultOpen?: boolean | undefined;
  onOpenChange?: ((open: boolean) => void) | undefined;
  /** Show a filter box when there are more than this many people and teams. Default 8. */
  filterThreshold?: number | undefined;
  /** Where the menu portals to. Default `document.body` (the widget passes its shadow root). */
  container?: HTMLElement | null | undefined;
  /** Show a refusal next to the button. Default true; `ConversationView` shows it in its own row instead. */
  showError?: boolean | undefined;
  ref?: Ref<HTMLButtonElement> | undefined;
}

/**
 * Assigns a conversation to a person or team: a button whose accessible
 * name starts with "Assign" and shows the current assignee, opening a menu
 * of radio items (the current one checked). The change shows at once; a
 * refusal rolls back and shows the server's reason next to the button.
 *
 * The menu's Radix part is fetched when the browser is first idle after the
 * button shows (or at once when the button is used): until then the button
 * renders without it, and a click, Enter or the `a` shortcut opens the menu
 * as soon as it arrives, on the same button element.
 */
export function AssignMenu({ conversationId, open, defaultOpen = false, onOpenChange, filterThreshold = 8, container, showError = true, className, ref, ...buttonProps }: AssignMenuProps) {
  const { messages, store } = useInboxContext('AssignMenu');
  const conversation = useCachedConversation(conversationId);
  const { assignees, currentUser, status } = useAssignees();
  const { assign, pending, error, reset } = useAssignConversation(conversationId);
  const [isOpen, setOpen] = useControllable(open, defaultOpen, onOpenChange);
  const portal = usePortalContainer();
  const themeClass = useThemeClass();
  const errorId = useId();
  const ready = useAssignMenuCode(isOpen, setOpen);
  // One button from the first render on: the Radix part, when it arrives, attaches to this very element,
  // so a host (or a test) holding it, and the focus on it, stay valid.
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const setTriggerRef = useCallback(
    (node: HTMLButtonElement | null) => {
      triggerRef.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );

  const current = conversation?.assignee ?? null;
  // A WhatsApp conversation names its assignee by id only: the name comes from what the store knows.
  const currentName = useAssigneeName(current);

  const choose = (key: string) => {
    const target = assignees.find((a) => keyOf(a) === key);
    if (!target || key === keyOf(current)) return;
    reset();
    void assign(conversationId, target);
  };

  // Until the menu's code is here, the button asks for it: click (and so Enter and Space) and ArrowDown
  // open the menu as soon as it arrives. Once it is here, Radix handles the button's keys and pointer.
  const onClick = (event: MouseEvent<HTMLButtonElement>) => {
    buttonProps.onClick?.(event);
    if (!ready && !event.defaultPrevented) setOpen(true);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    buttonProps.onKeyDown?.(event);
    if (ready || event.defaultPrevented || event.key !== 'ArrowDown') return;
    event.preventDefault();
    setOpen(true);
  };
  const expanded = ready && isOpen;

  return (
    <span className={cx(themeClass, 'ik-assign', className)} data-slot="assign" data-pending={pending ? '' : undefined}>
      <button
        ref={setTriggerRef}
        type="button"
        className="ik-button ik-assign-trigger"
        data-slot="assign-trigger"
        aria-haspopup="menu"
        aria-expanded={expanded}
        data-state={expanded ? 'open' : 'closed'}
        aria-describedby={error && showError ? errorId : undefined}
        aria-busy={pending || undefined}
        disabled={!conversation}
        {...buttonProps}
        onClick={onClick}
        onKeyDown={onKeyDown}
      >
        {/* The visible text is the accessible name ("Assign: Alice Support"), so voice control can say what it sees. */}
        <span className="ik-assign-prefix">{pending ? messages.assigning : messages.assign}</span>
        {currentName && (
          <span className="ik-assign-label" dir="auto">
            <span className="ik-visually-hidden">: </span>
            {currentName}
          </span>
        )}
        <span className="ik-chevron" aria-hidden="true" />
      </button>
      {ready && (
        <Suspense fallback={null}>
          <LazyAssignMenuPopup
            open={isOpen}
            onOpenChange={setOpen}
            triggerRef={triggerRef}
            keepTriggerId={buttonProps.id !== undefined}
            container={container ?? portal}
            messages={messages}
            assignees={assignees}
            currentUser={currentUser}
            current={current}
            status={status}
            teams={store.capabilities.teams}
            filterThreshold={filterThreshold}
            onChoose={choose}
          />
        </Suspense>
      )}
      {error && showError && (
        <span className="ik-inline-error" id={errorId} role="alert" data-slot="assign-error">
          <span dir="auto">{error.message}</span>
          <button type="button" className="ik-link-button" onClick={reset}>
            {messages.dismiss}
          </button>
        </span>
      )}
    </span>
  );
}
