import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { Inbox } from '../src/index.js';
import type { Conversation } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoFlavour, DemoOptions } from './demo.js';
import { AI_CONVERSATIONS, ARABIC_CONVERSATIONS, ARABIC_UI, failingSwitch, HTML_CONVERSATIONS, LONG_CONVERSATIONS, MIXED_SCRIPT_CONVERSATIONS, neverList } from './fixtures.js';

interface DemoArgs {
  flavour: DemoFlavour;
  latencyMs: number;
  failureRate: number;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
  locale: 'en' | 'ar' | 'de' | 'es' | 'fr' | 'pt';
  size: number;
  live: boolean;
}

const meta: Meta<DemoArgs> = {
  title: 'Inbox',
  args: { flavour: 'memory', latencyMs: 150, failureRate: 0, theme: 'light', dir: 'ltr', locale: 'en', size: 300, live: false },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'], description: 'Backend: in memory, or WhatsApp / Waply through the mock REST API' },
    latencyMs: { control: { type: 'range', min: 0, max: 3000, step: 50 } },
    failureRate: { control: { type: 'range', min: 0, max: 1, step: 0.05 } },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
    locale: { control: 'select', options: ['en', 'ar', 'de', 'es', 'fr', 'pt'] },
    size: { control: { type: 'number', min: 0, max: 100000 } },
    live: { control: 'boolean', description: 'Simulate incoming messages' },
  },
  render: ({ flavour, latencyMs, failureRate, theme, locale, size, live }) => (
    <DemoProvider key={`${flavour}-${size}`} options={{ flavour, latencyMs, failureRate, locale, size, live }}>
      <Inbox theme={theme} />
    </DemoProvider>
  ),
};
export default meta;

type Story = StoryObj<DemoArgs>;

/**
 * The whole inbox on the in-memory backend, as a newcomer first sees it: it
 * stays still until you act (no script, no demo traffic; turn on `live` for
 * incoming messages). The scripted tour is the Walkthrough story.
 */
export const Demo: Story = {
  args: { latencyMs: 40 },
};

/** A scripted walkthrough (it changes data): open the first conversation, assign it to me, add a note, resolve. */
export const Walkthrough: Story = {
  args: { latencyMs: 40 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    const first = (await within(list).findAllByRole('option'))[0]!;
    await userEvent.click(first);
    await expect(first).toHaveAttribute('aria-selected', 'true');
    const heading = await canvas.findByRole('heading', { level: 2 });
    await expect(heading).toBeVisible();

    await userEvent.click(canvas.getByRole('button', { name: /^Assign/ }));
    const mine = await within(document.body).findByRole('menuitemradio', { name: 'Assign to me' });
    await userEvent.click(mine);
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Assign/ })).toHaveAccessibleName(/^Assign\s*:\s*\S/));

    const note = canvas.getByRole('textbox', { name: /Internal note/ });
    await userEvent.type(note, 'Called the customer back.');
    await userEvent.click(canvas.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(canvas.getByText('Called the customer back.', { selector: '.ik-note .ik-message-text' })).toBeVisible());
    await waitFor(() => expect(note).toHaveValue(''));

    await userEvent.click(canvas.getByRole('button', { name: 'Resolve' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: 'Resolved' })).toBeDisabled());
  },
};

/** The inbox on a demo backend with story-specific options (kept stable at module level). */
const inboxOn =
  (extra: Partial<DemoOptions> = {}, width?: number) =>
  ({ flavour, latencyMs, failureRate, theme, locale, size, live }: DemoArgs) => (
    <DemoProvider options={{ flavour, latencyMs, failureRate, locale, size, live, ...extra }}>
      <Frame width={width}>
        <Inbox theme={theme} />
      </Frame>
    </DemoProvider>
  );

const selectedName = (root: HTMLElement) => within(root).queryByRole('heading', { level: 2 })?.textContent ?? null;

/**
 * Keyboard triage: j/k open the next/previous conversation, e resolves, a
 * opens the assign menu, n focuses the note field, ? lists the shortcuts.
 * While typing a note the letters are just text.
 */
