import { useCallback, useLayoutEffect, useMemo, useRef, useState } from 'react';

/** What a held list shows. */
export interface HeldOrder {
  /** The ids to show, in the order to show them. */
  ids: readonly string[];
  /** Rows that arrived, or moved up, above the rows shown since the order was held: not shown yet. */
  waiting: number;
  /** Whether the order is held now (the agent is on the list). */
  holding: boolean;
  /** Shows the list's own order now and scrolls to its top, where they are. */
  release: () => void;
  /** Goes on the list's root element: where pointer, focus and scrolling are watched. */
  ref: (element: HTMLDivElement | null) => void;
}

interface Options {
  /** The list's identity: another list is never held in this one's order. */
  key: string;
  /** A row that must be shown (the open conversation): when it is held back, the list lets go. */
  keep: string | null | undefined;
  rowHeight: number;
}

interface View {
  ids: readonly string[];
  waiting: number;
  /** The held order cannot be kept (nothing of it is left, or it hides `keep`). */
  letGo: boolean;
}

/**
 * `current` shown in the order of `held`: rows held that left the list are
 * gone, rows after the last held one (pages appended meanwhile) follow, and
 * the others (arrived above, or moved up past rows they followed) wait.
 */
export function holdOrder(held: readonly string[], heldAt: ReadonlyMap<string, number>, current: readonly string[], keep?: string | null): View {
  const present = new Set(current);
  const ids: string[] = [];
  for (const id of held) if (present.has(id)) ids.push(id);
  if (ids.length === 0) return { ids: current, waiting: 0, letGo: true };
  let last = current.length - 1;
  while (last >= 0 && !heldAt.has(current[last]!)) last--;
  for (let i = last + 1; i < current.length; i++) ids.push(current[i]!);
  // From the bottom up: a row held further down than one already passed moved up past it.
  let waiting = 0;
  let lowest = Number.POSITIVE_INFINITY;
  let keepWaits = false;
  for (let i = last; i >= 0; i--) {
    const id = current[i]!;
    const at = heldAt.get(id);
    if (at !== undefined && at <= lowest) lowest = at;
    else {
      waiting++;
      // Moved up but still shown in its held place, or new and not shown at all.
      if (id === keep && at === undefined) keepWaits = true;
    }
  }
  return { ids, waiting, letGo: keepWaits };
}

/**
 * Holds a list still while the agent is on it: while the pointer is over it,
 * the keyboard is in it, or it is scrolled away from its top, rows keep the
 * order they had, new and reordered rows wait (counted in `waiting`) until
 * `release`, rows that left go, and pages loaded at the end join at the end.
 * A row gone from above the viewport scrolls the list by its height, so the
 * rows in view do not move. At the top and idle, the list is its own order.
 *
 * Focus counts only from the keyboard: a click leaves focus in the list,
 * and the pointer leaving it (at the top) is idle again.
 */
