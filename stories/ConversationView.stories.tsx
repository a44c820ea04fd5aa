import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConversationView, useConversations } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoFlavour, DemoOptions } from './demo.js';
import { AI_CONVERSATIONS, ARABIC_CONVERSATIONS, failingSwitch, HTML_CONVERSATIONS, LONG_CONVERSATIONS, neverDetail, OUTSIDER, replyWindowMinutesLeft, TRIAGE_CONVERSATIONS } from './fixtures.js';

interface Args {
  flavour: DemoFlavour;
  latencyMs: number;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  locale: 'en' | 'ar' | 'de' | 'es' | 'fr' | 'pt';
}

/** The newest conversation of the backend (the view itself takes an id). */
function FirstConversation() {
  const { conversations } = useConversations({ limit: 1 });
  // Pin the first one: a note or a resolve makes another conversation the newest.
  const [pinned, setPinned] = useState<string | null>(null);
  const newest = conversations[0]?.id ?? null;
  if (pinned === null && newest !== null) setPinned(newest);
  return <ConversationView conversationId={pinned ?? newest} />;
}

/** A render that shows one conversation (or the newest) on a demo backend. */
const viewOn =
  (id: string | null, extra: Partial<DemoOptions> = {}) =>
  ({ flavour, latencyMs, locale }: Args) => (
    <DemoProvider options={{ flavour, latencyMs, locale, size: 40, ...extra }}>
      <Frame width={760}>{id === null ? <FirstConversation /> : <ConversationView conversationId={id} />}</Frame>
    </DemoProvider>
  );

const meta: Meta<Args> = {
  title: 'ConversationView',
  component: ConversationView as never,
  args: { flavour: 'memory', latencyMs: 0, theme: 'light', dir: 'ltr', locale: 'en' },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    locale: { control: 'select', options: ['en', 'ar', 'de', 'es', 'fr', 'pt'] },
  },
  render: viewOn(null),
};
export default meta;

type Story = StoryObj<Args>;

/** No horizontal overflow: long words wrap, long names wrap. */
async function expectNoOverflow(canvasElement: HTMLElement) {
  const view = canvasElement.querySelector<HTMLElement>('.ik-view')!;
  await expect(view.scrollWidth).toBeLessThanOrEqual(view.clientWidth + 1);
  const timeline = canvasElement.querySelector<HTMLElement>('.ik-timeline');
  if (timeline) await expect(timeline.scrollWidth).toBeLessThanOrEqual(timeline.clientWidth + 1);
}

/** History grouped by day, notes in the timeline; add a note with Ctrl+Enter; resolve. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = await canvas.findByRole('heading', { level: 2 });
    await expect(heading).toBeVisible();
    const log = canvas.getByRole('log');
    await waitFor(() => expect(log.querySelectorAll('[data-slot="message"]').length).toBeGreaterThan(0));
    await expect(log.querySelector('[data-direction="inbound"]')).not.toBeNull();

    const note = canvas.getByRole('textbox', { name: /Internal note/ });
    await userEvent.type(note, 'Refund approved{Shift>}{Enter}{/Shift}by finance');
    await expect(note).toHaveValue('Refund approved\nby finance');
    await userEvent.keyboard('{Control>}{Enter}{/Control}');
    await waitFor(() => expect(note).toHaveValue(''));
    const added = await within(log).findByText(/Refund approved/, { selector: '.ik-note .ik-message-text' });
    await expect(added.closest('[data-slot="note"]')).toHaveTextContent('Only visible to your team');

    const resolve = canvas.getByRole('button', { name: 'Resolve' });
    if (!(resolve as HTMLButtonElement).disabled) {
      await userEvent.click(resolve);
      await waitFor(() => expect(canvas.getByRole('button', { name: 'Resolved' })).toBeDisabled());
    }
  },
};

/**
 * WhatsApp refuses an assignee outside the organization (403): the refusal
 * sits in its own row under the header, in words, with the HTTP detail in its
 * title; the header keeps its line (the status badge beside the channel).
 */