export const KeyboardTriage: Story = {
  args: { latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    const rows = await within(list).findAllByRole('option');
    await userEvent.click(rows[0]!);
    const first = await canvas.findByRole('heading', { level: 2 });
    const firstName = first.textContent;

    await userEvent.keyboard('j');
    await waitFor(() => expect(rows[1]).toHaveAttribute('aria-selected', 'true'));
    await waitFor(() => expect(selectedName(canvasElement)).not.toBe(firstName));
    await userEvent.keyboard('j');
    await waitFor(() => expect(within(list).getAllByRole('option')[2]).toHaveAttribute('aria-selected', 'true'));
    await userEvent.keyboard('k');
    await waitFor(() => expect(within(list).getAllByRole('option')[1]).toHaveAttribute('aria-selected', 'true'));
    await expect(list).toHaveAttribute('aria-activedescendant', within(list).getAllByRole('option')[1]!.id);

    // e resolves the open conversation.
    const resolve = canvas.getByRole('button', { name: /^(Resolve|Resolved|Resolving…)$/ });
    if (!(resolve as HTMLButtonElement).disabled) {
      await userEvent.keyboard('e');
      await waitFor(() => expect(canvas.getByRole('button', { name: 'Resolved' })).toBeDisabled());
    }

    // a opens the assign menu; Escape closes it.
    list.focus();
    await userEvent.keyboard('a');
    await expect(await within(document.body).findByRole('menuitemradio', { name: 'Assign to me' })).toBeInTheDocument();
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(within(document.body).queryByRole('menuitemradio', { name: 'Assign to me' })).toBeNull());

    // n focuses the note field; shortcuts are inert while typing.
    list.focus();
    const selectedBefore = selectedName(canvasElement);
    await userEvent.keyboard('n');
    const note = canvas.getByRole('textbox', { name: /Internal note/ });
    await expect(note).toHaveFocus();
    await userEvent.keyboard('jke a?n');
    await expect(note).toHaveValue('jke a?n');
    await expect(selectedName(canvasElement)).toBe(selectedBefore);
    await expect(canvas.queryByRole('dialog')).toBeNull();
    await expect(within(document.body).queryByRole('menu')).toBeNull();

    // ? shows the shortcuts; Escape closes them and focus returns.
    list.focus();
    await userEvent.keyboard('?');
    const dialog = await canvas.findByRole('dialog', { name: 'Keyboard shortcuts' });
    await expect(within(dialog).getByRole('button', { name: 'Close' })).toHaveFocus();
    await expect(dialog).toHaveTextContent('Next / previous conversation');
    await userEvent.keyboard('{Escape}');
    await waitFor(() => expect(canvas.queryByRole('dialog')).toBeNull());
    await expect(list).toHaveFocus();
  },
};

/** A phone-sized host: one pane at a time, with a Back button. */
export const Narrow: Story = {
  args: { latencyMs: 0 },
  render: inboxOn({}, 375),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await expect(canvas.getByText('Select a conversation to see it here.')).not.toBeVisible();
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    const heading = await canvas.findByRole('heading', { level: 2 });
    await expect(heading).toBeVisible();
    await expect(list).not.toBeVisible();
    const inbox = canvasElement.querySelector<HTMLElement>('.ik-inbox')!;
    await expect(inbox.scrollWidth).toBeLessThanOrEqual(inbox.clientWidth + 1);
    await userEvent.click(canvas.getByRole('button', { name: 'Back to conversations' }));
    await expect(await canvas.findByRole('listbox', { name: 'Conversations' })).toBeVisible();
    await expect(canvas.queryByRole('heading', { level: 2 })).toBeNull();
  },
};

/** The list never answers: skeleton and a loading status. */
export const Loading: Story = {
  render: inboxOn({ wrap: neverList }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByRole('status', { name: 'Loading…' })).toBeVisible();
  },
};

const NONE: Conversation[] = [];

/** No conversations at all. */
export const Empty: Story = {
  render: inboxOn({ conversations: NONE }),
  play: async ({ canvasElement }) => {
    await expect(await within(canvasElement).findByText('No conversations yet.')).toBeVisible();
  },
};

const listFailure = failingSwitch('listConversations');

/** The list fails; Retry works once the backend is back. */
export const ErrorWithRetry: Story = {
  args: { latencyMs: 0 },
  render: inboxOn({ wrap: listFailure.wrap }),
  beforeEach: () => {
    listFailure.state.failing = true;
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('Conversations could not be loaded.');
    listFailure.state.failing = false;
    await userEvent.click(within(alert).getByRole('button', { name: 'Retry' }));
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(3));
  },
};

/** The dark theme, a conversation open. */
export const Dark: Story = {
  args: { theme: 'dark', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await canvas.findByRole('heading', { level: 2 });
    await expect(getComputedStyle(canvasElement.querySelector('.ik-inbox')!).colorScheme).toBe('dark');
  },
};

