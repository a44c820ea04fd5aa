import { defaultMessages } from './messages.js';
import type { InboxMessages } from './messages.js';
import { useStoreContext } from './storeContext.js';
import type { InboxStoreContextValue } from './storeContext.js';

export { InboxContext } from './storeContext.js';
export type { DateLocale } from './storeContext.js';

/** The inbox context as components read it: the UI strings with the defaults filled in. */
export interface InboxContextValue extends Omit<InboxStoreContextValue, 'messages'> {
  /** UI strings, defaults filled in. */
  messages: InboxMessages;
}

// One merge per override object and one value per provider value, so what components read keeps its
// identity across renders (memoized parts see no change) and the English catalog is loaded only here.
const mergedMessages = new WeakMap<Partial<InboxMessages>, InboxMessages>();
const uiValues = new WeakMap<InboxStoreContextValue, InboxContextValue>();

/** The host's strings over the English defaults. */
export function withDefaultMessages(overrides: Partial<InboxMessages> | undefined): InboxMessages {
  if (!overrides) return defaultMessages;
  let merged = mergedMessages.get(overrides);
  if (!merged) mergedMessages.set(overrides, (merged = { ...defaultMessages, ...overrides }));
  return merged;
}

/** The inbox context with the UI strings filled in, or a loud error naming the component and the provider it needs. */
export function useInboxContext(hookName: string): InboxContextValue {
  const value = useStoreContext(hookName);
  let ui = uiValues.get(value);
  if (!ui) uiValues.set(value, (ui = { ...value, messages: withDefaultMessages(value.messages) }));
  return ui;
}
