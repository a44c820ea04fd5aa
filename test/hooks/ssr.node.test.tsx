import { afterEach, describe, expect, it } from 'vitest';

// Server rendering must touch no browser global: they are traps here, installed
// before the package is even imported, and every touch is recorded (a throw alone
// could be swallowed by a try/catch somewhere inside).
const TRAPPED = ['window', 'document', 'localStorage'] as const;
const touched: string[] = [];

function installTraps() {
  for (const name of TRAPPED) {
    Object.defineProperty(globalThis, name, {
      configurable: true,
      get() {
        touched.push(name);
        throw new Error(`${name} was touched during server rendering`);
      },
    });
  }
}

function removeTraps() {
  for (const name of TRAPPED) delete (globalThis as Record<string, unknown>)[name];
}

afterEach(removeTraps);

describe('server-side rendering', () => {
  // Importing the whole package cold takes seconds on a busy machine; nothing here is timed.
  it('renders the provider and every hook with renderToString, touching no window, document or localStorage', { timeout: 60_000 }, async () => {
    expect(TRAPPED.filter((name) => name in globalThis)).toEqual([]); // plain Node: nothing to hide
    // React's server renderer is loaded first; it is not what is under test.
    const { renderToString } = await import('react-dom/server');
    // Radix checks `typeof window` when imported: safe on a real
    // server (window is undefined there), but a trap cannot tell a guard from a use. Our own
    // modules are imported only after the traps are set.
    await import('@radix-ui/react-dropdown-menu');
    installTraps();
    const kit = await import('inboxkit');

    function Everything() {
      const list = kit.useConversations({ status: 'open' });
      const ids = kit.useConversationIds({ limit: 50 });
      const cached = kit.useCachedConversation('conv_1');
      const one = kit.useConversation('conv_1');
      const { pending: assigning } = kit.useAssignConversation();
      const { pending: resolving } = kit.useResolveConversation();
      const note = kit.useAddNote('conv_1');
      const assignees = kit.useAssignees();
      const capabilities = kit.useCapabilities();
      kit.useInboxEvents(() => {});
      return (
        <main>
          <p>list {list.status}</p>
          <p>ids {ids.ids.length}</p>
          <p>cached {cached ? 'yes' : 'no'}</p>
          <p>one {one.status}</p>
          <p>
            mutations {String(assigning)} {String(resolving)}
          </p>
          <p>draft [{note.draft}] notes {String(note.supported)}</p>
          <p>assignees {assignees.status}</p>
          <p>teams {String(capabilities.teams)}</p>
        </main>
      );
    }

    const html = renderToString(
      <kit.InboxProvider adapter={kit.createMemoryAdapter({ size: 5 })} currentUser={{ id: 'user_me', name: 'Me' }}>
        <Everything />
      </kit.InboxProvider>,
    );
    expect(touched).toEqual([]);
    expect(html).toContain('list <!-- -->loading');
    expect(html).toContain('one <!-- -->loading');
    expect(html).toContain('cached <!-- -->no');
    expect(html).toContain('teams <!-- -->true');

    // The styled inbox too: the list renders its loading skeleton, the view its prompt.
    const inboxHtml = renderToString(
      <kit.InboxProvider adapter={kit.createMemoryAdapter({ size: 5 })}>
        <kit.Inbox />
      </kit.InboxProvider>,
    );
    expect(touched).toEqual([]);
    expect(inboxHtml).toContain('ik-inbox');
    expect(inboxHtml).toContain('Select a conversation');
  });
});
