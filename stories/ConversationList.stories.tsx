import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { ConversationFilters, ConversationList, ConversationView } from '../src/index.js';
import { messages as arabic } from '../src/locales/ar.js';
import type { Conversation, ConversationQuery } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoFlavour, DemoOptions } from './demo.js';
import { AI_CONVERSATIONS, ARABIC_CONVERSATIONS, failingSwitch, HTML_CONVERSATIONS, LONG_CONVERSATIONS, META_CONVERSATIONS, neverList, replyWindowMinutesLeft, TRIAGE_CONVERSATIONS } from './fixtures.js';

interface Args {
  flavour: DemoFlavour;
  size: number;
  latencyMs: number;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  locale: 'en' | 'ar' | 'de' | 'es' | 'fr' | 'pt';
}

/** A render that puts the list on a demo backend; `extra` adds story-specific options (kept stable at module level). */
const listOn =
  (extra: Partial<DemoOptions> = {}, width: number | 'full' = 400) =>
  ({ flavour, size, latencyMs, locale }: Args) => (
    <DemoProvider options={{ flavour, size, latencyMs, locale, ...extra }}>
      <Frame width={width === 'full' ? undefined : width}>
        <ConversationList />
      </Frame>
    </DemoProvider>
  );

const meta: Meta<Args> = {
  title: 'ConversationList',
  component: ConversationList as never,
  args: { flavour: 'memory', size: 300, latencyMs: 0, theme: 'light', dir: 'ltr', locale: 'en' },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    locale: { control: 'select', options: ['en', 'ar', 'de', 'es', 'fr', 'pt'] },
  },
  render: listOn(),
};
export default meta;

type Story = StoryObj<Args>;

const options = (root: HTMLElement) => within(root).queryAllByRole('option');

/** No horizontal scrolling anywhere in the list: long text is ellipsized, not overflowing. */
async function expectNoOverflow(canvasElement: HTMLElement) {
  const scroller = canvasElement.querySelector<HTMLElement>('.ik-list-scroll')!;
  await expect(scroller.scrollWidth).toBeLessThanOrEqual(scroller.clientWidth + 1);
  for (const row of canvasElement.querySelectorAll<HTMLElement>('[role="option"]')) {
    await expect(row.scrollWidth).toBeLessThanOrEqual(row.clientWidth + 1);
  }
}

/** Click opens a row; arrow keys and j/k move the active row; Enter opens it. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    const rows = await within(list).findAllByRole('option');
    await expect(rows.length).toBeGreaterThan(3);
    await userEvent.click(rows[0]!);
    await expect(rows[0]).toHaveAttribute('aria-selected', 'true');
    await expect(list).toHaveFocus();

    await userEvent.keyboard('{ArrowDown}j');
    await expect(list).toHaveAttribute('aria-activedescendant', options(list)[2]!.id);
    await userEvent.keyboard('k{Enter}');
    await waitFor(() => expect(options(list)[1]).toHaveAttribute('aria-selected', 'true'));
    await expect(options(list)[0]).toHaveAttribute('aria-selected', 'false');
    await userEvent.keyboard('{Home}');
    await expect(list).toHaveAttribute('aria-activedescendant', options(list)[0]!.id);
  },
};

/** The list never answers: a skeleton with a status, never a blank pane. */
export const Loading: Story = {
  render: listOn({ wrap: neverList }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByRole('status', { name: 'Loading…' })).toBeVisible();
    await expect(canvas.queryByRole('listbox')).toBeNull();
  },
};

const NONE: Conversation[] = [];

/** A backend with no conversations. */
export const Empty: Story = {
  render: listOn({ conversations: NONE }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await expect(await canvas.findByText('No conversations yet.')).toBeVisible();
    await expect(canvas.queryByRole('listbox')).toBeNull();
  },
};

const listFailure = failingSwitch('listConversations');

/** The list fails to load: the reason and a Retry button, which works once the backend recovers. */
export const ErrorWithRetry: Story = {
  render: listOn({ wrap: listFailure.wrap }),
  beforeEach: () => {
    listFailure.state.failing = true;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Conversations could not be loaded.');
    await expect(alert).toHaveTextContent('The server had a problem (500).');
    listFailure.state.failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(options(list).length).toBeGreaterThan(3));
    await expect(canvas.queryByRole('alert')).toBeNull();
  },
};

const listDown = failingSwitch('listConversations');

