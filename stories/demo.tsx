import { useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { ar, de, enUS, es, fr, pt } from 'date-fns/locale';
import type { Locale } from 'date-fns';
import { createMemoryAdapter, createMemoryStorage, createMockHandler, createWaplyAdapter, createWhatsAppAdapter, InboxProvider } from '../src/index.js';
import type { AdapterCapabilities, Assignee, Conversation, ConversationsAdapter, CurrentUser, InboxMessages, MemoryAdapter } from '../src/index.js';

export type DemoFlavour = 'memory' | 'whatsapp' | 'waply';

export interface DemoOptions {
  flavour?: DemoFlavour;
  seed?: number;
  size?: number;
  latencyMs?: number;
  failureRate?: number;
  /** Start demo traffic (incoming messages) every few seconds. */
  live?: boolean;
  locale?: keyof typeof LOCALES;
  /** Wrap the adapter, e.g. to make one operation fail. */
  wrap?: (adapter: ConversationsAdapter) => ConversationsAdapter;
  capabilities?: Partial<AdapterCapabilities>;
  /** Serve exactly these conversations instead of generated ones. Keep the array stable (module level). */
  conversations?: Conversation[];
  /** People the host offers besides the backend's own (e.g. one the backend does not know). Keep it stable. */
  extraUsers?: Assignee[];
  /** UI strings to replace (a translation). Keep it stable (module level). */
  messages?: Partial<InboxMessages>;
  /** The provider's undo window for resolves (its default when absent). */
  undoMs?: number;
}

export const LOCALES: Record<string, Locale> = { en: enUS, ar, de, es, fr, pt };

// The memory backend's first user plays the signed-in agent.
function firstUser(assignees: Assignee[]): CurrentUser | null {
  const user = assignees.find((a) => a.type === 'user');
  return user ? { id: user.id, name: user.name, email: user.email } : null;
}

/** A backend for stories: memory directly, or WhatsApp/Waply through the mock handler as `fetch` (no network). */
export function useDemoBackend({ flavour = 'memory', seed = 7, size = 300, latencyMs = 0, failureRate = 0, live = false, wrap, conversations, extraUsers }: DemoOptions) {
  const backend: MemoryAdapter = useMemo(
    () => createMemoryAdapter({ seed, size, latencyMs, failureRate, conversations, profile: flavour === 'memory' ? 'full' : flavour }),
    [flavour, seed, size, latencyMs, failureRate, conversations],
  );
  const adapter = useMemo(() => {
    let made: ConversationsAdapter = backend;
    if (flavour === 'whatsapp') {
      made = createWhatsAppAdapter({
        baseUrl: 'https://whatsapp.example',
        headers: { Authorization: 'Bearer inboxkit-mock-token' },
        fetch: createMockHandler({ flavour: 'whatsapp', backend }),
        retry: { retries: 1, baseDelayMs: 200 },
      });
    } else if (flavour === 'waply') {
      made = createWaplyAdapter({
        apiKey: 'inboxkit-mock-token',
        baseUrl: 'https://waply.example/v1',
        fetch: createMockHandler({ flavour: 'waply', backend }),
        retry: { retries: 1, baseDelayMs: 200 },
      });
    }
    return wrap ? wrap(made) : made;
  }, [backend, flavour, wrap]);
  const [assignees, setAssignees] = useState<Assignee[]>([]);
  useEffect(() => {
    let live = true;
    void backend.listAssignees().then((found) => live && setAssignees(found));
    return () => {
      live = false;
    };
  }, [backend]);
  useEffect(() => (live ? backend.simulate.start(4000) : undefined), [backend, live]);
  const directory = useMemo(
    () => ({ users: [...assignees.filter((a) => a.type === 'user'), ...(extraUsers ?? [])], teams: assignees.filter((a) => a.type === 'team') }),
    [assignees, extraUsers],
  );
  return { backend, adapter, currentUser: firstUser(assignees), directory };
}

/** InboxProvider over a demo backend. */
export function DemoProvider({ children, options }: { children: ReactNode; options: DemoOptions }) {
  const { adapter, currentUser, directory } = useDemoBackend(options);
  // Stories start clean: drafts live in memory, not in the browser's storage.
  const [storage] = useState(() => createMemoryStorage());
  return (
    <InboxProvider
      adapter={adapter}
      currentUser={currentUser}
      directory={adapter.listAssignees ? undefined : directory}
      locale={LOCALES[options.locale ?? 'en']}
      messages={options.messages}
      pollIntervalMs={15_000}
      undoMs={options.undoMs}
      storage={storage}
    >
      {children}
    </InboxProvider>
  );
}

/** Sizes a story's component like a host page would: the frame's height, an optional width. */
export function Frame({ width, children }: { width?: number; children: ReactNode }) {
  return <div style={{ blockSize: '100%', inlineSize: width, maxInlineSize: '100%' }}>{children}</div>;
}
