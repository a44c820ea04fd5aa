import { createRoot } from 'react-dom/client';
import type { Root } from 'react-dom/client';
import { InboxError, isInboxError } from '../core/errors.js';
import type { ConversationsAdapter } from '../core/types.js';
import { Inbox } from '../components/Inbox/Inbox.js';
import { InboxProvider } from '../hooks/InboxProvider.js';
import css from '../styles/index.css?inline';
import { createAdapterFromOptions, resolveLocale, sameAdapter, validateOptions } from './options.js';
import type { WidgetOptions } from './options.js';

/** A mounted widget. */
export interface MountedInbox {
  /** Changes options without losing the user's place (selection, drafts). A new backend starts a new inbox. */
  update(options: Partial<WidgetOptions>): void;
  /** Removes everything the widget added: DOM, listeners, timers, subscriptions. */
  unmount(): void;
}

// Only :host is styled from outside-in: reset what a host page could make
// the inbox inherit (letter-spacing, text-transform, …), keep its font.
const HOST_CSS = `:host { all: initial; display: block; font-family: inherit; block-size: 100%; }
.ik-widget-root { block-size: 100%; }
.ik-widget-root > .ik-inbox { block-size: 100%; }`;

const mounted = new WeakMap<Element, MountedInbox>();

function reportOnce(error: unknown): void {
  // Thrown to the caller and logged once, so a page without error handling still shows why.
  console.error(isInboxError(error) ? `[InboxKit] ${error.message}` : error);
}

/**
 * Renders the whole inbox into an open shadow root of `element`, with the
 * stylesheet inside it: the host page's CSS cannot reach in, and nothing
 * leaks out. Mounting again into the same element replaces the first inbox.
 */
export function mountInbox(element: Element | null | undefined, options: WidgetOptions): MountedInbox {
  try {
    if (!element || typeof (element as Element).attachShadow !== 'function') {
      throw new InboxError('invalid_input', 'InboxKit.mount: the first argument must be an element, e.g. document.getElementById("inbox").');
    }
    validateOptions(options);
  } catch (error) {
    reportOnce(error);
    throw error;
  }
  mounted.get(element)?.unmount();

  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  const style = document.createElement('style');
  style.textContent = `${css}\n${HOST_CSS}`;
  const container = document.createElement('div');
  container.className = 'ik-widget-root';
  // Menus portal here, inside the shadow root, so they are styled and keyboard focus stays inside.
  const portal = document.createElement('div');
  portal.className = 'ik-widget-portal';
  shadow.append(style, container, portal);

  let current: WidgetOptions = options;
  let adapter: ConversationsAdapter = createAdapterFromOptions(options.adapter);
  const root: Root = createRoot(container);

  const render = () => {
    const { code, locale } = resolveLocale(current.locale);
    container.dir = current.dir ?? (code === 'ar' ? 'rtl' : 'ltr');
    container.lang = current.locale ?? 'en';
    root.render(
      <InboxProvider
        adapter={adapter}
        currentUser={current.currentUser ?? null}
        directory={current.directory}
        locale={locale}
        messages={current.messages}
        pollIntervalMs={current.pollIntervalMs}
      >
        <Inbox theme={current.theme ?? 'auto'} portalContainer={portal} />
      </InboxProvider>,
    );
  };
  render();

  let alive = true;
  const instance: MountedInbox = {
    update(partial) {
      if (!alive) return;
      const next = { ...current, ...partial };
      try {
        validateOptions(next);
      } catch (error) {
        reportOnce(error);
        throw error;
      }
      if (!sameAdapter(current.adapter, next.adapter)) adapter = createAdapterFromOptions(next.adapter);
      current = next;
      render();
    },
    unmount() {
      if (!alive) return;
      alive = false;
      root.unmount();
      style.remove();
      container.remove();
      portal.remove();
      if (mounted.get(element) === instance) mounted.delete(element);
    },
  };
  mounted.set(element, instance);
  return instance;
}
