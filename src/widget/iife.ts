// The script-tag build's entry: everything bundled; the build names it
// `InboxKit`, so these exports become `window.InboxKit`.
export { mountInbox as mount, mountInbox, defineInboxKitElement as defineElement } from './index.js';

/** The InboxKit version this bundle was built from. */
export const version: string = __INBOXKIT_VERSION__;
