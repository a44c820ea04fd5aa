import { lazy } from 'react';
import { lazyCode, useLazyCode } from '../shared/lazyCode.js';

// The Radix menu is most of the inbox's weight and is not needed for the
// first paint: it is fetched once per page, on idle or on first use. Only
// the code is cached here (as React.lazy caches it), never inbox state.
const popupCode = /* @__PURE__ */ lazyCode(() => import('./AssignMenuPopup.js'));

/** Starts (or joins) the download of the menu's Radix part; a failed download may be retried. */
export const loadAssignMenuPopup = () => popupCode.load();

/** Whether the Radix part is already here (a second menu on the page needs no fallback). */
export const isAssignMenuPopupLoaded = (): boolean => popupCode.loaded() !== undefined;

/** Rendered only once the module has arrived, so it never suspends for long and never rejects. */
// Pure: a host that never renders AssignMenu tree-shakes it, and with it the import of the Radix part.
export const LazyAssignMenuPopup = /* @__PURE__ */ lazy(() => popupCode.load().then((module) => ({ default: module.AssignMenuPopup })));

/**
 * Whether the menu's Radix part may render: fetched when the browser is first
 * idle, or at once when the menu is asked open (`setOpen(false)` if that
 * fails, so the next click tries again). Starts false on the server and the
 * client alike, so hydration matches.
 */
export function useAssignMenuCode(isOpen: boolean, setOpen: (open: boolean) => void): boolean {
  // If the download fails while the menu is asked open, it closes: the next click tries again.
  return useLazyCode(popupCode, isOpen, 'the assign menu', () => isOpen && setOpen(false)) !== undefined;
}
