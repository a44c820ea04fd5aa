import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationView, InboxError, InboxProvider, createMemoryAdapter, createMemoryStorage, createMockHandler, createWhatsAppAdapter } from 'inboxkit';
import type { AssigneeDirectory, ConversationsAdapter } from 'inboxkit';
import { conversation } from '../hooks/helpers';

// Radix menus use layout and pointer APIs that jsdom lacks; these stubs only keep Radix from throwing.
afterEach(cleanup);

function renderView(adapter: ConversationsAdapter, directory?: AssigneeDirectory) {
  return render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} undoMs={0} storage={createMemoryStorage()} directory={directory}>
      <ConversationView conversationId="conv_1" />
    </InboxProvider>,
  );
}

describe('refused assign and resolve in the conversation view', () => {
  it('a WhatsApp 403 sits in its own row under the header, in words, with the HTTP detail in the title', async () => {
    const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada', { messages: null })], profile: 'whatsapp' });
    const adapter = createWhatsAppAdapter({ baseUrl: 'http://mock.test', headers: { Authorization: 'Bearer inboxkit-mock-token' }, fetch: createMockHandler({ flavour: 'whatsapp', backend }), retry: false });
    const user = userEvent.setup();
    const { container } = renderView(adapter, { users: [{ id: 'user_stranger', name: 'Stranger Danger' }], teams: [] });
    await user.click(await screen.findByRole('button', { name: /^Assign/ }));
    await user.click(await screen.findByRole('menuitemradio', { name: 'Stranger Danger' }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-slot', 'assign-error');
    expect(alert).toHaveTextContent('Not assigned. This person is not a member of this organization.');
    // Not in the header, where it pushed the status badge to a second line.
    const header = container.querySelector('.ik-view-header')!;
    expect(header.contains(alert)).toBe(false);
    expect(header.nextElementSibling).toBe(alert);
    // The server's words and status are there for whoever needs them, not in the sentence.
    expect(alert.querySelector('[title]')).toHaveAttribute('title', 'HTTP 403: User is not a member of this organization');
    expect(alert).not.toHaveTextContent('403');
    const trigger = screen.getByRole('button', { name: /^Assign/ });
    expect(trigger).toHaveAccessibleDescription('Not assigned. This person is not a member of this organization.');

    await user.click(within(alert).getByRole('button', { name: 'Dismiss' }));
    expect(screen.queryByRole('alert')).toBeNull();
  }, 20_000);

  it('a refused resolve reads as a sentence for its code', async () => {
    const backend = createMemoryAdapter({ conversations: [conversation('conv_1', 'Ada')] });
    const adapter: ConversationsAdapter = {
      ...backend,
      resolveConversation: () => Promise.reject(new InboxError('network', 'fetch failed: ECONNREFUSED 10.0.0.3:443')),
    };
    const user = userEvent.setup();
    renderView(adapter);
    await user.click(await screen.findByRole('button', { name: 'Resolve' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveAttribute('data-slot', 'resolve-error');
    expect(alert).toHaveTextContent('Not resolved. The server could not be reached. Check the connection and try again.');
    expect(alert).not.toHaveTextContent('ECONNREFUSED');
    expect(alert.querySelector('[title]')).toHaveAttribute('title', 'fetch failed: ECONNREFUSED 10.0.0.3:443');
    expect(screen.getByRole('button', { name: 'Resolve' })).toBeEnabled();
  }, 20_000);
});
