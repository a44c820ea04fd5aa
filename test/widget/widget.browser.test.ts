import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { userEvent } from 'vitest/browser';
import axe from 'axe-core';
import { createMemoryAdapter, createMockHandler } from 'inboxkit';
import type { Contact } from 'inboxkit';
import * as ar from 'inboxkit/locales/ar';
import * as de from 'inboxkit/locales/de';
// The script-tag bundle's own entry: what window.InboxKit is.
import * as InboxKit from '../../src/widget/iife.js';
import '../../src/widget/index.js';

// A host page at its most hostile: global resets and !important rules that would
// break any component whose styles live in the page.
const HOSTILE_CSS = `
  * { all: unset !important; font-size: 31px !important; letter-spacing: 4px !important; }
  button { display: none !important; }
  div { display: inline !important; background: hotpink !important; }
  [role="option"] { visibility: hidden !important; }
`;

let hosts: HTMLElement[] = [];
let hostileStyle: HTMLStyleElement;

function makeHost(width = 1000): HTMLElement {
  const host = document.createElement('section');
  host.setAttribute('style', `display:block !important; width:${width}px !important; height:640px !important;`);
  document.body.append(host);
  hosts.push(host);
  return host;
}

function shadowOf(host: Element): ShadowRoot {
  if (!host.shadowRoot) throw new Error('no shadow root');
  return host.shadowRoot;
}

