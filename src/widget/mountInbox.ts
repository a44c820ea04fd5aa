import { InboxError, isInboxError } from '../core/errors.js';
import { loadRuntime, prefetchFlavour } from './load.js';
import type { View } from './runtime.js';
import { validateOptions } from './options.js';
import type { WidgetOptions } from './options.js';

/** A mounted widget. */
export interface MountedInbox {
  /** Changes options without losing the user's place (selection, drafts). A new backend starts a new inbox. */
  update(options: Partial<WidgetOptions>): void;
  /** Removes everything the widget added: DOM, listeners, timers, subscriptions. */
  unmount(): void;
}

const mounted = new WeakMap<Element, MountedInbox>();

function reportOnce(error: unknown): void {
  // Thrown to the caller and logged once, so a page without error handling still shows why.
  console.error(isInboxError(error) ? `[InboxKit] ${error.message}` : error);
}

/**
 * Renders the whole inbox into an open shadow root of `element`, with the
 * stylesheet inside it (a constructed sheet the shadow root adopts, or a
 * `<style>` where the browser has no `adoptedStyleSheets`): the host page's
 * CSS cannot reach in, and nothing leaks out. Mounting again into the same element replaces the first inbox.
 *
 * Options are checked and the shadow root made at once; the inbox itself
 * (React and the UI, a chunk of its own) renders when its code has arrived.
 * The handle works from the start: an `update` before then is applied, an
 * `unmount` before then means nothing ever renders.
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
  const container = document.createElement('div');
  container.className = 'ik-widget-root';
  // Menus portal here, inside the shadow root, so they are styled and keyboard focus stays inside.
  const portal = document.createElement('div');
  portal.className = 'ik-widget-portal';
  shadow.append(container, portal);

  let current: WidgetOptions = options;
  let view: View | null = null;
  let alive = true;
  prefetchFlavour(options.adapter.flavour);
  loadRuntime().then(
    (runtime) => {
      // The runtime brings the stylesheet (adopted by the shadow root, so a strict CSP allows it).
      if (alive) view = runtime.createView({ shadow, container, portal }, current);
    },
    (error: unknown) => {
      if (!alive) return;
      reportOnce(error);
      container.setAttribute('role', 'alert');
      container.textContent = 'The inbox could not load. Reload the page to try again.';
    },
  );

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
      current = next;
      view?.update(next);
    },
    unmount() {
      if (!alive) return;
      alive = false;
      view?.unmount();
      container.remove();
      portal.remove();
      if (mounted.get(element) === instance) mounted.delete(element);
    },
  };
  mounted.set(element, instance);
  return instance;
}
