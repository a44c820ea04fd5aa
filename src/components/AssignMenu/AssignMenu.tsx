import { startTransition, Suspense, useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import type { ButtonHTMLAttributes, KeyboardEvent, MouseEvent, Ref } from 'react';
import { useInboxContext } from '../../hooks/context.js';
import { useAssignConversation } from '../../hooks/useAssignConversation.js';
import { useAssignees } from '../../hooks/useAssignees.js';
import { useCachedConversation } from '../../hooks/useCachedConversation.js';
import { cx } from '../shared/cx.js';
import { usePortalContainer } from '../shared/PortalContainer.js';
import { useThemeClass } from '../shared/ThemeScope.js';
import { useControllable } from '../shared/useControllable.js';
import { keyOf } from './keyOf.js';
import { isAssignMenuPopupLoaded, LazyAssignMenuPopup, loadAssignMenuPopup, whenIdle } from './lazy.js';

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
  ref?: Ref<HTMLButtonElement> | undefined;
}

const isFocused = (node: Element) => (node.getRootNode() as Document | ShadowRoot).activeElement === node;

/**
 * Assigns a conversation to a person or team: a button whose accessible
 * name starts with "Assign" and shows the current assignee, opening a menu
 * of radio items (the current one checked). The change shows at once; a
 * refusal rolls back and shows the server's reason next to the button.
 *
 * The menu's Radix part is fetched when the browser is first idle after the
 * button shows (or at once when the button is used): until then the same
 * button renders without it, and a click, Enter or the `a` shortcut opens
 * the menu as soon as it arrives.
 */
export function AssignMenu({ conversationId, open, defaultOpen = false, onOpenChange, filterThreshold = 8, container, className, ref, ...buttonProps }: AssignMenuProps) {
  const { messages, store } = useInboxContext('AssignMenu');
  const conversation = useCachedConversation(conversationId);
  const { assignees, currentUser, status } = useAssignees();
  const { assign, pending, error, reset } = useAssignConversation(conversationId);
  const [isOpen, setOpen] = useControllable(open, defaultOpen, onOpenChange);
  const portal = usePortalContainer();
  const themeClass = useThemeClass();
  const errorId = useId();
  // Starts false on the server and the client alike, so hydration matches.
  const [ready, setReady] = useState(false);
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  // The fallback and the Radix trigger are two elements: focus moves from one to the other when the menu arrives.
  const refocus = useRef(false);
  const setTriggerRef = useCallback(
    (node: HTMLButtonElement | null) => {
      const previous = triggerRef.current;
      // React detaches the old button's ref before removing it from the DOM, so it still knows whether it had focus.
      if (!node && previous && isFocused(previous)) refocus.current = true;
      triggerRef.current = node;
      if (node && refocus.current) {
        refocus.current = false;
        if (!isFocused(node)) node.focus();
      }
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );

  // A menu mounted after the code has arrived shows no fallback frame. Not in useState's initializer:
  // the server renders the fallback, and hydration must see the same first render.
  useLayoutEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- before paint, once, and only when the code is already here
    if (!ready && isAssignMenuPopupLoaded()) setReady(true);
  }, [ready]);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const fetchMenu = () => {
      loadAssignMenuPopup().then(
        // A transition keeps the fallback on screen until the menu can render, so the button never blinks.
        () => live && startTransition(() => setReady(true)),
        (reason: unknown) => {
          if (!live) return;
          console.error('[InboxKit] the assign menu could not load', reason);
          if (isOpen) setOpen(false); // the next click tries again
        },
      );
    };
    if (isOpen) {
      fetchMenu();
      return () => {
        live = false;
      };
    }
    const cancel = whenIdle(fetchMenu);
    return () => {
      live = false;
      cancel();
    };
  }, [ready, isOpen, setOpen]);

  const current = conversation?.assignee ?? null;
  const currentName = current ? (current.name ?? current.id) : null;

  const choose = (key: string) => {
    const target = assignees.find((a) => keyOf(a) === key);
    if (!target || key === keyOf(current)) return;
    reset();
    void assign(conversationId, target);
  };

  const trigger = (extra?: ButtonHTMLAttributes<HTMLButtonElement> & { 'data-state'?: string }) => (
    <button
      ref={setTriggerRef}
      type="button"
      className="ik-button ik-assign-trigger"
      data-slot="assign-trigger"
      aria-describedby={error ? errorId : undefined}
      aria-busy={pending || undefined}
      disabled={!conversation}
      {...buttonProps}
      {...extra}
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
  );

  // Before the menu's code is here: the same button, with the attributes Radix gives it while closed.
  // Click, Enter, Space and ArrowDown ask for the menu; it opens when it arrives.
  const fallback = trigger({
    'aria-haspopup': 'menu',
    'aria-expanded': false,
    'data-state': 'closed',
    onClick: (event: MouseEvent<HTMLButtonElement>) => {
      buttonProps.onClick?.(event);
      if (!event.defaultPrevented) setOpen(true);
    },
    onKeyDown: (event: KeyboardEvent<HTMLButtonElement>) => {
      buttonProps.onKeyDown?.(event);
      if (event.defaultPrevented || event.key !== 'ArrowDown') return;
      event.preventDefault();
      setOpen(true);
    },
  });

  return (
    <span className={cx(themeClass, 'ik-assign', className)} data-slot="assign" data-pending={pending ? '' : undefined}>
      <Suspense fallback={fallback}>
        {ready ? (
          <LazyAssignMenuPopup
            open={isOpen}
            onOpenChange={setOpen}
            trigger={trigger()}
            triggerRef={triggerRef}
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
        ) : (
          fallback
        )}
      </Suspense>
      {error && (
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
