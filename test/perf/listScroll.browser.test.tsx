import '@testing-library/jest-dom/vitest';
import { afterEach, describe, expect, it } from 'vitest';
import { userEvent } from 'vitest/browser';
import { act } from 'react';
import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { ConversationList, createMemoryAdapter, InboxProvider } from 'inboxkit';
import type { Conversation } from 'inboxkit';
import '../../src/styles/index.css';
import { conversation } from '../hooks/helpers';

// The windowing with real layout and scrolling: jsdom has neither.
(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;
let root: Root | null = null;
let host: HTMLElement | null = null;
afterEach(() => {
  act(() => root?.unmount());
  host?.remove();
  root = null;
  host = null;
});

const idle = createMemoryAdapter({ conversations: [] });
const many = (n: number) => Array.from({ length: n }, (_, i) => conversation(`conv_${i}`, `Row ${i}`));

function mount(list: Conversation[]) {
  host = document.createElement('div');
  host.style.cssText = 'width: 380px; height: 600px; display: flex; flex-direction: column;';
  document.body.append(host);
  root = createRoot(host);
  const show = (next: Conversation[]) =>
    act(() =>
      root!.render(
        <InboxProvider adapter={idle} pollIntervalMs={0}>
          <ConversationList conversations={next} style={{ blockSize: '100%' }} />
        </InboxProvider>,
      ),
    );
  show(list);
  const listbox = host.querySelector<HTMLElement>('[role="listbox"]')!;
  return { listbox, show };
}

const frames = async (n = 3) => {
  for (let i = 0; i < n; i++) await new Promise((r) => requestAnimationFrame(r));
};
const active = (listbox: HTMLElement) => document.getElementById(listbox.getAttribute('aria-activedescendant') ?? '');
const inView = (listbox: HTMLElement, el: Element) => {
  const outer = listbox.getBoundingClientRect();
  const rect = el.getBoundingClientRect();
  return rect.top >= outer.top - 1 && rect.bottom <= outer.bottom + 1;
};

describe('ConversationList windowing in a browser', () => {
  it('follows End, Home, PageDown and the arrow keys with the active row in the DOM and in view', async () => {
    const { listbox } = mount(many(10_000));
    listbox.focus();
    await userEvent.keyboard('{End}');
    await frames();
    expect(active(listbox)).toHaveAttribute('aria-posinset', '10000');
    expect(inView(listbox, active(listbox)!)).toBe(true);
    expect(listbox.querySelectorAll('[role="option"]').length).toBeLessThan(40);

    await userEvent.keyboard('{Home}');
    await frames();
    expect(active(listbox)).toHaveAttribute('aria-posinset', '1');
    expect(listbox.scrollTop).toBe(0);

    await userEvent.keyboard('{PageDown}{PageDown}{ArrowDown}');
    await frames();
    expect(active(listbox)).toHaveAttribute('aria-posinset', '22');
    expect(inView(listbox, active(listbox)!)).toBe(true);
  });

  it('renders the rows at any scroll offset, and keeps the offset when a conversation moves to the top', async () => {
    const list = many(10_000);
    const { listbox, show } = mount(list);
    listbox.scrollTop = 5000 * 76;
    await frames();
    const shown = () => [...listbox.querySelectorAll('[role="option"]')].map((o) => Number(o.getAttribute('aria-posinset')));
    expect(shown()).toContain(5001);
    expect(shown().length).toBeLessThan(40);

    const moved = { ...list[9000]!, contact: { ...list[9000]!.contact!, name: 'Moved up' } };
    show([moved, ...list.slice(0, 9000), ...list.slice(9001)]);
    await frames();
    expect(listbox.scrollTop).toBe(5000 * 76);
    expect(shown()).toContain(5001);
    // The row shown at 5,001 is now the one that was at 5,000.
    expect(listbox.querySelector('[aria-posinset="5001"]')).toHaveTextContent('Row 4999');
  });
});