/** The backend stays down: Retry fails again and the error stays, never a blank list or an endless spinner. */
export const ErrorStaysDown: Story = {
  render: listOn({ wrap: listDown.wrap }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(canvas.getByRole('alert')).toHaveTextContent('Conversations could not be loaded.'));
    await expect(canvas.getByRole('button', { name: 'Retry' })).toBeVisible();
    await expect(canvas.queryByRole('listbox')).toBeNull();
  },
};

/** The generated data's own long names (German, Arabic) and markup name, all on the first page of 20. */
export const LongNames: Story = {
  args: { size: 20 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await within(list).findByText(/Hohenzollern-Sigmaringen/, { selector: '.ik-row-name' });
    await within(list).findByText(/آل سعود/, { selector: '.ik-row-name' });
    await expectNoOverflow(canvasElement);
  },
};

/** 200-character names (one a single word), a 5,000-character message and a huge unread count. */
export const LongContent: Story = {
  render: listOn({ conversations: LONG_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(options(list)).toHaveLength(3));
    const first = options(list)[0]!;
    await expect(first).toHaveTextContent('1,234 unread messages');
    await expect(within(first).getByText('99+')).toBeVisible();
    const name = first.querySelector<HTMLElement>('.ik-row-name')!;
    await expect(name.textContent).toHaveLength(200);
    await expect(name.scrollWidth).toBeGreaterThan(name.clientWidth);
    await expectNoOverflow(canvasElement);
  },
};

/** Right to left, Arabic names and messages, times in the Arabic date-fns locale. */
export const RightToLeftArabic: Story = {
  args: { dir: 'rtl', locale: 'ar' },
  render: listOn({ conversations: ARABIC_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await within(list).findByText('فاطمة الزهراء');
    const row = options(list)[0]!;
    await expect(getComputedStyle(row).direction).toBe('rtl');
    // The avatar sits at the inline start: on the right in RTL.
    const avatar = row.querySelector('.ik-avatar')!.getBoundingClientRect();
    const main = row.querySelector('.ik-row-main')!.getBoundingClientRect();
    await expect(avatar.left).toBeGreaterThan(main.left);
    await expectNoOverflow(canvasElement);
  },
};

/** The dark theme (axe checks its contrast). */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[1]!);
    await expect(getComputedStyle(list.closest('.ik-list')!).colorScheme).toBe('dark');
  },
};

/** 10,000 conversations: only about a screenful of rows is in the DOM, and scrolling loads more. */
export const TenThousand: Story = {
  args: { size: 10_000 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(options(list).length).toBeGreaterThan(5));
    await expect(options(list)[0]).toHaveAttribute('aria-setsize', '10000');
    const lastShown = () => Math.max(...options(list).map((o) => Number(o.getAttribute('aria-posinset'))));
    const before = lastShown();
    for (let i = 0; i < 3; i++) {
      const loaded = list.scrollHeight;
      list.scrollTop = list.scrollHeight;
      await waitFor(() => expect(list.scrollHeight).toBeGreaterThan(loaded));
    }
    await waitFor(() => expect(lastShown()).toBeGreaterThan(before + 40));
    await expect(options(list).length).toBeLessThan(60);
    await expect(canvasElement.querySelectorAll('[role="option"]').length).toBeLessThan(60);
  },
};

/** Markup in names, messages and an avatar URL renders as text; nothing is injected. */
export const HtmlAsText: Story = {
  render: listOn({ conversations: HTML_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await within(list).findByText('<img src=x onerror="window.__ikInjected=1">');
    await expect(within(list).getByText('<script>window.__ikInjected=1</script><b>bold?</b>')).toBeVisible();
    await expect(within(list).getByText('"><svg onload="window.__ikInjected=1">')).toBeVisible();
    await expect(list.querySelector('img, script, svg, b, a')).toBeNull();
    await expect((window as { __ikInjected?: number }).__ikInjected).toBeUndefined();
  },
};

/** AI-handling, escalated and resolved rows carry status badges and `data-status`. */
export const Statuses: Story = {
  args: { dir: 'ltr' },
  render: listOn({ conversations: [...AI_CONVERSATIONS, ...ARABIC_CONVERSATIONS.slice(3)] }),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(options(list)).toHaveLength(3));
    await expect(list.querySelector('[data-status="escalated"]')).toHaveTextContent('Escalated');
    await expect(list.querySelector('[data-status="ai_handling"]')).toHaveTextContent('AI handling');
    await expect(list.querySelector('[data-status="resolved"]')).toHaveTextContent('Resolved');
  },
};

function FilteredList() {
  const [query, setQuery] = useState<ConversationQuery>({});
  return (
    <div style={{ display: 'flex', flexDirection: 'column', blockSize: '100%' }}>
      <ConversationFilters value={query} onValueChange={setQuery} />
      <ConversationList query={query} />
    </div>
  );
}

