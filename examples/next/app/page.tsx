// A server component: it fetches the first page from Waply with the key (server side only), and
// hands the client inbox a snapshot, so the first HTML already has the rows and the browser does
// not ask for page 1 again. Under the react-server condition `inboxkit` is `inboxkit/core`: the
// adapters and the store, no React components.
import { createInboxStore, createWaplyAdapter } from 'inboxkit';
import type { DehydratedInbox } from 'inboxkit';
import { SupportInbox } from './SupportInbox';
import { waplyUpstream } from './waply';

// Fresh data on every request (and no request to Waply at build time).
export const dynamic = 'force-dynamic';

export default async function Page() {
  const store = createInboxStore({ adapter: createWaplyAdapter(waplyUpstream()), pollIntervalMs: 0 });
  let initialState: DehydratedInbox;
  try {
    // The query the inbox shows first: `<Inbox />` starts with every conversation.
    await store.fetchList({});
    // A list that failed is left out: the browser then loads it, and shows the error with a retry.
    initialState = store.dehydrate();
  } finally {
    store.destroy();
  }
  return (
    <main style={{ height: '100vh' }}>
      <SupportInbox initialState={initialState} />
    </main>
  );
}
