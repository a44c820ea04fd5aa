import { createContext, useContext } from 'react';

// The outermost InboxKit element carries the theme tokens (`ik-theme`).
// Nested parts must not redefine them, or a host's override on the outer
// element would be undone inside.
export const ThemeScopeContext = /* @__PURE__ */ createContext(false);

/** `ik-theme` for the outermost InboxKit element, nothing for nested ones. */
export function useThemeClass(): string | undefined {
  return useContext(ThemeScopeContext) ? undefined : 'ik-theme';
}