/** The filter toolbar over the list: status filter narrows the rows. */
export const WithFilters: Story = {
  render: ({ flavour, size, locale }) => (
    <DemoProvider options={{ flavour, size, locale }}>
      <Frame width={400}>
        <FilteredList />
      </Frame>
    </DemoProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.selectOptions(canvas.getByRole('combobox', { name: 'Status' }), 'resolved');
    await waitFor(() => {
      const rows = options(canvas.getByRole('listbox', { name: 'Conversations' }));
      expect(rows.length).toBeGreaterThan(0);
      for (const row of rows) expect(row).toHaveAttribute('data-status', 'resolved');
    });
  },
};

/** Host-managed data: the `conversations` prop instead of a query. */
export const HostData: Story = {
  render: ({ locale }) => (
    <DemoProvider options={{ locale }}>
      <Frame width={400}>
        <ConversationList conversations={AI_CONVERSATIONS} defaultValue="conv_ai-handling" />
      </Frame>
    </DemoProvider>
  ),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' });
    await expect(options(list)).toHaveLength(2);
    await expect(within(list).getByRole('option', { selected: true })).toHaveTextContent('Alan Turing');
  },
};

const rowNamed = (list: HTMLElement, name: string) => within(list).getByRole('option', { name: new RegExp(`^${name}[,،]`) });

/**
 * Who has waited longest, at a glance: "Waiting 12m", overdue past an hour
 * (`data-waiting="overdue"`), and WhatsApp's reply window open, closing
 * (`data-window="closing"`, under two hours) and closed. Each row's
 * accessible name is one sentence, times in words.
 */
export const WaitingAndReplyWindow: Story = {
  render: listOn({ conversations: TRIAGE_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(options(list)).toHaveLength(6));
    const fresh = rowNamed(list, 'Priya Raman');
    await expect(fresh).toHaveAttribute('data-waiting', '');
    await expect(fresh).not.toHaveAttribute('data-window');
    // Fixture times are minutes before the stories loaded: on a busy machine a minute may have gone since.
    await expect(within(fresh).getByText(/^Waiting 1[23]m$/)).toBeVisible();
    const overdue = rowNamed(list, 'Tomás Alvarez');
    await expect(overdue).toHaveAttribute('data-waiting', 'overdue');
    await expect(overdue).toHaveAccessibleName('Tomás Alvarez, 3 unread, waiting 2 hours, overdue, 2 hours ago: Still waiting on my refund.');
    await expect(rowNamed(list, 'Amara Okafor')).toHaveAttribute('data-window', 'open');
    // Fixture times are minutes before the stories loaded: a few seconds have gone since.
    // A 400 px list shows the short form; the long one is its title (see MetaLineNarrowAndWide).
    const open = rowNamed(list, 'Amara Okafor').querySelector<HTMLElement>('[data-slot="reply-window"]')!;
    await expect(within(open).getByText(/^[34]h left$/)).toBeVisible();
    await expect(open.title).toMatch(/^Reply window: [34]h left$/);
    const closing = rowNamed(list, 'Kenji Watanabe');
    await expect(closing).toHaveAttribute('data-window', 'closing');
    const left = replyWindowMinutesLeft('conv_window-closing');
    await expect(left.map((m) => `Reply window closes in ${m}m`)).toContain(closing.querySelector<HTMLElement>('[data-slot="reply-window"]')!.title);
    await expect(closing).toHaveAccessibleName(new RegExp(`reply window closes in (${left.join('|')}) minutes`));
    const closed = rowNamed(list, 'Lena Fischer');
    await expect(closed).toHaveAttribute('data-window', 'closed');
    await expect(within(closed).getByText('Reply window closed: only template messages can be sent')).toBeInTheDocument();
    const answered = rowNamed(list, 'Omar Haddad');
    await expect(answered).not.toHaveAttribute('data-waiting');
    await expect(answered).not.toHaveTextContent(/Waiting|Reply window/);
    // The alert reads as one: an overdue wait is coloured unlike a fresh one.
    const chip = (row: HTMLElement) => getComputedStyle(row.querySelector('.ik-waiting')!).backgroundColor;
    await expect(chip(overdue)).not.toBe(chip(fresh));
    await expectNoOverflow(canvasElement);
  },
};

