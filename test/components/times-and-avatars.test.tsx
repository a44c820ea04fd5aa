import '@testing-library/jest-dom/vitest';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ConversationList, ConversationView, InboxProvider, createMemoryAdapter, createMemoryStorage } from 'inboxkit';
import type { Conversation } from 'inboxkit';
import { conversation } from '../hooks/helpers';

afterEach(cleanup);

/** A conversation whose last activity is `offsetMs` from the real clock (negative: in the past). */
function at(id: string, name: string, offsetMs: number, overrides: Partial<Conversation> = {}): Conversation {
  const iso = new Date(Date.now() + offsetMs).toISOString();
  return conversation(id, name, { updatedAt: iso, lastMessage: { text: `Hello from ${name}`, timestamp: iso, direction: 'inbound' }, ...overrides });
}

function renderList(conversations: Conversation[]) {
  return render(
    <InboxProvider adapter={createMemoryAdapter({ conversations })} pollIntervalMs={0} storage={createMemoryStorage()}>
      <ConversationList />
    </InboxProvider>,
  );
}

const timeOf = async (name: string) => (await screen.findByRole('option', { name: new RegExp(name) })).querySelector('time')?.textContent;

describe('list times near now', () => {
  it('reads "now" within a minute either side of the clock (a server clock slightly ahead)', async () => {
    renderList([at('conv_1', 'Ahead', 5_000), at('conv_2', 'Behind', -50_000), at('conv_3', 'Almost', 59_000)]);
    expect(await timeOf('Ahead')).toBe('now');
    expect(await timeOf('Behind')).toBe('now');
    expect(await timeOf('Almost')).toBe('now');
  });

  it('never shows a date for a time later today than the clock: the clock time instead', async () => {
    const ahead = new Date(Date.now() + 3 * 60_000);
    // Only meaningful while "3 minutes from now" is still today.
    if (ahead.getDate() !== new Date().getDate()) return;
    renderList([at('conv_1', 'Skewed', 3 * 60_000)]);
    const label = await timeOf('Skewed');
    expect(label).toMatch(/\d{1,2}:\d{2}/);
    expect(label).not.toMatch(/Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec/);
  });

  it('still reads minutes for the past', async () => {
    renderList([at('conv_1', 'Earlier', -5 * 60_000 - 1_000)]);
    expect(await timeOf('Earlier')).toBe('5m');
  });
});

function renderView(c: Conversation) {
  return render(
    <InboxProvider adapter={createMemoryAdapter({ conversations: [c] })} pollIntervalMs={0} storage={createMemoryStorage()}>
      <ConversationView conversationId={c.id} />
    </InboxProvider>,
  );
}

describe('avatars', () => {
  it('take letters only for initials, in any script', async () => {
    const names: Array<[string, string]> = [
      ['🐱 Cat Lover', 'CL'],
      ['🐱Cat', 'C'],
      ['Ada 🚀 Lovelace 🎉', 'AL'],
      ['فاطمة الزهراء', 'فا'],
      ['田中 ゆき', '田ゆ'],
      ['🎉🎉', '?'],
    ];
    for (const [name, expected] of names) {
      const { container } = renderView(conversation('conv_1', name, { contact: { id: 'contact_1', name } }));
      await screen.findByRole('heading', { level: 2 });
      expect(container.querySelector('.ik-view-header .ik-avatar-initials')).toHaveTextContent(expected);
      cleanup();
    }
  });

  it('keep a picture invisible until it loads, and fall back to initials when it fails', async () => {
    const { container } = renderView(
      conversation('conv_1', 'Ann Good', { contact: { id: 'contact_1', name: 'Ann Good', avatarUrl: 'https://cdn.example.com/missing.png' } }),
    );
    await screen.findByRole('heading', { level: 2 });
    const img = container.querySelector<HTMLImageElement>('.ik-view-header img')!;
    expect(img).toHaveAttribute('src', 'https://cdn.example.com/missing.png');
    // Not loaded yet: the stylesheet hides images without data-loaded.
    expect(img).not.toHaveAttribute('data-loaded');
    fireEvent.error(img);
    expect(container.querySelector('.ik-view-header img')).toBeNull();
    expect(container.querySelector('.ik-view-header .ik-avatar-initials')).toHaveTextContent('AG');
  });

  it('show a picture once it has loaded', async () => {
    const { container } = renderView(
      conversation('conv_1', 'Ann Good', { contact: { id: 'contact_1', name: 'Ann Good', avatarUrl: 'https://cdn.example.com/ann.png' } }),
    );
    await screen.findByRole('heading', { level: 2 });
    const img = container.querySelector<HTMLImageElement>('.ik-view-header img')!;
    fireEvent.load(img);
    expect(img).toHaveAttribute('data-loaded', '');
  });
});