export function useHeldOrder(current: readonly string[], { key, keep, rowHeight }: Options): HeldOrder {
  // The root is kept in a ref, not in state: setting state from the ref at mount would render the whole list twice.
  const root = useRef<HTMLDivElement | null>(null);
  const detach = useRef<(() => void) | null>(null);
  const [pointer, setPointer] = useState(false);
  const [keyboard, setKeyboard] = useState(false);
  const [scrolled, setScrolled] = useState(false);
  const scrollTop = useRef(0);

  const ref = useCallback((element: HTMLDivElement | null) => {
    if (element === root.current) return;
    detach.current?.();
    detach.current = null;
    root.current = element;
    if (!element) return;
    let viaPointer = false;
    const onEnter = () => setPointer(true);
    const onLeave = () => setPointer(false);
    const onDown = () => {
      viaPointer = true;
    };
    const onKey = () => {
      viaPointer = false;
      setKeyboard(true);
    };
    const onFocusIn = () => {
      if (!viaPointer) setKeyboard(true);
    };
    const onFocusOut = (event: FocusEvent) => {
      if (event.relatedTarget instanceof Node && element.contains(event.relatedTarget)) return;
      viaPointer = false;
      setKeyboard(false);
    };
    const onScroll = (event: Event) => {
      const target = event.target;
      if (!(target instanceof HTMLElement) || target === element) return;
      scrollTop.current = target.scrollTop;
      setScrolled(target.scrollTop > 0);
    };
    element.addEventListener('pointerenter', onEnter);
    element.addEventListener('pointerleave', onLeave);
    element.addEventListener('pointerdown', onDown, true);
    element.addEventListener('keydown', onKey, true);
    element.addEventListener('focusin', onFocusIn);
    element.addEventListener('focusout', onFocusOut);
    // Scrolling does not bubble: caught on the way down to the scroller.
    element.addEventListener('scroll', onScroll, { capture: true, passive: true });
    detach.current = () => {
      element.removeEventListener('pointerenter', onEnter);
      element.removeEventListener('pointerleave', onLeave);
      element.removeEventListener('pointerdown', onDown, true);
      element.removeEventListener('keydown', onKey, true);
      element.removeEventListener('focusin', onFocusIn);
      element.removeEventListener('focusout', onFocusOut);
      element.removeEventListener('scroll', onScroll, { capture: true });
    };
  }, []);

  // Another list, or the rows (and their scroller) back after none: where it is scrolled now is where it starts.
  // (Not on mount: a new scroller is at its top, and reading it would force a layout.)
  const hasRows = current.length > 0;
  const shape = useRef<string | null>(null);
  useLayoutEffect(() => {
    const now = `${hasRows}${key}`;
    const before = shape.current;
    shape.current = now;
    if (before === null || before === now || !root.current) return;
    const top = root.current.querySelector<HTMLElement>('[role="listbox"]')?.scrollTop ?? 0;
    scrollTop.current = top;
    setScrolled(top > 0);
  }, [key, hasRows]);

  const hold = pointer || keyboard || scrolled;
  const [held, setHeld] = useState<{ key: string; ids: readonly string[] } | null>(null);
  // Adjusted while rendering (not in an effect), so no frame ever shows the list moving first.
  let snapshot = held && held.key === key ? held.ids : null;
  if (hold && snapshot === null) {
    snapshot = current;
    setHeld({ key, ids: current });
  } else if (!hold && held !== null) {
    snapshot = null;
    setHeld(null);
  }

  // Positions in the held order, built once the list changes while held (not on every hover), then kept.
  const changed = snapshot !== null && snapshot !== current;
  const heldAt = useMemo(() => (changed && snapshot ? new Map(snapshot.map((id, i) => [id, i])) : null), [snapshot, changed]);
  let view: View = { ids: current, waiting: 0, letGo: false };
  if (snapshot !== null && heldAt) {
    view = holdOrder(snapshot, heldAt, current, keep);
    if (view.letGo) {
      view = { ids: current, waiting: 0, letGo: false };
      setHeld({ key, ids: current });
    }
  }
  const { ids } = view;

  // Rows gone from above the viewport: scroll up by as many rows, so the rows in view stay put.
  const shown = useRef({ key, ids });
  useLayoutEffect(() => {
    const before = shown.current.key === key ? shown.current.ids : ids; // another list: nothing to keep in place
    shown.current = { key, ids };
    if (before === ids || !root.current || scrollTop.current <= 0) return;
    const above = Math.min(before.length, Math.floor(scrollTop.current / rowHeight));
    // Most changes leave the rows above as they were: found by comparing them, without a set of every id.
    let same = 0;
    while (same < above && before[same] === ids[same]) same++;
    if (same === above) return;
    const now = new Set(ids);
    let gone = 0;
    for (let i = same; i < above; i++) if (!now.has(before[i]!)) gone++;
    const scroller = root.current.querySelector<HTMLElement>('[role="listbox"]');
    if (gone === 0 || !scroller) return;
    scrollTop.current = Math.max(0, scrollTop.current - gone * rowHeight);
    scroller.scrollTop = scrollTop.current;
  }, [key, ids, rowHeight]);

  const release = useCallback(() => {
    setHeld((previous) => (previous ? { key, ids: current } : previous));
    const scroller = root.current?.querySelector<HTMLElement>('[role="listbox"]');
    if (!scroller) return;
    // The button goes once nothing waits: the keyboard carries on in the rows it brought in.
    if (root.current?.contains(document.activeElement) && document.activeElement !== scroller) scroller.focus({ preventScroll: true });
    scrollTop.current = 0;
    if (typeof scroller.scrollTo === 'function') scroller.scrollTo({ top: 0 });
    else scroller.scrollTop = 0;
  }, [key, current]);

  return { ids, waiting: view.waiting, holding: hold, release, ref };
}
