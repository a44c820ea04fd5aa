import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { PointerEvent as ReactPointerEvent, KeyboardEvent as ReactKeyboardEvent, Ref, RefObject } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { Assignee } from '../../core/types.js';
import type { InboxMessages } from '../../hooks/messages.js';
import { keyOf } from './keyOf.js';

/** What `AssignMenu` hands its Radix part; everything else (data, mutation, trigger) stays in the light part. */
export interface AssignMenuPopupProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The button AssignMenu rendered from the start: Radix's trigger attaches to it. */
  triggerRef: RefObject<HTMLButtonElement | null>;
  /** The host gave the button an id: keep it (Radix's own id then goes unused). */
  keepTriggerId: boolean;
  container: HTMLElement | undefined;
  messages: InboxMessages;
  assignees: readonly Assignee[];
  currentUser: Assignee | null;
  current: Assignee | null;
  status: 'idle' | 'loading' | 'success' | 'error';
  teams: boolean;
  filterThreshold: number;
  onChoose: (key: string) => void;
}

/** The menu itself (Radix), loaded on idle or on first use: see `AssignMenu`. */
export function AssignMenuPopup({
  open,
  onOpenChange,
  triggerRef,
  keepTriggerId,
  container,
  messages,
  assignees,
  currentUser,
  current,
  status,
  teams: withTeams,
  filterThreshold,
  onChoose,
}: AssignMenuPopupProps) {
  const [filter, setFilter] = useState('');
  // Radix opens a menu in response to a change, after its trigger is wired: a menu asked for before the
  // code arrived opens one frame after this part mounts (mounted open, Radix would dismiss it at once).
  const [attached, setAttached] = useState(false);
  useEffect(() => {
    const frame = requestAnimationFrame(() => setAttached(true));
    return () => cancelAnimationFrame(frame);
  }, []);
  const filterRef = useRef<HTMLInputElement>(null);
  // The menu portals out of the inbox (to document.body by default), so it
  // would lose the inbox's theme and direction: carry them over on open.
  const [scope, setScope] = useState<{ theme: string | undefined; dir: 'ltr' | 'rtl' }>({ theme: undefined, dir: 'ltr' });
  useLayoutEffect(() => {
    const el = triggerRef.current;
    if (!open || !attached || !el) return;
    const theme = el.closest('[data-theme]')?.getAttribute('data-theme') ?? undefined;
    const dir = getComputedStyle(el).direction === 'rtl' ? 'rtl' : 'ltr';
    setScope((prev) => (prev.theme === theme && prev.dir === dir ? prev : { theme, dir }));
  }, [open, attached, triggerRef]);

  const showFilter = assignees.length > filterThreshold;
  useEffect(() => {
    if (!open || !attached || !showFilter) return;
    // After Radix has focused the menu on open, move focus into the filter box.
    const frame = requestAnimationFrame(() => filterRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open, attached, showFilter]);
  const needle = filter.trim().toLocaleLowerCase();
  const visible = useMemo(
    () => (needle ? assignees.filter((a) => `${a.name ?? ''} ${a.email ?? ''} ${a.id}`.toLocaleLowerCase().includes(needle)) : assignees),
    [assignees, needle],
  );
  const me = currentUser ? visible.find((a) => a.type === 'user' && a.id === currentUser.id) : undefined;
  const users = visible.filter((a) => a.type === 'user' && a !== me);
  const teams = withTeams ? visible.filter((a) => a.type === 'team') : [];

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
    <DropdownMenu.RadioGroup value={keyOf(current)} onValueChange={onChoose}>
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
    <DropdownMenu.Root
      open={open && attached}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setFilter('');
      }}
      modal={false}
      dir={scope.dir}
    >
      <DropdownMenu.Trigger asChild>
        <TriggerBridge target={triggerRef} keepId={keepTriggerId} />
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal container={container}>
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
          {visible.length === 0 && status !== 'loading' && (
            // Nobody typed anything and there is nobody to offer: say so, not that a search found nothing.
            <div className="ik-menu-note">{assignees.length === 0 ? messages.noAssignees : messages.noMatches}</div>
          )}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}

interface TriggerBridgeProps {
  target: RefObject<HTMLButtonElement | null>;
  keepId: boolean;
  // What Radix's Trigger gives its child (asChild).
  ref?: Ref<HTMLButtonElement> | undefined;
  id?: string | undefined;
  'aria-controls'?: string | undefined;
  onPointerDown?: ((event: ReactPointerEvent<HTMLButtonElement>) => void) | undefined;
  onKeyDown?: ((event: ReactKeyboardEvent<HTMLButtonElement>) => void) | undefined;
}

function setRef<T>(ref: Ref<T> | undefined, value: T | null) {
  if (typeof ref === 'function') ref(value);
  else if (ref) ref.current = value;
}

/**
 * Radix's trigger, attached to the button AssignMenu already shows instead of
 * a new element: Radix's refs (focus return, anchor for positioning) point at
 * it, its ids and its pointer and key handling are applied to it. AssignMenu
 * renders aria-expanded and data-state itself, from the same open state.
 */
function TriggerBridge({ target, keepId, ref, id, 'aria-controls': controls, onPointerDown, onKeyDown }: TriggerBridgeProps) {
  const handlers = useRef({ onPointerDown, onKeyDown });
  useLayoutEffect(() => {
    handlers.current = { onPointerDown, onKeyDown };
  });
  useLayoutEffect(() => {
    const button = target.current;
    if (!button) return;
    setRef(ref, button);
    return () => setRef(ref, null);
  }, [ref, target]);
  useLayoutEffect(() => {
    const button = target.current;
    if (!button) return;
    if (id && !keepId) button.setAttribute('id', id);
    if (controls) button.setAttribute('aria-controls', controls);
    else button.removeAttribute('aria-controls');
  }, [target, id, keepId, controls]);
  useEffect(() => {
    const button = target.current;
    if (!button) return;
    // Radix's handlers read only what native events have too (button, ctrlKey, key, preventDefault).
    // A disabled button (its conversation not loaded yet) opens nothing, whatever events the browser sends it.
    const down = (event: PointerEvent) => !button.disabled && handlers.current.onPointerDown?.(event as unknown as ReactPointerEvent<HTMLButtonElement>);
    const key = (event: KeyboardEvent) => !button.disabled && handlers.current.onKeyDown?.(event as unknown as ReactKeyboardEvent<HTMLButtonElement>);
    button.addEventListener('pointerdown', down);
    button.addEventListener('keydown', key);
    return () => {
      button.removeEventListener('pointerdown', down);
      button.removeEventListener('keydown', key);
      if (!keepId && button.id === id) button.removeAttribute('id');
    };
  }, [target, keepId, id]);
  return null;
}
