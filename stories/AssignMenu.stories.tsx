import type { Meta, StoryObj } from '@storybook/react-vite';
import { expect, userEvent, waitFor, within } from 'storybook/test';
import { AssignMenu, useConversation } from '../src/index.js';
import { DemoProvider, Frame } from './demo.js';
import type { DemoFlavour, DemoOptions } from './demo.js';
import { AI_CONVERSATIONS, OUTSIDER } from './fixtures.js';

interface Args {
  flavour: DemoFlavour;
  theme: 'auto' | 'light' | 'dark';
  dir: 'ltr' | 'rtl';
}

const ID = 'conv_ai-handling';

/** The menu reads the conversation from the store; load it first, as a view would. */
function Loaded() {
  useConversation(ID);
  return (
    <div style={{ display: 'flex', justifyContent: 'flex-end' }}>
      <AssignMenu conversationId={ID} />
    </div>
  );
}

const menuOn =
  (extra: Partial<DemoOptions> = {}) =>
  ({ flavour }: Args) => (
    <DemoProvider options={{ flavour, conversations: AI_CONVERSATIONS, ...extra }}>
      <Frame width={480}>
        <Loaded />
      </Frame>
    </DemoProvider>
  );

const meta: Meta<Args> = {
  title: 'AssignMenu',
  component: AssignMenu as never,
  args: { flavour: 'memory', theme: 'light', dir: 'ltr' },
  argTypes: {
    flavour: { control: 'inline-radio', options: ['memory', 'whatsapp', 'waply'] },
    theme: { control: 'inline-radio', options: ['auto', 'light', 'dark'] },
    dir: { control: 'inline-radio', options: ['ltr', 'rtl'] },
  },
  render: menuOn(),
};
export default meta;

type Story = StoryObj<Args>;

const body = () => within(document.body);
const trigger = async (canvasElement: HTMLElement) => {
  const button = await within(canvasElement).findByRole('button', { name: /^Assign/ });
  await waitFor(() => expect(button).toBeEnabled());
  return button;
};

/** Filter the people, pick one; the trigger shows them and the menu checks them. Teams too. */
export const Default: Story = {
  play: async ({ canvasElement }) => {
    const button = await trigger(canvasElement);
    await expect(button).toHaveAccessibleName('Assign');
    await userEvent.click(button);
    const filter = await body().findByRole('searchbox', { name: 'Find a person or team' });
    await waitFor(() => expect(filter).toHaveFocus());
    await userEvent.type(filter, 'kwame');
    await waitFor(() => expect(body().getAllByRole('menuitemradio')).toHaveLength(1));
    await userEvent.click(body().getByRole('menuitemradio', { name: 'Kwame Mensah' }));
    await waitFor(() => expect(button).toHaveAccessibleName(/^Assign\s*:\s*Kwame Mensah$/));

    await userEvent.click(button);
    await expect(await body().findByRole('menuitemradio', { name: 'Kwame Mensah' })).toHaveAttribute('aria-checked', 'true');
    await expect(body().getByRole('menuitemradio', { name: 'Assign to me' })).toHaveAttribute('aria-checked', 'false');
    await expect(body().getByText('Teams')).toBeVisible();
    await userEvent.click(body().getByRole('menuitemradio', { name: 'Billing' }));
    await waitFor(() => expect(button).toHaveAccessibleName(/^Assign\s*:\s*Billing$/));
    await expect(body().queryByRole('menu')).toBeNull();
  },
};

/**
 * WhatsApp over the mock API, with a host directory that offers a person the
 * backend does not know: the 403 reason shows next to the trigger and the
 * assignee rolls back. WhatsApp has no teams, so none are offered.
 */
export const AssignRefused: Story = {
  args: { flavour: 'whatsapp' },
  render: menuOn({ extraUsers: OUTSIDER }),
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement);
    const button = await trigger(canvasElement);
    await userEvent.click(button);
    await userEvent.click(await body().findByRole('menuitemradio', { name: 'Assign to me' }));
    await waitFor(() => expect(button).toHaveAccessibleName(/^Assign\s*:\s*Alice Support$/));

    await userEvent.click(button);
    await expect(body().queryByText('Teams')).toBeNull();
    await userEvent.type(await body().findByRole('searchbox', { name: 'Find a person or team' }), 'olive');
    await userEvent.click(await body().findByRole('menuitemradio', { name: 'Olive Outsider' }));
    const alert = await canvas.findByRole('alert');
    await expect(alert).toHaveTextContent('User is not a member of this organization');
    await waitFor(() => expect(button).toHaveAccessibleName(/^Assign\s*:\s*Alice Support$/));
    await expect(button).toHaveAccessibleDescription(/User is not a member of this organization/);
    await expect(within(alert).getByRole('button', { name: 'Dismiss' })).toBeVisible();
  },
};

/** Keyboard: open with Enter (focus lands in the filter box), arrow down to the items, choose with Enter. */
export const Keyboard: Story = {
  play: async ({ canvasElement }) => {
    const button = await trigger(canvasElement);
    button.focus();
    await userEvent.keyboard('{Enter}');
    const filter = await body().findByRole('searchbox', { name: 'Find a person or team' });
    await waitFor(() => expect(filter).toHaveFocus());
    await userEvent.keyboard('{ArrowDown}');
    await waitFor(() => expect(body().getByRole('menuitemradio', { name: 'Assign to me' })).toHaveFocus());
    await userEvent.keyboard('{Enter}');
    await waitFor(() => expect(button).toHaveAccessibleName(/^Assign\s*:\s*Alice Support$/));
    await waitFor(() => expect(button).toHaveFocus());
  },
};

/** Open in the dark theme. */
export const Dark: Story = {
  args: { theme: 'dark' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await trigger(canvasElement));
    const menu = await body().findByRole('menu');
    await expect(getComputedStyle(menu).colorScheme).toBe('dark');
  },
};

/** Open, right to left: the check mark and names sit at the right. */
export const RightToLeft: Story = {
  args: { dir: 'rtl' },
  play: async ({ canvasElement }) => {
    await userEvent.click(await trigger(canvasElement));
    const menu = await body().findByRole('menu');
    await expect(getComputedStyle(menu).direction).toBe('rtl');
  },
};

/** A filter that matches nobody says so (left open, so the accessibility check sees it). */
export const NoMatches: Story = {
  play: async ({ canvasElement }) => {
    await userEvent.click(await trigger(canvasElement));
    await userEvent.type(await body().findByRole('searchbox', { name: 'Find a person or team' }), 'zzzz');
    await expect(await body().findByText('Nobody matches.')).toBeVisible();
    await expect(body().queryAllByRole('menuitemradio')).toHaveLength(0);
  },
};

/** Few enough choices for no filter box: a plain menu (left open for the accessibility check). */
export const WithoutFilter: Story = {
  render: ({ flavour }) => (
    <DemoProvider options={{ flavour, conversations: AI_CONVERSATIONS }}>
      <LoadedWithoutFilter />
    </DemoProvider>
  ),
  play: async ({ canvasElement }) => {
    await userEvent.click(await trigger(canvasElement));
    await body().findByRole('menu');
    await expect(body().queryByRole('searchbox')).toBeNull();
    await expect(body().getByRole('menuitemradio', { name: 'Assign to me' })).toBeVisible();
  },
};

function LoadedWithoutFilter() {
  useConversation(ID);
  return <AssignMenu conversationId={ID} filterThreshold={100} />;
}
