import '@testing-library/jest-dom/vitest';
import { cleanup, render, renderHook, screen } from '@testing-library/react';
import type { ReactNode } from 'react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationList, InboxProvider, createMemoryAdapter, createMemoryStorage, defaultMessages, useInboxMessages } from 'inboxkit';
import type { InboxMessages } from 'inboxkit';
import { conversation } from './helpers';

afterEach(cleanup);

const adapter = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')] });

function provider(messages: Partial<InboxMessages> | undefined) {
  return function Wrapper({ children }: { children: ReactNode }) {
    return (
      <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} messages={messages}>
        {children}
      </InboxProvider>
    );
  };
}

describe('the provider messages, filled in where components read them', () => {
  it('gives the English defaults when the provider has none', () => {
    const { result } = renderHook(() => useInboxMessages(), { wrapper: provider(undefined) });
    expect(result.current.messages).toBe(defaultMessages);
  });

  it('lays a partial override over the defaults, keeping every other string', () => {
    const { result } = renderHook(() => useInboxMessages(), { wrapper: provider({ resolve: 'Erledigen' }) });
    expect(result.current.messages.resolve).toBe('Erledigen');
    expect(result.current.messages.assign).toBe(defaultMessages.assign);
    expect(Object.keys(result.current.messages)).toEqual(Object.keys(defaultMessages));
  });

  it('merges once per override object: the same object gives the same messages across renders and components', () => {
    const overrides = { resolve: 'Erledigen' };
    const seen: InboxMessages[] = [];
    function Reader() {
      seen.push(useInboxMessages().messages);
      return null;
    }
    const Wrapper = provider(overrides);
    const { rerender } = render(
      <Wrapper>
        <Reader />
        <Reader />
      </Wrapper>,
    );
    rerender(
      <Wrapper>
        <Reader />
        <Reader />
      </Wrapper>,
    );
    expect(seen).toHaveLength(4);
    expect(new Set(seen).size).toBe(1);
    // A new override object is a new merge.
    const { result } = renderHook(() => useInboxMessages(), { wrapper: provider({ resolve: 'Erledigen' }) });
    expect(result.current.messages).not.toBe(seen[0]);
    expect(result.current.messages.resolve).toBe('Erledigen');
  });

  it('reaches the components: a list named by the override, its loading text from the defaults', async () => {
    const Wrapper = provider({ conversations: 'Gespräche' });
    render(
      <Wrapper>
        <ConversationList />
      </Wrapper>,
    );
    // Loading says the default; once loaded, the list carries the host's name.
    expect(screen.getByRole('status', { name: defaultMessages.loading })).toBeInTheDocument();
    expect(await screen.findByRole('listbox', { name: 'Gespräche' })).toBeInTheDocument();
  });
});
