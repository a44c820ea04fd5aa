import { useCallback, useEffect, useId, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ButtonHTMLAttributes, Ref } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { Assignee } from '../../core/types.js';
import { useInboxContext } from '../../hooks/context.js';
import { useAssignConversation } from '../../hooks/useAssignConversation.js';
import { useAssignees } from '../../hooks/useAssignees.js';
import { useCachedConversation } from '../../hooks/useCachedConversation.js';
import { cx } from '../shared/cx.js';
import { usePortalContainer } from '../shared/PortalContainer.js';
import { useThemeClass } from '../shared/ThemeScope.js';
import { useControllable } from '../shared/useControllable.js';

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

const keyOf = (a: Pick<Assignee, 'type' | 'id'> | null | undefined) => (a ? `${a.type}:${a.id}` : '');

/**
 * Assigns a conversation to a person or team: a button whose accessible
 * name starts with "Assign" and shows the current assignee, opening a menu
 * of radio items (the current one checked). The change shows at once; a
 * refusal rolls back and shows the server's reason next to the button.
 */
export function AssignMenu({ conversationId, open, defaultOpen = false, onOpenChange, filterThreshold = 8, container, showError = true, className, ref, ...buttonProps }: AssignMenuProps) {
  const { messages, store } = useInboxContext('AssignMenu');
  const conversation = useCachedConversation(conversationId);
  const { assignees, currentUser, status } = useAssignees();
  const { assign, pending, error, reset } = useAssignConversation(conversationId);
  const [isOpen, setOpen] = useControllable(open, defaultOpen, onOpenChange);
  const [filter, setFilter] = useState('');
  const filterRef = useRef<HTMLInputElement>(null);
  const portal = usePortalContainer();
  const themeClass = useThemeClass();
  const errorId = useId();
  const triggerRef = useRef<HTMLButtonElement | null>(null);
  const setTriggerRef = useCallback(
    (node: HTMLButtonElement | null) => {
      triggerRef.current = node;
      if (typeof ref === 'function') ref(node);
      else if (ref) ref.current = node;
    },
    [ref],
  );
  // The menu portals out of the inbox (to document.body by default), so it
  // would lose the inbox's theme and direction: carry them over on open.
  const [scope, setScope] = useState<{ theme: string | undefined; dir: 'ltr' | 'rtl' }>({ theme: undefined, dir: 'ltr' });
  useLayoutEffect(() => {
    const el = triggerRef.current;
    if (!isOpen || !el) return;
    const theme = el.closest('[data-theme]')?.getAttribute('data-theme') ?? undefined;
    const dir = getComputedStyle(el).direction === 'rtl' ? 'rtl' : 'ltr';
    setScope((prev) => (prev.theme === theme && prev.dir === dir ? prev : { theme, dir }));
  }, [isOpen]);

  const current = conversation?.assignee ?? null;
  const currentName = current ? (current.name ?? current.id) : null;
  const showFilter = assignees.length > filterThreshold;
  useEffect(() => {
    if (!isOpen || !showFilter) return;
    // After Radix has focused the menu on open, move focus into the filter box.
    const frame = requestAnimationFrame(() => filterRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [isOpen, showFilter]);
  const needle = filter.trim().toLocaleLowerCase();
  const visible = useMemo(
    () => (needle ? assignees.filter((a) => `${a.name ?? ''} ${a.email ?? ''} ${a.id}`.toLocaleLowerCase().includes(needle)) : assignees),
    [assignees, needle],
  );
  const me = currentUser ? visible.find((a) => a.type === 'user' && a.id === currentUser.id) : undefined;
  const users = visible.filter((a) => a.type === 'user' && a !== me);
  const teams = store.capabilities.teams ? visible.filter((a) => a.type === 'team') : [];

  const choose = (key: string) => {
    const target = assignees.find((a) => keyOf(a) === key);
    if (!target || key === keyOf(current)) return;
    reset();
    void assign(conversationId, target);
  };

  const group = (label: string, people: readonly Assignee[]) =>
    people.length > 0 && (
      <DropdownMenu.Group>
        <DropdownMenu.Label className="ik-menu-label">{label}</DropdownMenu.Label>
        {people.map((person) => (
          <DropdownMenu.RadioItem key={keyOf(person)} className="ik-menu-item" value={keyOf(person)} textValue={person.name ?? person.id}>
            <DropdownMenu.ItemIndicator className="ik-menu-check" />
            <span dir="auto">{person.name ?? person.id}</span>
          </DropdownMenu.RadioItem>
        ))}
      </DropdownMenu.Group>
    );

  const choices = (
    <DropdownMenu.RadioGroup value={keyOf(current)} onValueChange={choose}>
      {me && (
        <DropdownMenu.RadioItem className="ik-menu-item" value={keyOf(me)} data-slot="assign-me">
          <DropdownMenu.ItemIndicator className="ik-menu-check" />
          {messages.assignToMe}
        </DropdownMenu.RadioItem>
      )}
      {group(messages.people, users)}
      {group(messages.teams, teams)}
    </DropdownMenu.RadioGroup>
  );

  return (
    <span className={cx(themeClass, 'ik-assign', className)} data-slot="assign" data-pending={pending ? '' : undefined}>
      <DropdownMenu.Root
        open={isOpen}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setFilter('');
        }}
        modal={false}
        dir={scope.dir}
      >
        <DropdownMenu.Trigger asChild>
          <button
            ref={setTriggerRef}
            type="button"
            className="ik-button ik-assign-trigger"
            data-slot="assign-trigger"
            aria-describedby={error && showError ? errorId : undefined}
            aria-busy={pending || undefined}
            disabled={!conversation}
            {...buttonProps}
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
        </DropdownMenu.Trigger>
        <DropdownMenu.Portal container={container ?? portal}>
          <DropdownMenu.Content
            className="ik-theme ik-menu"
            data-slot="assign-menu"
            data-theme={scope.theme}
            // A menu may hold only items: with a filter box, the popup is a dialog holding the box and the menu.
            role={showFilter ? 'dialog' : 'menu'}
            aria-orientation={showFilter ? undefined : 'vertical'}
            align="end"
            sideOffset={4}
            collisionPadding={8}
            loop
          >
            {showFilter && (
              <input
                ref={filterRef}
                className="ik-input ik-menu-filter"
                type="search"
                aria-label={messages.filterPeople}
                placeholder={messages.filterPeople}
                value={filter}
                onChange={(e) => setFilter(e.target.value)}
                onKeyDown={(e) => {
                  // The menu moves focus only between its items, so arrows leave the box here: down to the first item, up to the last.
                  if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
                    const items = e.currentTarget.closest('[data-radix-menu-content]')?.querySelectorAll<HTMLElement>('[role^="menuitem"]');
                    const target = items && (e.key === 'ArrowDown' ? items[0] : items[items.length - 1]);
                    if (target) {
                      e.preventDefault();
                      target.focus();
                    }
                  }
                  // Typing goes to the box, not to the menu's typeahead; Escape and Tab still reach the menu.
                  if (e.key !== 'Escape' && e.key !== 'Tab') e.stopPropagation();
                }}
              />
            )}
            {status === 'loading' && <div className="ik-menu-note">{messages.loading}</div>}
            {showFilter ? (
              visible.length > 0 && (
                <div role="menu" aria-orientation="vertical" aria-label={messages.assign}>
                  {choices}
                </div>
              )
            ) : (
              choices
            )}
            {visible.length === 0 && status !== 'loading' && <div className="ik-menu-note">{messages.noMatches}</div>}
          </DropdownMenu.Content>
        </DropdownMenu.Portal>
      </DropdownMenu.Root>
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
