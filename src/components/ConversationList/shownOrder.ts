import { createContext, useContext, useLayoutEffect } from 'react';

/**
 * Where a list tells the inbox around it which order it shows, while that is
 * not the store's (held still under the agent), so j/k step through the rows
 * on screen. `null` means the store's order.
 */
export const ShownOrderContext = /* @__PURE__ */ createContext<((ids: readonly string[] | null) => void) | null>(null);

/** Tells the inbox around (if any) the order shown, after each commit. */
export function useShareShownOrder(shown: readonly string[], stored: readonly string[]): void {
  const share = useContext(ShownOrderContext);
  const own = shown !== stored ? shown : null;
  useLayoutEffect(() => {
    if (!share) return;
    share(own);
    return () => share(null);
  }, [share, own]);
}