/** The same rows right to left, in Arabic: the sentence and the chips in the catalog's words. */
export const WaitingAndReplyWindowArabic: Story = {
  args: { dir: 'rtl', locale: 'ar' },
  render: listOn({ conversations: TRIAGE_CONVERSATIONS, messages: arabic }),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: arabic.conversations });
    await waitFor(() => expect(options(list)).toHaveLength(6));
    const closing = rowNamed(list, 'Kenji Watanabe');
    await expect(closing).toHaveAttribute('data-window', 'closing');
    const chip = closing.querySelector<HTMLElement>('[data-slot="reply-window"]')!;
    await expect(replyWindowMinutesLeft('conv_window-closing').map((m) => arabic.replyWindowClosing(arabic.minutesAgo(m)))).toContain(chip.title);
    await expect(closing).toHaveAccessibleName(/^Kenji Watanabe، /);
    await expectNoOverflow(canvasElement);
  },
};

/**
 * Gives the list a width of its own, as a side panel would, whatever the window's (the frame may then
 * stick out of the window); `run` sees the list at that width, and the story's own layout comes back after.
 */
async function atListWidth(list: HTMLElement, px: number, run: () => Promise<void>) {
  const frame = list.closest<HTMLElement>('.ik-list')!.parentElement!;
  const own = frame.style.cssText;
  frame.style.cssText = `${own}; inline-size: ${px}px; max-inline-size: none`;
  try {
    await run();
  } finally {
    frame.style.cssText = own;
  }
}

/** Whether an element shows all of its text (no ellipsis). */
/** Nothing cut: neither the element nor the form of it that shows (the assignee's forms clip themselves). */
const uncut = (el: HTMLElement) => {
  const forms = [...el.querySelectorAll<HTMLElement>(':scope > .ik-meta-long, :scope > .ik-meta-short')];
  const shown = forms.find((form) => getComputedStyle(form).display !== 'none');
  return el.scrollWidth <= el.clientWidth && (!shown || shown.scrollWidth <= shown.clientWidth);
};

/**
 * The fullest meta lines (channel, status, reply window, assignee, unread) fill the frame. A list
 * narrower than 640 px (where English's long forms stop fitting), on a phone or in a narrow panel on
 * a wide screen (the list's own width counts, not the window's), says the reply window as the time
 * left ("23h left", "Window closed") and the assignee by name; the long forms stay in the `title`s.
 */
export const MetaLineNarrowAndWide: Story = {
  render: listOn({ conversations: META_CONVERSATIONS }, 'full'),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(options(list)).toHaveLength(5));
    const part = (name: string, selector: string) => rowNamed(list, name).querySelector<HTMLElement>(selector)!;
    const open = part('François Lemaître', '[data-slot="reply-window"]');
    const assignee = part('François Lemaître', '.ik-row-assignee');
    const closing = part('Kenji Watanabe', '[data-slot="reply-window"]');
    const closed = part('Lena Fischer', '[data-slot="reply-window"]');
    // Fixture times are minutes before the stories loaded: on a busy machine a minute may have gone since.
    await expect(open.title).toMatch(/^Reply window: 2[23]h left$/);
    await expect(closing.title).toMatch(/^Reply window closes in \d+m$/);
    await expect(closed.title).toBe('Reply window closed: only template messages can be sent');
    await expect(assignee.title).toBe('Assigned to Alice Support');

    await atListWidth(list, 360, async () => {
      await expect(within(open).getByText(/^2[23]h left$/)).toBeVisible();
      await expect(within(open).getByText(open.title)).not.toBeVisible();
      await expect(within(closing).getByText(/^\d+m left$/)).toBeVisible();
      await expect(within(closed).getByText('Window closed')).toBeVisible();
      await expect(within(assignee).getByText('Alice Support')).toBeVisible();
      await expect(within(assignee).getByText('Assigned to Alice Support')).not.toBeVisible();
      // The reply windows fit whole; where a row is still short of room, the assignee gives way first.
      for (const el of [open, closing, closed]) await expect(uncut(el)).toBe(true);
      for (const name of ['Lena Fischer', 'Priya Raman']) await expect(uncut(part(name, '.ik-row-assignee'))).toBe(true);
      for (const name of ['François Lemaître', 'Amara Okafor']) await expect(uncut(part(name, '.ik-row-assignee'))).toBe(false);
      await expectNoOverflow(canvasElement);
    });

    await atListWidth(list, 800, async () => {
      await expect(within(open).getByText(open.title)).toBeVisible();
      await expect(within(open).getByText(/^2[23]h left$/)).not.toBeVisible();
      await expect(within(closing).getByText(closing.title)).toBeVisible();
      await expect(within(closed).getByText(closed.title)).toBeVisible();
      await expect(within(assignee).getByText('Assigned to Alice Support')).toBeVisible();
      await expect(within(assignee).getByText('Alice Support')).not.toBeVisible();
      for (const el of [open, closing, closed, assignee]) await expect(uncut(el)).toBe(true);
    });
  },
};