/** Right to left, Arabic data and the Arabic date-fns locale; the list pane is on the right. */
export const RightToLeftArabic: Story = {
  args: { dir: 'rtl', locale: 'ar', latencyMs: 0 },
  render: inboxOn({ conversations: ARABIC_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click(await within(list).findByRole('option', { name: /فاطمة الزهراء/ }));
    await canvas.findByRole('heading', { level: 2, name: 'فاطمة الزهراء' });
    // The English reply-window sentence reads left to right in the right-to-left page, its Arabic time and duration each isolated.
    const sentence = canvasElement.querySelector<HTMLElement>('[data-slot="reply-window"] .ik-banner-text')!;
    await expect(getComputedStyle(sentence).direction).toBe('ltr');
    await expect(Array.from(sentence.children, (el) => el.tagName)).toEqual(['BDI', 'BDI']);
    const listPane = canvasElement.querySelector('.ik-inbox-list-pane')!.getBoundingClientRect();
    const viewPane = canvasElement.querySelector('.ik-inbox-view-pane')!.getBoundingClientRect();
    await expect(listPane.left).toBeGreaterThan(viewPane.left);
  },
};

/**
 * Right to left with mixed scripts: an Arabic UI over Japanese, English and
 * Arabic names. Each piece of a composite line (note footer, message meta)
 * is its own bidi island, so "Alice Support · 08:46" reads in order from the
 * right and no separator or period lands on the wrong side.
 */
export const RightToLeftMixedScripts: Story = {
  args: { dir: 'rtl', locale: 'ar', latencyMs: 0 },
  render: inboxOn({ conversations: MIXED_SCRIPT_CONVERSATIONS, messages: ARABIC_UI }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'المحادثات' });
    // The outbound preview's mark is a <bdi>: its word does not decide the preview's direction.
    const fatima = await within(list).findByRole('option', { name: /فاطمة الزهراء/ });
    const mark = fatima.querySelector('[data-slot="sent-mark"]')!;
    await expect(mark.tagName).toBe('BDI');

    await userEvent.click(await within(list).findByRole('option', { name: /田中 ゆき/ }));
    await canvas.findByRole('heading', { level: 2, name: '田中 ゆき' });
    const field = canvas.getByRole('textbox', { name: /ملاحظة داخلية/ });
    await userEvent.type(field, 'اتصلت بالعميل.');
    await userEvent.click(canvas.getByRole('button', { name: 'إضافة ملاحظة' }));
    const note = (await canvas.findByText('اتصلت بالعميل.', { selector: '.ik-note .ik-message-text' })).closest('li')!;
    const footer = note.querySelector('.ik-message-meta')!;
    await waitFor(() => expect(footer.querySelector('time')).not.toBeNull());
    const [author, separator, time] = Array.from(footer.childNodes) as [HTMLElement, Text, HTMLElement];
    await expect(author.tagName).toBe('BDI');
    await expect(author.textContent).toBe('Alice Support');
    await expect(separator.textContent).toBe(' · ');
    await expect(time.tagName).toBe('TIME');
    await expect(getComputedStyle(author).unicodeBidi).toBe('isolate');
    // In a right-to-left line the first piece stands at the right: the author, then the separator, then the time.
    await expect(author.getBoundingClientRect().left).toBeGreaterThan(time.getBoundingClientRect().right);
  },
};

/** 200-character names and a 5,000-character message, open. */
export const LongContent: Story = {
  args: { latencyMs: 0 },
  render: inboxOn({ conversations: LONG_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await canvas.findByRole('heading', { level: 2 });
    const inbox = canvasElement.querySelector<HTMLElement>('.ik-inbox')!;
    await expect(inbox.scrollWidth).toBeLessThanOrEqual(inbox.clientWidth + 1);
  },
};

/** Escalated by the AI: Take over from the inbox (WhatsApp over the mock API). */
export const EscalatedTakeOver: Story = {
  args: { flavour: 'whatsapp', latencyMs: 0 },
  render: inboxOn({ conversations: AI_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click(await within(list).findByRole('option', { name: /Grace Hopper/ }));
    await userEvent.click(await canvas.findByRole('button', { name: 'Take over' }));
    await waitFor(() => expect(canvas.getByRole('button', { name: /^Assign/ })).toHaveAccessibleName(/Alice Support/));
    await waitFor(() => expect(within(list).getByRole('option', { name: /Grace Hopper/ })).toHaveAttribute('data-status', 'open'));
  },
};

/** Markup strings everywhere render as text. */
export const HtmlAsText: Story = {
  args: { latencyMs: 0 },
  render: inboxOn({ conversations: HTML_CONVERSATIONS }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await canvas.findByRole('heading', { level: 2, name: '<img src=x onerror="window.__ikInjected=1">' });
    await expect(canvasElement.querySelector('.ik-inbox img, .ik-inbox script, .ik-inbox svg, .ik-inbox b')).toBeNull();
    await expect((window as { __ikInjected?: number }).__ikInjected).toBeUndefined();
  },
};

/** 10,000 conversations: a screenful of rows in the DOM. */
export const TenThousand: Story = {
  args: { size: 10_000, latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const list = await within(canvasElement).findByRole('listbox', { name: 'Conversations' });
    await waitFor(() => expect(within(list).getAllByRole('option').length).toBeGreaterThan(5));
    await expect(canvasElement.querySelectorAll('[role="option"]').length).toBeLessThan(60);
  },
};

/** WhatsApp over the mock REST API: no history, no notes, no teams. */
export const WhatsApp: Story = {
  args: { flavour: 'whatsapp', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await expect(await canvas.findByText('Internal notes are not supported by this backend.')).toBeVisible();
    await expect(canvas.queryByRole('textbox', { name: /Internal note/ })).toBeNull();
  },
};

/** Waply over the mock REST API: history and notes. */
export const Waply: Story = {
  args: { flavour: 'waply', latencyMs: 0 },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: 'Conversations' });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await expect(await canvas.findByRole('textbox', { name: /Internal note/ })).toBeVisible();
  },
};
