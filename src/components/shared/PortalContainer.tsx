import { createContext, useContext } from 'react';

/** Where menus portal to: `document.body` by default, the shadow root in the widget. */
export const PortalContainerContext = /* @__PURE__ */ createContext<HTMLElement | null>(null);

export function usePortalContainer(): HTMLElement | undefined {
  return useContext(PortalContainerContext) ?? undefined;
}
