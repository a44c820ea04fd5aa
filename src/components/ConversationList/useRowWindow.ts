import { useCallback, useLayoutEffect, useState } from 'react';
import type { RefObject } from 'react';
import { flushSync } from 'react-dom';

/**
 * Rows assumed in view before the scroller is measured: on the server, in
 * jsdom (no layout), in a hidden container. A 76 px row × 11 covers the usual
 * 800 px inbox, so the browser's first measurement changes nothing there.
 */
export const INITIAL_ROWS_IN_VIEW = 11;

export interface RowWindow {
  /** First and last row index to render (overscan included); last < first when there are none. */
  first: number;
  last: number;
  /** The scroller's content height. */
  totalSize: number;
  /** Scrolls the least needed to show the row (nothing when it is in view). */
  scrollToIndex: (index: number) => void;
}

/**
 * Windowing for fixed-height rows: which rows to render follows from the
 * scroll offset and the viewport height alone, so it costs the same at 100
 * rows as at 100,000, and nothing is measured or rebuilt when rows change
 * order or content. The scroller is read only in events (scroll, resize), never
 * during render, so the list renders on a server and its mount forces no layout.
 */
export function useRowWindow(scrollRef: RefObject<HTMLElement | null>, shown: boolean, count: number, rowHeight: number, overscan: number): RowWindow {
  // The scroll offset, updated only when it crosses a row boundary (a re-render per row scrolled, not per pixel).
  const [scrollTop, setScrollTop] = useState(0);
  const [rowsInView, setRowsInView] = useState(INITIAL_ROWS_IN_VIEW);

  useLayoutEffect(() => {
    const el = scrollRef.current;
    if (!el || !shown) return;
    const onScroll = () => {
      const top = el.scrollTop;
      setScrollTop((previous) => (Math.floor(previous / rowHeight) === Math.floor(top / rowHeight) ? previous : top));
    };
    el.addEventListener('scroll', onScroll, { passive: true });
    // The first observation arrives after layout and before paint; rendering it synchronously fills a
    // taller viewport in the same frame. Nothing re-renders when the row count it implies is unchanged.
    const observer =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            const height = entries[entries.length - 1]!.contentRect.height;
            // The rows a top-aligned viewport cuts into. Scrolled part-way into a row, one more shows at the
            // bottom: the overscan covers it, as it does for a virtual list (which renders the same rows).
            if (height > 0) flushSync(() => setRowsInView(Math.ceil(height / rowHeight)));
          });
    observer?.observe(el);
    return () => {
      el.removeEventListener('scroll', onScroll);
      observer?.disconnect();
    };
  }, [scrollRef, shown, rowHeight]);

  const scrollToIndex = useCallback(
    (index: number) => {
      const el = scrollRef.current;
      if (!el) return;
      const start = index * rowHeight;
      const view = el.scrollTop;
      const height = el.clientHeight || INITIAL_ROWS_IN_VIEW * rowHeight;
      let target: number;
      if (start < view) target = start;
      else if (start + rowHeight > view + height) target = start + rowHeight - height;
      else return;
      if (typeof el.scrollTo === 'function') el.scrollTo({ top: target });
      else el.scrollTop = target;
    },
    [scrollRef, rowHeight],
  );

  const firstInView = Math.min(Math.floor(scrollTop / rowHeight), Math.max(0, count - 1));
  return {
    first: Math.max(0, firstInView - overscan),
    last: Math.min(count - 1, firstInView + rowsInView - 1 + overscan),
    totalSize: count * rowHeight,
    scrollToIndex,
  };
}