async function find<T extends Element>(root: ParentNode, selector: string, timeout = 5000): Promise<T> {
  const started = Date.now();
  for (;;) {
    const found = root.querySelector<T>(selector);
    if (found) return found;
    if (Date.now() - started > timeout) throw new Error(`not found: ${selector}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

// The widget's code arrives by dynamic import, which the test server compiles on first request: on a busy
// machine that alone outlasted the first test's wait for a row. A page with the script cached has it at once.
beforeAll(async () => {
  await Promise.all([import('../../src/widget/runtime.js'), import('../../src/widget/flavours/memory.js'), import('../../src/widget/flavours/waply.js'), import('../../src/widget/flavours/whatsapp.js')]);
}, 120_000);

beforeEach(() => {
  hostileStyle = document.createElement('style');
  hostileStyle.textContent = HOSTILE_CSS;
  document.head.append(hostileStyle);
});

afterEach(() => {
  for (const host of hosts) host.remove();
  hosts = [];
  hostileStyle.remove();
  vi.restoreAllMocks();
});

describe('the widget in a hostile page', () => {
  it('mounts into a shadow root, adds no stylesheet to the page, and survives the host CSS', async () => {
    const sheets = document.styleSheets.length;
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', seed: 3, size: 40 }, currentUser: { id: 'user_me', name: 'Me' } });
    const shadow = shadowOf(host);
    const option = await find<HTMLElement>(shadow, '[role="option"]');

    expect(document.styleSheets.length).toBe(sheets);
    expect(getComputedStyle(option).visibility).toBe('visible');
    const filtersSelect = shadow.querySelector('select')!;
    expect(getComputedStyle(filtersSelect).display).not.toBe('none');
    // The page's `* { font-size: 31px !important }` does not reach inside.
    expect(getComputedStyle(option).fontSize).not.toBe('31px');
    expect(option.getBoundingClientRect().height).toBeGreaterThan(40);
    widget.unmount();
  });

  it('runs the triage loop with real clicks: open, assign from the menu, add a note, resolve', async () => {
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', seed: 5, size: 40 } });
    const shadow = shadowOf(host);

    const first = await find<HTMLElement>(shadow, '[role="option"]');
    await userEvent.click(first);
    await expect.poll(() => first.getAttribute('aria-selected')).toBe('true');
    const heading = await find<HTMLElement>(shadow, 'h2');
    expect(heading.textContent).not.toBe('');

    const trigger = await find<HTMLButtonElement>(shadow, '[data-slot="assign-trigger"]');
    await userEvent.click(trigger);
    // The menu portals into the shadow root, not document.body.
    const item = await find<HTMLElement>(shadow, '[role="menuitemradio"]:not([aria-checked="true"])');
    expect(document.body.querySelector('[role="menu"]')).toBeNull();
    const chosen = item.textContent!.trim();
    await userEvent.click(item);
    // Query again: a click before the menu's code arrived went to the fallback button, which the Radix trigger replaced.
    await expect.poll(() => shadow.querySelector('[data-slot="assign-trigger"]')?.textContent).toContain(chosen);

    const field = await find<HTMLTextAreaElement>(shadow, 'textarea');
    await userEvent.click(field);
    await userEvent.keyboard('Customer called back');
    await userEvent.click(shadow.querySelector<HTMLButtonElement>('[data-slot="composer"] button[type="submit"]')!);
    await expect.poll(() => shadow.querySelector('[data-slot="note"]:not([data-pending]) .ik-message-text')?.textContent).toBe('Customer called back');
    await expect.poll(() => field.value).toBe('');

    const resolve = shadow.querySelector<HTMLButtonElement>('[data-slot="resolve"]')!;
    if (!resolve.disabled) {
      await userEvent.click(resolve);
      await expect.poll(() => resolve.textContent).toBe('Resolved');
    }
    widget.unmount();
  });

  it('opens the assign menu inside the shadow root, and Escape closes it with focus back on the trigger', async () => {
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', seed: 6, size: 20 } });
    const shadow = shadowOf(host);
    await userEvent.click(await find<HTMLElement>(shadow, '[role="option"]'));
    const trigger = await find<HTMLButtonElement>(shadow, '[data-slot="assign-trigger"]');
    await userEvent.click(trigger);
    await find(shadow, '[role="menu"]');
    await userEvent.keyboard('{Escape}');
    await expect.poll(() => shadow.querySelector('[role="menu"]')).toBeNull();
    await expect.poll(() => shadow.activeElement).toBe(trigger);
    widget.unmount();
  });

  it('update switches theme and locale live and keeps the selection', async () => {
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', seed: 7, size: 20 }, theme: 'light', locale: 'en' });
    const shadow = shadowOf(host);
    const option = await find<HTMLElement>(shadow, '[role="option"]');
    await userEvent.click(option);
    const inbox = await find<HTMLElement>(shadow, '.ik-inbox');
    const surface = getComputedStyle(inbox).backgroundColor;

    widget.update({ theme: 'dark', locale: 'ar-EG' });
    await expect.poll(() => inbox.getAttribute('data-theme')).toBe('dark');
    expect(getComputedStyle(inbox).backgroundColor).not.toBe(surface);
    const root = shadow.querySelector<HTMLElement>('.ik-widget-root')!;
    expect(root.dir).toBe('rtl');
    expect(root.lang).toBe('ar-EG');
    // The words too, from the Arabic catalog.
    await expect.poll(() => shadow.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe(ar.messages.views);
    // Still the same conversation open.
    await expect.poll(() => shadow.querySelector('[role="option"][aria-selected="true"]')).not.toBeNull();
    widget.unmount();
  });

  it('takes updates before the inbox code has arrived, and renders the latest options', async () => {
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', seed: 4, size: 10 }, theme: 'light' });
    const shadow = shadowOf(host);
    // The handle works at once: the inbox (React, a chunk of its own) is not here yet.
    expect(shadow.querySelector('.ik-inbox')).toBeNull();
    widget.update({ theme: 'dark', locale: 'de' });
    const inbox = await find<HTMLElement>(shadow, '.ik-inbox');
    await expect.poll(() => inbox.getAttribute('data-theme')).toBe('dark');
    expect(shadow.querySelector<HTMLElement>('.ik-widget-root')!.lang).toBe('de');
    widget.unmount();
  });

  it('unmount before the inbox code has arrived: nothing ever renders, nothing is logged', async () => {
    const log = vi.spyOn(console, 'error');
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', size: 5 } });
    const shadow = shadowOf(host);
    widget.unmount();
    expect(shadow.childNodes.length).toBe(0);
    // Long enough for the runtime, the backend and a render, had they not been dropped.
    await new Promise((r) => setTimeout(r, 1000));
    expect(shadow.childNodes.length).toBe(0);
    expect(log).not.toHaveBeenCalled();
  });

  it('unmount leaves no trace', async () => {
    const sheets = document.styleSheets.length;
    const bodyChildren = document.body.childElementCount;
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', size: 10 } });
    const shadow = shadowOf(host);
    await userEvent.click(await find<HTMLElement>(shadow, '[role="option"]'));
    await userEvent.click(await find<HTMLElement>(shadow, '[data-slot="assign-trigger"]'));
    await find(shadow, '[role="menu"]');
    widget.unmount();
    expect(shadow.childNodes.length).toBe(0);
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
    expect(document.styleSheets.length).toBe(sheets);
    expect(document.body.childElementCount).toBe(bodyChildren + 1); // only the host we made
    widget.unmount(); // a second unmount is harmless
  });

  it('mounting twice into one element replaces the first inbox cleanly', async () => {
    const host = makeHost();
    InboxKit.mount(host, { adapter: { flavour: 'memory', size: 5 } });
    const second = InboxKit.mount(host, { adapter: { flavour: 'memory', size: 5 }, theme: 'dark' });
    const shadow = shadowOf(host);
    await find(shadow, '[role="option"]');
    expect(shadow.querySelectorAll('.ik-inbox')).toHaveLength(1);
    expect(shadow.adoptedStyleSheets).toHaveLength(1);
    expect(shadow.querySelectorAll('style')).toHaveLength(0);
    second.unmount();
    expect(shadow.childNodes.length).toBe(0);
    expect(shadow.adoptedStyleSheets).toHaveLength(0);
  });

  it('runs two widgets side by side, WhatsApp and Waply, independently', async () => {
    const whatsappBackend = createMemoryAdapter({ profile: 'whatsapp', seed: 1, size: 12 });
    const waplyBackend = createMemoryAdapter({ profile: 'waply', seed: 2, size: 12 });
    const left = makeHost(700);
    const right = makeHost(700);
    const a = InboxKit.mount(left, {
      adapter: { flavour: 'whatsapp', baseUrl: 'https://whatsapp.example', headers: { Authorization: 'Bearer inboxkit-mock-token' }, fetch: createMockHandler({ flavour: 'whatsapp', backend: whatsappBackend }) },
    });
    const b = InboxKit.mount(right, {
      adapter: { flavour: 'waply', apiKey: 'inboxkit-mock-token', fetch: createMockHandler({ flavour: 'waply', backend: waplyBackend }) },
    });
    await userEvent.click(await find<HTMLElement>(shadowOf(left), '[role="option"]'));
    await userEvent.click(await find<HTMLElement>(shadowOf(right), '[role="option"]'));
    // WhatsApp has no notes, Waply does: each widget shows its own backend's truth.
    await find(shadowOf(left), '[data-slot="notes-unsupported"]');
    await find(shadowOf(right), 'textarea');
    expect(shadowOf(left).querySelector('textarea')).toBeNull();
    a.unmount();
    expect(shadowOf(right).querySelector('.ik-inbox')).not.toBeNull();
    b.unmount();
  });

  it('has no WCAG A/AA violations inside the shadow root (axe)', async () => {
    hostileStyle.remove(); // axe judges our styles, not the hostile page's
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', seed: 9, size: 30 }, currentUser: { id: 'user_me', name: 'Me' } });
    const shadow = shadowOf(host);
    await userEvent.click(await find<HTMLElement>(shadow, '[role="option"]'));
    await find(shadow, 'h2');
    const result = await axe.run(host, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } });
    expect(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
    widget.unmount();
  });
});

describe('styles without inline <style>', () => {
  it('adopts one constructed stylesheet, shared by every widget on the page, so a strict CSP allows it', async () => {
    const left = makeHost(600);
    const right = makeHost(600);
    const a = InboxKit.mount(left, { adapter: { flavour: 'memory', size: 5 } });
    const b = InboxKit.mount(right, { adapter: { flavour: 'memory', size: 5 } });
    const option = await find<HTMLElement>(shadowOf(left), '[role="option"]');
    await find(shadowOf(right), '[role="option"]');
    expect(shadowOf(left).querySelector('style')).toBeNull();
    expect(shadowOf(left).adoptedStyleSheets).toHaveLength(1);
    expect(shadowOf(right).adoptedStyleSheets[0]).toBe(shadowOf(left).adoptedStyleSheets[0]);
    // Styled: the page's `[role="option"] { visibility: hidden !important }` does not reach in, ours applies.
    expect(getComputedStyle(option).visibility).toBe('visible');
    expect(getComputedStyle(shadowOf(left).querySelector('.ik-inbox')!).display).toBe('flex');
    a.unmount();
    expect(shadowOf(left).adoptedStyleSheets).toHaveLength(0);
    expect(shadowOf(right).adoptedStyleSheets).toHaveLength(1);
    b.unmount();
  });

  it('falls back to a <style> in the shadow root where the browser has no adoptedStyleSheets', async () => {
    const descriptor = Object.getOwnPropertyDescriptor(ShadowRoot.prototype, 'adoptedStyleSheets')!;
    // As an older browser: the property does not exist.
    delete (ShadowRoot.prototype as { adoptedStyleSheets?: unknown }).adoptedStyleSheets;
    try {
      const host = makeHost();
      const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', size: 5 } });
      const shadow = shadowOf(host);
      const option = await find<HTMLElement>(shadow, '[role="option"]');
      expect(shadow.querySelectorAll('style')).toHaveLength(1);
      expect(getComputedStyle(shadow.querySelector('.ik-inbox')!).display).toBe('flex');
      expect(getComputedStyle(option).visibility).toBe('visible');
      widget.unmount();
      expect(shadow.childNodes.length).toBe(0);
    } finally {
      Object.defineProperty(ShadowRoot.prototype, 'adoptedStyleSheets', descriptor);
    }
  });
});

describe('locale: the UI catalog, fetched when asked for', () => {
  it('shows the German catalog (words and dates), and English again after an update', async () => {
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', seed: 2, size: 10 }, locale: 'de-AT' });
    const shadow = shadowOf(host);
    await find(shadow, '[role="option"]');
    const tabs = () => shadow.querySelector('[role="tablist"]')?.getAttribute('aria-label');
    await expect.poll(tabs).toBe(de.messages.views);
    expect(shadow.querySelector('[role="tablist"]')!.textContent).toContain(de.messages.viewAll);
    // Dates in the catalog's language: a row's full time is written the German way.
    const time = shadow.querySelector<HTMLTimeElement>('[role="option"] time')!;
    const full = (tag: string) => new Intl.DateTimeFormat(tag, { dateStyle: 'medium', timeStyle: 'medium' }).format(Date.parse(time.dateTime));
    expect(time.title).toBe(full('de'));
    expect(time.title).not.toBe(full('en-US'));
    expect(shadow.querySelector<HTMLElement>('.ik-widget-root')!.lang).toBe('de-AT');
    expect(shadow.querySelector<HTMLElement>('.ik-widget-root')!.dir).toBe('ltr');

    widget.update({ locale: 'en' });
    await expect.poll(tabs).toBe('Views');
    widget.unmount();
  });

  it('keeps the host\'s own messages over the catalog', async () => {
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', size: 5 }, locale: 'de', messages: { views: 'Sichten' } });
    const shadow = shadowOf(host);
    await expect.poll(() => shadow.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe('Sichten');
    // The rest is German.
    expect(shadow.querySelector('[role="tablist"]')!.textContent).toContain(de.messages.viewAll);
    widget.unmount();
  });

  it('an unknown language shows English, with one console warning naming the tag', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', size: 5 }, locale: 'zh-Hant' });
    const shadow = shadowOf(host);
    await find(shadow, '[role="option"]');
    expect(shadow.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe('Views');
    expect(warn).toHaveBeenCalledTimes(1);
    expect(String(warn.mock.calls[0]![0])).toMatch(/"zh-Hant".*English/);
    // A theme change is not a new language: no second warning.
    widget.update({ theme: 'dark' });
    await expect.poll(() => shadow.querySelector('.ik-inbox')?.getAttribute('data-theme')).toBe('dark');
    expect(warn).toHaveBeenCalledTimes(1);
    widget.unmount();
  });

  it('only the latest locale renders when updates cross', async () => {
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'memory', size: 5 } });
    const shadow = shadowOf(host);
    await find(shadow, '[role="option"]');
    widget.update({ locale: 'ar' });
    widget.update({ locale: 'de' });
    await expect.poll(() => shadow.querySelector('[role="tablist"]')?.getAttribute('aria-label')).toBe(de.messages.views);
    // Long enough for the Arabic catalog to have arrived, had it not been dropped.
    await new Promise((r) => setTimeout(r, 300));
    expect(shadow.querySelector('[role="tablist"]')!.getAttribute('aria-label')).toBe(de.messages.views);
    expect(shadow.querySelector<HTMLElement>('.ik-widget-root')!.dir).toBe('ltr');
    widget.unmount();
  });
});

describe('resolveContact', () => {
  it('names Waply contacts, once per id, and a new function starts a new adapter', async () => {
    const backend = createMemoryAdapter({ profile: 'waply', seed: 4, size: 6 });
    const fetch = createMockHandler({ flavour: 'waply', backend });
    const asked: string[] = [];
    const resolveContact = async (id: string): Promise<Contact> => {
      asked.push(id);
      return { id, name: `Person ${id.slice(-4)}` };
    };
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'waply', apiKey: 'inboxkit-mock-token', fetch }, resolveContact });
    const shadow = shadowOf(host);
    await find(shadow, '[role="option"]');
    await expect.poll(() => shadow.querySelector('[role="option"]')?.textContent).toMatch(/Person /);
    expect(shadow.querySelector('[role="listbox"]')!.textContent).not.toMatch(/Contact /);
    expect(new Set(asked).size).toBe(asked.length);

    const renamed = async (id: string): Promise<Contact> => ({ id, name: `Renamed ${id.slice(-4)}` });
    widget.update({ resolveContact: renamed });
    await expect.poll(() => shadow.querySelector('[role="option"]')?.textContent).toMatch(/Renamed /);
    widget.unmount();
  });

  it('without it, Waply rows fall back to "Contact …"', async () => {
    const backend = createMemoryAdapter({ profile: 'waply', seed: 4, size: 3 });
    const host = makeHost();
    const widget = InboxKit.mount(host, { adapter: { flavour: 'waply', apiKey: 'inboxkit-mock-token', fetch: createMockHandler({ flavour: 'waply', backend }) } });
    const shadow = shadowOf(host);
    await expect.poll(() => shadow.querySelector('[role="option"]')?.textContent ?? '', { timeout: 5000 }).toMatch(/Contact /);
    widget.unmount();
  });
});

describe('bad options fail loudly and early', () => {
  it('throws a clear error, logs it once, and renders nothing', () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const host = makeHost();
    // @ts-expect-error an unknown flavour
    expect(() => InboxKit.mount(host, { adapter: { flavour: 'zendesk' } })).toThrow(/unknown adapter flavour "zendesk"/);
    // @ts-expect-error baseUrl missing
    expect(() => InboxKit.mount(host, { adapter: { flavour: 'whatsapp', headers: {} } })).toThrow(/baseUrl/);
    // @ts-expect-error apiKey missing
    expect(() => InboxKit.mount(host, { adapter: { flavour: 'waply' } })).toThrow(/apiKey/);
    expect(() => InboxKit.mount(document.getElementById('nope'), { adapter: { flavour: 'memory' } })).toThrow(/must be an element/);
    // @ts-expect-error a URL where a function goes
    expect(() => InboxKit.mount(host, { adapter: { flavour: 'memory' }, resolveContact: '/api/contacts' })).toThrow(/resolveContact must be a function/);
    expect(log).toHaveBeenCalledTimes(5);
    expect(host.shadowRoot).toBeNull();
  });
});

describe('<inbox-kit>', () => {
  it('mounts from attributes, follows attribute changes, and unmounts when removed', async () => {
    const element = document.createElement('inbox-kit');
    element.setAttribute('flavour', 'memory');
    element.setAttribute('theme', 'dark');
    element.setAttribute('style', 'display:block !important; height: 500px !important');
    document.body.append(element);
    hosts.push(element);
    const shadow = shadowOf(element);
    const inbox = await find<HTMLElement>(shadow, '.ik-inbox');
    expect(inbox.getAttribute('data-theme')).toBe('dark');
    element.setAttribute('theme', 'light');
    await expect.poll(() => inbox.getAttribute('data-theme')).toBe('light');
    element.setAttribute('dir', 'rtl');
    await expect.poll(() => shadow.querySelector<HTMLElement>('.ik-widget-root')?.dir).toBe('rtl');
    element.remove();
    expect(shadow.childNodes.length).toBe(0);
  });
});
