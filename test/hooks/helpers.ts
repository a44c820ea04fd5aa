import type { Conversation } from 'inboxkit';

/** A small hand-written conversation, for tests that need to know exactly what a row says. */
export function conversation(id: string, name: string, overrides: Partial<Conversation> = {}): Conversation {
  return {
    id,
    contactId: `contact_${id}`,
    contact: { id: `contact_${id}`, name },
    channel: 'whatsapp',
    status: 'open',
    assignee: null,
    lastMessage: { text: `Hello from ${name}`, timestamp: '2026-05-01T10:00:00.000Z', direction: 'inbound' },
    messages: [],
    unreadCount: 0,
    aiHandling: false,
    labels: [],
    metadata: {},
    createdAt: '2026-05-01T09:00:00.000Z',
    updatedAt: '2026-05-01T10:00:00.000Z',
    closedAt: null,
    closedBy: null,
    ...overrides,
  };
}

/** A promise the test settles by hand, to hold a request in flight. */
export function deferred<T = void>() {
  let resolve!: (value: T) => void;
  let reject!: (reason: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Collects unhandled promise rejections while a test runs. */
export function trackUnhandledRejections() {
  const seen: unknown[] = [];
  const onRejection = (reason: unknown) => void seen.push(reason);
  process.on('unhandledRejection', onRejection);
  return { seen, stop: () => void process.off('unhandledRejection', onRejection) };
}
