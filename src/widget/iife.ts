// The script-tag build's entry: a small classic script (no React in it); the
// build names it `InboxKit`, so these exports become `window.InboxKit` at
// once, and `mount` renders when the inbox's chunk has arrived.
import { loadRuntime } from './load.js';

export { mountInbox as mount, mountInbox, defineInboxKitElement as defineElement } from './index.js';

/** The InboxKit version this bundle was built from. */
export const version: string = __INBOXKIT_VERSION__;

// A page that loads the script means to mount: start fetching the inbox now, not at the first mount.
// (A failure here is reported by the mount that needs it.)
loadRuntime().catch(() => {});