/** The same narrow list right to left, in Arabic: the short forms in the catalog's words. */
export const MetaLineNarrowArabic: Story = {
  args: { dir: 'rtl', locale: 'ar' },
  render: listOn({ conversations: META_CONVERSATIONS, messages: arabic }, 'full'),
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: arabic.conversations });
    await waitFor(() => expect(options(list)).toHaveLength(5));
    const part = (name: string, selector: string) => rowNamed(list, name).querySelector<HTMLElement>(selector)!;
    const open = part('François Lemaître', '[data-slot="reply-window"]');
    const closed = part('Lena Fischer', '[data-slot="reply-window"]');
    const assignee = part('Lena Fischer', '.ik-row-assignee');
    await atListWidth(list, 360, async () => {
      const short = [23, 22].map((h) => arabic.replyWindowLeftShort(arabic.hoursAgo(h)));
      await expect(short).toContain(open.querySelector('.ik-meta-short')!.textContent);
      await expect(open.querySelector('.ik-meta-short')).toBeVisible();
      await expect(open.querySelector('.ik-meta-long')).not.toBeVisible();
      await expect(within(closed).getByText(arabic.replyWindowClosedShort)).toBeVisible();
      await expect(closed.title).toBe(arabic.replyWindowClosed);
      await expect(within(assignee).getByText('سارة الأحمد')).toBeVisible();
      await expect(assignee.title).toBe(arabic.assignedTo('سارة الأحمد'));
      // A Latin name cut in an Arabic row keeps its start ("Alexandra Pap…"): its short form clips itself, left to right.
      const latin = part('Amara Okafor', '.ik-row-assignee .ik-meta-short');
      await expect(latin.scrollWidth).toBeGreaterThan(latin.clientWidth);
      await expect(getComputedStyle(latin).direction).toBe('ltr');
      for (const el of [open, closed, assignee]) await expect(uncut(el)).toBe(true);
      // Room inside the clip for a glyph's overhang (the tail of the final letter at the left end), taken back by the margin.
      for (const el of [open, assignee]) await expect(parseFloat(getComputedStyle(el).paddingLeft)).toBeCloseTo(-parseFloat(getComputedStyle(el).marginLeft));
      for (const el of [open, assignee]) await expect(parseFloat(getComputedStyle(el).paddingLeft)).toBeGreaterThan(0);
      await expectNoOverflow(canvasElement);
    });
  },
};

/** WhatsApp's list names assignees by id only: rows take the names from the host's directory. */
export const WhatsAppAssigneeNames: Story = {
  args: { flavour: 'whatsapp', size: 40 },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => {
      const names = [...list.querySelectorAll('.ik-row-assignee')].map((el) => el.textContent ?? '');
      expect(names.length).toBeGreaterThan(0);
      expect(names.filter((name) => /user_/.test(name))).toEqual([]);
    });
  },
};

function ListAndView() {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <div style={{ display: 'flex', blockSize: '100%' }}>
      <div style={{ flex: '0 1 360px', minInlineSize: 0 }}>
        <ConversationList value={open} onValueChange={setOpen} />
      </div>
      {open && <ConversationView conversationId={open} style={{ flex: 1, minInlineSize: 0 }} />}
    </div>
  );
}

/**
 * Waply's list sends `messages: []`: rows say nothing about messages (never a
 * false "No messages yet"), and a row shows its newest message once opened.
 */
export const WaplyWithoutPreviews: Story = {
  args: { flavour: 'waply', size: 30 },
  render: ({ flavour, size, locale }) => (
    <DemoProvider options={{ flavour, size, locale }}>
      <Frame>
        <ListAndView />
      </Frame>
    </DemoProvider>
  ),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(options(list).length).toBeGreaterThan(3));
    await expect(list).not.toHaveTextContent('No messages yet');
    const first = options(list)[0]!;
    await expect(first.querySelector('.ik-row-preview')).toBeEmptyDOMElement();
    await userEvent.click(first);
    const log = await canvas.findByRole('log');
    await waitFor(() => expect(log.querySelectorAll('[data-slot="message"]').length).toBeGreaterThan(0));
    const newest = [...log.querySelectorAll('[data-slot="message"] .ik-message-text')].at(-1)!.textContent!;
    await waitFor(() => expect(first.querySelector('.ik-row-preview')).toHaveTextContent(newest.slice(0, 40)));
    await expect(list).not.toHaveTextContent('No messages yet');
  },
};
