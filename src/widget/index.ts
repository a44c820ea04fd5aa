// `inboxkit/widget`: the inbox for pages that are not React apps. Importing it
// registers <inbox-kit> (where custom elements exist).
import { defineInboxKitElement } from './element.js';

export { mountInbox } from './mountInbox.js';
export type { MountedInbox } from './mountInbox.js';
export { defineInboxKitElement } from './element.js';
export type { WidgetOptions, WidgetAdapterOptions } from './options.js';

defineInboxKitElement();
