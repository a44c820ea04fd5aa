import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ReactElement, RefObject } from 'react';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import type { Assignee } from '../../core/types.js';
import type { InboxMessages } from '../../hooks/messages.js';
import { keyOf } from './keyOf.js';

/** What `AssignMenu` hands its Radix part; everything else (data, mutation, trigger) stays in the light part. */
export interface AssignMenuPopupProps {
  open: boolean;
  onOpenChange: (open: boolean) => void;
  /** The trigger button, exactly as the fallback renders it; Radix wraps it (`asChild`). */
  trigger: ReactElement;
  triggerRef: RefObject<HTMLButtonElement | null>;
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
  trigger,
  triggerRef,
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
  const filterRef = useRef<HTMLInputElement>(null);
  // The menu portals out of the inbox (to document.body by default), so it
  // would lose the inbox's theme and direction: carry them over on open.
  const [scope, setScope] = useState<{ theme: string | undefined; dir: 'ltr' | 'rtl' }>({ theme: undefined, dir: 'ltr' });
  useLayoutEffect(() => {
    const el = triggerRef.current;
    if (!open || !el) return;
    const theme = el.closest('[data-theme]')?.getAttribute('data-theme') ?? undefined;
    const dir = getComputedStyle(el).direction === 'rtl' ? 'rtl' : 'ltr';
    setScope((prev) => (prev.theme === theme && prev.dir === dir ? prev : { theme, dir }));
  }, [open, triggerRef]);

  const showFilter = assignees.length > filterThreshold;
  useEffect(() => {
    if (!open || !showFilter) return;
    // After Radix has focused the menu on open, move focus into the filter box.
    const frame = requestAnimationFrame(() => filterRef.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, [open, showFilter]);
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
      open={open}
      onOpenChange={(next) => {
        onOpenChange(next);
        if (!next) setFilter('');
      }}
      modal={false}
      dir={scope.dir}
    >
      <DropdownMenu.Trigger asChild>{trigger}</DropdownMenu.Trigger>
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
          {visible.length === 0 && status !== 'loading' && <div className="ik-menu-note">{messages.noMatches}</div>}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  );
}
