import { useState } from 'react';
import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { createMemoryStorage, Inbox, InboxProvider } from '../src/index.js';
import * as en from '../src/locales/en.js';
import * as ar from '../src/locales/ar.js';
import * as de from '../src/locales/de.js';
import * as es from '../src/locales/es.js';
import * as fr from '../src/locales/fr.js';
import * as pt from '../src/locales/pt.js';
import * as ja from '../src/locales/ja.js';
import * as hi from '../src/locales/hi.js';
import { Frame, useDemoBackend } from './demo.js';
import { ARABIC_CONVERSATIONS } from './fixtures.js';

const CATALOGS = { en, ar, de, es, fr, pt, ja, hi };
type Tag = keyof typeof CATALOGS;

interface LocaleArgs {
  locale: Tag;
  dir: 'ltr' | 'rtl';
  width?: number;
}

/** The inbox with one `inboxkit/locales/<tag>` catalog: its strings and its date-fns locale. */
function LocalizedInbox({ locale, width }: LocaleArgs) {
  const { adapter, currentUser, directory } = useDemoBackend({ size: 60, conversations: locale === 'ar' ? ARABIC_CONVERSATIONS : undefined });
  const [storage] = useState(() => createMemoryStorage());
  const { messages, dateLocale } = CATALOGS[locale];
  return (
    <InboxProvider
      adapter={adapter}
      currentUser={currentUser}
      directory={adapter.listAssignees ? undefined : directory}
      messages={messages}
      locale={dateLocale}
      pollIntervalMs={0}
      storage={storage}
    >
      <Frame width={width}>
        <div lang={locale} style={{ blockSize: '100%' }}>
          <Inbox />
        </div>
      </Frame>
    </InboxProvider>
  );
}

const meta: Meta<LocaleArgs> = {
  title: 'Locales',
  args: { locale: 'de', dir: 'ltr' },
  argTypes: {
    locale: { control: 'select', options: Object.keys(CATALOGS) },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: (args) => <LocalizedInbox key={args.locale} {...args} />,
  // Open a conversation in the catalog's words, and check no button clips its label.
  play: async ({ canvasElement, args }) => {
    const { messages } = CATALOGS[args.locale];
    const canvas = within(canvasElement);
    const list = await canvas.findByRole('listbox', { name: messages.conversations });
    await userEvent.click((await within(list).findAllByRole('option'))[0]!);
    await canvas.findByRole('heading', { level: 2 });
    await expect(canvas.getByRole('button', { name: messages.addNote })).toBeVisible();
    await waitFor(() => expect(canvas.getAllByRole('button', { name: new RegExp(`^(${messages.resolve}|${messages.resolved})$`) })[0]).toBeVisible());
    for (const button of canvasElement.querySelectorAll<HTMLElement>('.ik-inbox-view-pane .ik-button')) {
      if (button.offsetParent === null) continue;
      await expect(button.scrollWidth, `"${button.textContent}" fits its button`).toBeLessThanOrEqual(button.clientWidth + 1);
    }
  },
};
export default meta;

type Story = StoryObj<LocaleArgs>;

export const German: Story = { args: { locale: 'de' } };
export const French: Story = { args: { locale: 'fr' } };
export const Spanish: Story = { args: { locale: 'es' } };
export const Portuguese: Story = { args: { locale: 'pt' } };
/** The machine that renders these has no CJK font: lengths, not glyphs, are what this shows. */
export const Japanese: Story = { args: { locale: 'ja' } };
export const Hindi: Story = { args: { locale: 'hi' } };
/** Right to left, with Arabic conversations. */
export const Arabic: Story = { args: { locale: 'ar', dir: 'rtl' } };
/** German on a phone-sized host, the longest words in the narrowest space. */
export const GermanNarrow: Story = { args: { locale: 'de', width: 375 } };
