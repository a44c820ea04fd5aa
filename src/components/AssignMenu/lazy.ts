import { lazy, startTransition, useEffect, useLayoutEffect, useState } from 'react';
import { whenIdle } from '../shared/lazyCode.js';
import type * as Popup from './AssignMenuPopup.js';

type PopupModule = typeof Popup;

// The Radix menu is most of the inbox's weight and is not needed for the
// first paint: it is fetched once per page, on idle or on first use. Only
// the code is cached here (as React.lazy caches it), never inbox state.
let loading: Promise<PopupModule> | undefined;
let loaded = false;

/** Starts (or joins) the download of the menu's Radix part; a failed download may be retried. */
export function loadAssignMenuPopup(): Promise<PopupModule> {
  loading ??= import('./AssignMenuPopup.js').then(
    (module) => {
      loaded = true;
      return module;
    },
    (error: unknown) => {
      loading = undefined;
      throw error;
    },
  );
  return loading;
}

/** Whether the Radix part is already here (a second menu on the page needs no fallback). */
export const isAssignMenuPopupLoaded = (): boolean => loaded;

/** Rendered only once the module has arrived, so it never suspends for long and never rejects. */
// Pure: a host that never renders AssignMenu tree-shakes it, and with it the import of the Radix part.
export const LazyAssignMenuPopup = /* @__PURE__ */ lazy(() => loadAssignMenuPopup().then((module) => ({ default: module.AssignMenuPopup })));

/**
 * Whether the menu's Radix part may render: fetched when the browser is first
 * idle, or at once when the menu is asked open (`setOpen(false)` if that
 * fails, so the next click tries again). Starts false on the server and the
 * client alike, so hydration matches.
 */
export function useAssignMenuCode(isOpen: boolean, setOpen: (open: boolean) => void): boolean {
  const [ready, setReady] = useState(false);
  // A menu mounted after the code has arrived attaches it before paint. Not in useState's initializer:
  // the server renders without it, and hydration must see the same first render.
  useLayoutEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- before paint, once, and only when the code is already here
    if (!ready && isAssignMenuPopupLoaded()) setReady(true);
  }, [ready]);
  useEffect(() => {
    if (ready) return;
    let live = true;
    const fetchMenu = () => {
      loadAssignMenuPopup().then(
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
  return ready;
}