export const AssignRefused: Story = {
  args: { flavour: 'whatsapp' },
  render: viewOn('conv_ai-handling', { conversations: AI_CONVERSATIONS, extraUsers: OUTSIDER }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { level: 2, name: 'Alan Turing' });
    await userEvent.click(canvas.getByRole('button', { name: /^Assign/ }));
    await userEvent.click(await within(document.body).findByRole('menuitemradio', { name: 'Olive Outsider' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Not assigned. This person is not a member of this organization.');
    await expect(alert.querySelector('[title]')).toHaveAttribute('title', 'HTTP 403: User is not a member of this organization');
    const header = canvasElement.querySelector('.ik-view-header')!;
    await expect(header.nextElementSibling).toBe(alert);
    const channel = header.querySelector('.ik-row-channel')!.getBoundingClientRect();
    const badge = header.querySelector('[data-slot="status-badge"]')!.getBoundingClientRect();
    await expect(Math.abs(badge.top + badge.height / 2 - (channel.top + channel.height / 2))).toBeLessThan(4);
  },
};

/** The conversation never arrives: a loading status, not an empty pane. */
export const Loading: Story = {
  render: viewOn('conv_ai-escalated', { conversations: AI_CONVERSATIONS, wrap: neverDetail }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    // The view's other status region (the Undo line) is empty: pick the loading one by its text.
    await expect((await canvas.findByText('Loading…')).closest('[role="status"]')).toHaveAttribute('data-slot', 'loading');
  },
};

/** An id the backend does not know. */
export const NotFound: Story = {
  render: viewOn('no-such-conversation', { conversations: AI_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('alert')).toHaveTextContent('This conversation no longer exists.');
  },
};

/** No conversation chosen yet. */
export const NothingSelected: Story = {
  render: viewOn('', { conversations: AI_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('Select a conversation to see it here.')).toBeVisible();
  },
};

const detailFailure = failingSwitch('getConversation');

/** Loading fails: the reason and Retry, which works once the backend recovers. */
export const ErrorWithRetry: Story = {
  render: viewOn('conv_ai-escalated', { conversations: AI_CONVERSATIONS, wrap: detailFailure.wrap }),
  beforeEach: () => {
    detailFailure.state.failing = true;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('This conversation could not be loaded.');
    detailFailure.state.failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await expect(await canvas.findByRole('heading', { level: 2, name: 'Grace Hopper' })).toBeVisible();
  },
};

/** WhatsApp: escalated by the AI; the banner explains, and "Take over" assigns it to the current agent. */
export const EscalatedTakeOver: Story = {
  args: { flavour: 'whatsapp' },
  render: viewOn('conv_ai-escalated', { conversations: AI_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { level: 2, name: 'Grace Hopper' });
    const banner = canvasElement.querySelector<HTMLElement>('[data-slot="ai-banner"]')!;
    await expect(banner).toHaveTextContent('The AI agent escalated this conversation to a human.');
    await userEvent.click(await within(banner).findByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Assign/ })).toHaveAccessibleName(/^Assign\s*:\s*Alice Support/));
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="ai-banner"]')).toBeNull());
    await expect(canvasElement.querySelector('.ik-view')).toHaveAttribute('data-status', 'open');
  },
};

/** An AI agent is handling it (memory backend, with history and notes). */
export const AIHandlingTakeOver: Story = {
  render: viewOn('conv_ai-handling', { conversations: AI_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { level: 2, name: 'Alan Turing' });
    const banner = canvasElement.querySelector<HTMLElement>('[data-slot="ai-banner"]')!;
    await expect(banner).toHaveTextContent('An AI agent is handling this conversation.');
    await userEvent.click(await within(banner).findByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Assign/ })).toHaveAccessibleName(/Alice Support/));
    await waitFor(() => expect(canvasElement.querySelector('[data-slot="ai-banner"]')).toBeNull());
  },
};

/** WhatsApp has no history and no notes: both are said, and no composer is offered. */
export const WhatsAppNoHistoryNoNotes: Story = {
  args: { flavour: 'whatsapp' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { level: 2 });
    await expect(await canvas.findByText(/The full message history is not available from this backend/)).toBeVisible();
    await expect(canvas.getByText('Internal notes are not supported by this backend.')).toBeVisible();
    await expect(canvas.queryByRole('textbox', { name: /Internal note/ })).toBeNull();
    await expect(canvas.queryByRole('button', { name: 'Add note' })).toBeNull();
    await expect(canvas.getByText(/Last message/)).toBeVisible();
  },
};

/** Waply: the history oldest first, notes can be added. */
export const Waply: Story = {
  args: { flavour: 'waply' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { level: 2 });
    const log = canvas.getByRole('log');
    await waitFor(() => expect(log.querySelectorAll('[data-slot="message"]').length).toBeGreaterThan(0));
    const times = [...log.querySelectorAll('[data-slot="message"] time')].map((t) => t.getAttribute('datetime')!);
    await expect([...times].sort()).toEqual(times);
    await expect(canvas.getByRole('textbox', { name: /Internal note/ })).toBeVisible();
  },
};

