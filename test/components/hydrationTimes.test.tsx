import { afterEach, describe, expect, it, vi } from 'vitest';
import { act } from '@testing-library/react';
import { renderToString } from 'react-dom/server';
import { hydrateRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { ConversationList, InboxProvider, createInboxStore, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import type { DehydratedInbox } from 'inboxkit';

// Server HTML made in another time zone (or a moment earlier) than the browser's: a
// server in UTC writes "Yesterday" where a browser in UTC+14 reads "Today". The rows'
// times must hydrate without a mismatch error and then show the browser's labels.

let root: Root | undefined;
afterEach(() => {
  act(() => root?.unmount());
  root = undefined;
  document.body.innerHTML = '';
});

async function snapshot(): Promise<DehydratedInbox> {
  const server = createInboxStore({ adapter: createMemoryAdapter({ seed: 5, size: 30 }), pollIntervalMs: 0, storage: createMemoryStorage() });
  await server.fetchList({});
  const state = server.dehydrate();
  server.destroy();
  return JSON.parse(JSON.stringify(state)) as DehydratedInbox;
}

describe('hydrating server-rendered times', () => {
  it("shows the browser's time labels after hydration, with no mismatch error, where the server wrote others", async () => {
    const initialState = await snapshot();
    const adapter = createMemoryAdapter({ seed: 5, size: 30 });
    const tree = () => (
      <InboxProvider adapter={adapter} initialState={initialState} storage={createMemoryStorage()} pollIntervalMs={0}>
        <ConversationList query={{}} />
      </InboxProvider>
    );
    // Rendered as on a server, where there is no document.
    vi.stubGlobal('document', undefined);
    let html: string;
    try {
      html = renderToString(tree());
    } finally {
      vi.unstubAllGlobals();
    }
    const labels = [...html.matchAll(/<time class="ik-row-time"[^>]*>([^<]*)<\/time>/g)].map((m) => m[1]);
    expect(labels.length).toBeGreaterThan(3);
    expect(labels.every((label) => label !== '')).toBe(true);
    // As the server in another time zone wrote them.
    const elsewhere = html.replace(/(<time class="ik-row-time"[^>]*>)[^<]*(<\/time>)/g, '$1Elsewhere$2');

    const container = document.createElement('div');
    container.innerHTML = elsewhere;
    document.body.append(container);
    const recoverable = vi.fn();
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    await act(async () => {
      root = hydrateRoot(container, tree(), { onRecoverableError: recoverable });
    });
    await act(async () => {});

    expect(recoverable).not.toHaveBeenCalled();
    expect(errors).not.toHaveBeenCalled();
    const shown = [...container.querySelectorAll('time.ik-row-time')].map((el) => el.textContent);
    expect(shown).not.toContain('Elsewhere');
    expect(shown.slice(0, labels.length)).toEqual(labels);
    // Hydrated, not rebuilt: the server's row elements are still the ones on the page.
    expect(container.querySelectorAll('[role="option"]').length).toBe(labels.length);
  });
});
