// The widget's React half: everything mountInbox needs once it has an
// element, loaded as one chunk (the script tag's loader fetches it). The
// backends and each UI catalog other than English are chunks of their own.
import { createRoot } from 'react-dom/client';
import type { DateLocale } from '../hooks/context.js';
import { isInboxError } from '../core/errors.js';
import type { ConversationsAdapter } from '../core/types.js';
import { Inbox } from '../components/Inbox/Inbox.js';
import { InboxProvider } from '../hooks/InboxProvider.js';
import type { InboxMessages } from '../hooks/messages.js';
import css from '../styles/index.css?inline';
import { languageOf, sameAdapter } from './options.js';
import type { WidgetAdapterOptions, WidgetOptions } from './options.js';

// Only :host is styled from outside-in: reset what a host page could make
// the inbox inherit (letter-spacing, text-transform, ...), keep its font.
const HOST_CSS = `:host { all: initial; display: block; font-family: inherit; block-size: 100%; }
.ik-widget-root { block-size: 100%; }
.ik-widget-root > .ik-inbox { block-size: 100%; }`;

/** A UI catalog (`inboxkit/locales/<tag>`): its strings, and the language its dates are written in. */
interface Catalog {
  messages: InboxMessages;
  dateLocale: DateLocale;
}

// English is the default strings and dates (already in the runtime); every other catalog is a chunk
// fetched when asked for, its strings only: dates need no more than the language's tag (the platform's
// Intl writes them), so the catalog's date-fns locale is left out of the chunk.
// A Map, so a tag like "constructor" finds nothing.
const CATALOGS = new Map<string, () => Promise<Catalog>>([
  ['ar', () => import('../locales/ar.js').then(({ messages }) => ({ messages, dateLocale: { code: 'ar' } }))],
  ['de', () => import('../locales/de.js').then(({ messages }) => ({ messages, dateLocale: { code: 'de' } }))],
  ['es', () => import('../locales/es.js').then(({ messages }) => ({ messages, dateLocale: { code: 'es' } }))],
  ['fr', () => import('../locales/fr.js').then(({ messages }) => ({ messages, dateLocale: { code: 'fr' } }))],
  ['pt', () => import('../locales/pt.js').then(({ messages }) => ({ messages, dateLocale: { code: 'pt-BR' } }))],
  ['ja', () => import('../locales/ja.js').then(({ messages }) => ({ messages, dateLocale: { code: 'ja' } }))],
  ['hi', () => import('../locales/hi.js').then(({ messages }) => ({ messages, dateLocale: { code: 'hi' } }))],
]);

/** The catalog for a language: null (English) for `en`, and for a language without one, with a console warning. */
function loadCatalog(language: string, tag: string | undefined): Promise<Catalog | null> {
  const load = CATALOGS.get(language);
  if (load) return load();
  if (language !== 'en') {
    console.warn(`[InboxKit] No UI catalog for locale ${JSON.stringify(tag)}: showing English. Catalogs: en, ${[...CATALOGS.keys()].join(', ')}.`);
  }
  return Promise.resolve(null);
}

// One constructed stylesheet for every widget on the page: adopted by each shadow root, so a strict
// CSP (style-src without 'unsafe-inline') applies it, where an inline <style> would be blocked.
let sharedSheet: CSSStyleSheet | undefined;
function constructedSheet(shadow: ShadowRoot): CSSStyleSheet | null {
  if (!Array.isArray(shadow.adoptedStyleSheets) || typeof CSSStyleSheet !== 'function' || typeof CSSStyleSheet.prototype.replaceSync !== 'function') return null;
  try {
    if (!sharedSheet) {
      const sheet = new CSSStyleSheet();
      sheet.replaceSync(`${css}\n${HOST_CSS}`);
      sharedSheet = sheet;
    }
    return sharedSheet;
  } catch {
    return null; // a browser with the property but no constructor: the <style> fallback
  }
}

/** Puts the stylesheet in the shadow root (adopted where the browser can, else a <style>); returns its removal. */
function applyStyles(shadow: ShadowRoot): () => void {
  const sheet = constructedSheet(shadow);
  if (sheet) {
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, sheet];
    return () => {
      shadow.adoptedStyleSheets = shadow.adoptedStyleSheets.filter((s) => s !== sheet);
    };
  }
  const style = document.createElement('style');
  style.textContent = `${css}\n${HOST_CSS}`;
  shadow.prepend(style);
  return () => style.remove();
}

/** Makes the adapter an options object describes, from that backend's own chunk (the loader may have prefetched it). */
async function createAdapter(options: WidgetAdapterOptions, resolveContact: WidgetOptions['resolveContact']): Promise<ConversationsAdapter> {
  switch (options.flavour) {
    case 'memory':
      return (await import('./flavours/memory.js')).create(options);
    case 'whatsapp':
      return (await import('./flavours/whatsapp.js')).create(options);
    case 'waply':
      return (await import('./flavours/waply.js')).create(options, resolveContact);
  }
}

/** The parts of the shadow root the loader made. */
export interface ViewParts {
  shadow: ShadowRoot;
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
  resolveContact: WidgetOptions['resolveContact'];
  adapter: ConversationsAdapter;
  language: string;
  catalog: Catalog | null;
}

/**
 * Renders the inbox into `parts` once its adapter and UI catalog are here.
 * Options that need nothing fetched apply at once; otherwise the inbox keeps
 * showing the previous ones until the new ones can render, and only the
 * latest options ever render.
 */
export function createView(parts: ViewParts, options: WidgetOptions): View {
  const removeStyles = applyStyles(parts.shadow);
  const root = createRoot(parts.container);
  let alive = true;
  let ticket = 0;
  let shown: Shown | null = null;
  // The host's messages over the catalog, made again only when either changes (a new object would
  // re-render every part of the inbox on an unrelated update, such as the theme).
  let merged: { catalog: Catalog | null; own: WidgetOptions['messages']; messages: WidgetOptions['messages'] } | null = null;
  const messagesFor = (catalog: Catalog | null, own: WidgetOptions['messages']) => {
    if (merged?.catalog !== catalog || merged.own !== own) merged = { catalog, own, messages: catalog ? { ...catalog.messages, ...own } : own };
    return merged.messages;
  };

  const render = (current: WidgetOptions, next: Shown) => {
    shown = next;
    parts.container.dir = current.dir ?? (next.language === 'ar' ? 'rtl' : 'ltr');
    parts.container.lang = current.locale ?? 'en';
    root.render(
      <InboxProvider
        adapter={next.adapter}
        currentUser={current.currentUser ?? null}
        directory={current.directory}
        locale={next.catalog?.dateLocale}
        messages={messagesFor(next.catalog, current.messages)}
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
    // The adapter caches looked-up contacts, so another resolveContact is another adapter.
    const adapter = shown && sameAdapter(shown.adapterOptions, current.adapter) && shown.resolveContact === current.resolveContact ? shown.adapter : null;
    const sameLanguage = shown?.language === language;
    if (adapter && sameLanguage) {
      render(current, { ...shown!, adapterOptions: current.adapter });
      return;
    }
    Promise.all([adapter ?? createAdapter(current.adapter, current.resolveContact), sameLanguage ? shown!.catalog : loadCatalog(language, current.locale)]).then(
      ([nextAdapter, catalog]) => {
        // Superseded by a later update, or unmounted meanwhile: drop it.
        if (alive && mine === ticket) render(current, { adapterOptions: current.adapter, resolveContact: current.resolveContact, adapter: nextAdapter, language, catalog });
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
      removeStyles();
    },
  };
}