/** A 200-character name and a 5,000-character message wrap inside the pane. */
export const LongContent: Story = {
  render: viewOn('conv_long-1', { conversations: LONG_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = await canvas.findByRole('heading', { level: 2 });
    await expect(heading.textContent).toHaveLength(200);
    const text = await canvas.findByText(/^Sentence 1 of a very long complaint/, { selector: '.ik-message-text' });
    await expect(text.textContent).toHaveLength(5000);
    await expectNoOverflow(canvasElement);
  },
};

/** A single 200-character word as the name. */
export const LongWordName: Story = {
  render: viewOn('conv_long-2', { conversations: LONG_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { level: 2 });
    await expectNoOverflow(canvasElement);
  },
};

/** Right to left with Arabic data and the Arabic date-fns locale. */
export const RightToLeftArabic: Story = {
  args: { dir: 'rtl', locale: 'ar' },
  render: viewOn('conv_ar-1', { conversations: ARABIC_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const heading = await canvas.findByRole('heading', { level: 2, name: 'فاطمة الزهراء' });
    await expect(getComputedStyle(heading).direction).toBe('rtl');
    const log = canvas.getByRole('log');
    await waitFor(() => expect(log.querySelectorAll('[data-slot="message"]')).toHaveLength(3));
    // Inbound messages sit at the inline start (right), outbound at the end (left).
    const inbound = log.querySelector('[data-direction="inbound"]')!.getBoundingClientRect();
    const outbound = log.querySelector('[data-direction="outbound"]')!.getBoundingClientRect();
    await expect(inbound.right).toBeGreaterThan(outbound.right);
    await expectNoOverflow(canvasElement);
  },
};

/** The dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { level: 2 });
    await expect(getComputedStyle(canvasElement.querySelector('.ik-view')!).colorScheme).toBe('dark');
  },
};

/** Markup in the name, messages, labels and avatar URL shows as text; nothing is injected. */
export const HtmlAsText: Story = {
  render: viewOn('conv_html-1', { conversations: HTML_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { level: 2, name: '<img src=x onerror="window.__ikInjected=1">' });
    await expect(canvas.getByText('<script>window.__ikInjected=1</script><b>bold?</b>', { selector: '.ik-message-text' })).toBeVisible();
    await expect(canvas.getByText('<i>label</i>')).toBeVisible();
    const view = canvasElement.querySelector('.ik-view')!;
    await expect(view.querySelector('img, script, svg, b, i, a')).toBeNull();
    await expect((window as { __ikInjected?: number }).__ikInjected).toBeUndefined();
  },
};

/** The customer wrote 23 h 15 min ago: the header says how long they have waited, and the reply window closes in 45 minutes. */
export const ReplyWindowClosing: Story = {
  render: viewOn('conv_window-closing', { conversations: TRIAGE_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('heading', { name: 'Kenji Watanabe' });
    const header = canvasElement.querySelector<HTMLElement>('[data-slot="view-header"]')!;
    await expect(header).toHaveAttribute('data-window', 'closing');
    await expect(header).toHaveAttribute('data-waiting', 'overdue');
    await expect(within(header).getByText('Waiting 23h')).toBeVisible();
    const notice = canvasElement.querySelector<HTMLElement>('[data-slot="reply-window"]')!;
    await expect(notice).toHaveAttribute('data-window', 'closing');
    const left = replyWindowMinutesLeft('conv_window-closing').join('|');
    // Near midnight the window closes tomorrow, and the sentence then names the day as well ("Dec 3, 12:38 AM").
    const today = new Date().toDateString();
    const tomorrow = replyWindowMinutesLeft('conv_window-closing').map((m) => new Date(Date.now() + m * 60_000).toDateString() !== today);
    const day = tomorrow.every(Boolean) ? '[A-Z][a-z]{2} \\d{1,2}, ' : tomorrow.some(Boolean) ? '(?:[A-Z][a-z]{2} \\d{1,2}, )?' : '';
    await expect(notice).toHaveTextContent(
      new RegExp(`^You can reply freely until ${day}\\d{1,2}:\\d{2} [AP]M \\((${left}) minutes left\\); after that, WhatsApp allows only template messages until the customer writes again\\.$`),
    );
    await expectNoOverflow(canvasElement);
  },
};

/** More than 24 hours since the customer wrote: only template messages can be sent, and the view says since when. */
export const ReplyWindowClosed: Story = {
  render: viewOn('conv_window-closed', { conversations: TRIAGE_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    await within(canvasElement).findByRole('heading', { name: 'Lena Fischer' });
    const notice = canvasElement.querySelector<HTMLElement>('[data-slot="reply-window"]')!;
    await expect(notice).toHaveAttribute('data-window', 'closed');
    await expect(notice).toHaveTextContent(/^The 24-hour reply window closed at .+: WhatsApp allows only template messages until the customer writes again\.$/);
  },
};
