// The widget's React half: everything mountInbox needs once it has an
// element, loaded as one chunk (the script tag's loader fetches it). The
// backends and each date locale other than English is a chunk of its own.
import { createRoot } from 'react-dom/client';
import type { Locale } from 'date-fns';
import { isInboxError } from '../core/errors.js';
import type { ConversationsAdapter } from '../core/types.js';
import { Inbox } from '../components/Inbox/Inbox.js';
import { InboxProvider } from '../hooks/InboxProvider.js';
import css from '../styles/index.css?inline';
import { languageOf, sameAdapter } from './options.js';
import type { WidgetAdapterOptions, WidgetOptions } from './options.js';

// Only :host is styled from outside-in: reset what a host page could make
// the inbox inherit (letter-spacing, text-transform, ...), keep its font.
const HOST_CSS = `:host { all: initial; display: block; font-family: inherit; block-size: 100%; }
.ik-widget-root { block-size: 100%; }
.ik-widget-root > .ik-inbox { block-size: 100%; }`;

// English is date-fns's default (already in the chunk); the others load when asked for.
// A Map, so a tag like "constructor" finds nothing.
const DATE_LOCALES = new Map<string, () => Promise<Locale>>([
  ['ar', () => import('date-fns/locale/ar').then((m) => m.ar)],
  ['de', () => import('date-fns/locale/de').then((m) => m.de)],
  ['es', () => import('date-fns/locale/es').then((m) => m.es)],
  ['fr', () => import('date-fns/locale/fr').then((m) => m.fr)],
  ['pt', () => import('date-fns/locale/pt').then((m) => m.pt)],
]);

/** The date-fns locale for a language: undefined (English) unless it is one of the fetched ones. */
function loadDateLocale(language: string): Promise<Locale | undefined> {
  return DATE_LOCALES.get(language)?.() ?? Promise.resolve(undefined);
}

/** Makes the adapter an options object describes, from that backend's own chunk (the loader may have prefetched it). */
async function createAdapter(options: WidgetAdapterOptions): Promise<ConversationsAdapter> {
  switch (options.flavour) {
    case 'memory':
      return (await import('./flavours/memory.js')).create(options);
    case 'whatsapp':
    case 'waply':
      return (await import('./flavours/http.js')).create(options);
  }
}

/** The parts of the shadow root the loader made. */
export interface ViewParts {
  style: HTMLStyleElement;
  container: HTMLElement;
  portal: HTMLElement;
}

/** A rendered inbox: `update` takes the whole (validated) options, `unmount` removes the React tree. */
export interface View {
  update(options: WidgetOptions): void;
  unmount(): void;
}

interface Shown {
  adapterOptions: WidgetAdapterOptions;
  adapter: ConversationsAdapter;
  language: string;
  locale: Locale | undefined;
}

/**
 * Renders the inbox into `parts` once its adapter and date locale are here.
 * Options that need nothing fetched apply at once; otherwise the inbox keeps
 * showing the previous ones until the new ones can render, and only the
 * latest options ever render.
 */
export function createView(parts: ViewParts, options: WidgetOptions): View {
  parts.style.textContent = `${css}\n${HOST_CSS}`;
  const root = createRoot(parts.container);
  let alive = true;
  let ticket = 0;
  let shown: Shown | null = null;

  const render = (current: WidgetOptions, next: Shown) => {
    shown = next;
    parts.container.dir = current.dir ?? (next.language === 'ar' ? 'rtl' : 'ltr');
    parts.container.lang = current.locale ?? 'en';
    root.render(
      <InboxProvider
        adapter={next.adapter}
        currentUser={current.currentUser ?? null}
        directory={current.directory}
        locale={next.locale}
        messages={current.messages}
        pollIntervalMs={current.pollIntervalMs}
        waitingAlertAfterMs={current.waitingAlertAfterMs}
        undoMs={current.undoMs}
      >
        <Inbox theme={current.theme ?? 'auto'} portalContainer={parts.portal} />
      </InboxProvider>,
    );
  };

  const apply = (current: WidgetOptions) => {
    const mine = ++ticket;
    const language = languageOf(current.locale);
    const adapter = shown && sameAdapter(shown.adapterOptions, current.adapter) ? shown.adapter : null;
    const sameLanguage = shown?.language === language;
    if (adapter && sameLanguage) {
      render(current, { ...shown!, adapterOptions: current.adapter });
      return;
    }
    Promise.all([adapter ?? createAdapter(current.adapter), sameLanguage ? shown!.locale : loadDateLocale(language)]).then(
      ([nextAdapter, locale]) => {
        // Superseded by a later update, or unmounted meanwhile: drop it.
        if (alive && mine === ticket) render(current, { adapterOptions: current.adapter, adapter: nextAdapter, language, locale });
      },
      (error: unknown) => {
        if (!alive || mine !== ticket) return;
        console.error(isInboxError(error) ? `[InboxKit] ${error.message}` : error);
        if (!shown) parts.container.textContent = 'The inbox could not load. Reload the page to try again.';
      },
    );
  };
  apply(options);

  return {
    update(next) {
      if (alive) apply(next);
    },
    unmount() {
      if (!alive) return;
      alive = false;
      root.unmount();
    },
  };
}
