import { mountInbox } from './mountInbox.js';
import type { MountedInbox } from './mountInbox.js';
import type { WidgetAdapterOptions, WidgetOptions } from './options.js';

const ATTRIBUTES = ['flavour', 'base-url', 'theme', 'locale', 'dir'] as const;

/**
 * Defines `<inbox-kit>`: attributes `flavour`, `base-url`, `theme`, `locale`,
 * `dir`, plus an `options` property for everything else (API keys, headers,
 * directory, `resolveContact`). Removing the element unmounts the inbox. Safe to call twice;
 * does nothing where custom elements do not exist (a server).
 */
export function defineInboxKitElement(name = 'inbox-kit'): void {
  if (typeof customElements === 'undefined' || customElements.get(name)) return;

  class InboxKitElement extends HTMLElement {
    static observedAttributes = [...ATTRIBUTES];
    #options: Partial<WidgetOptions> = {};
    #instance: MountedInbox | null = null;

    /** Options beyond the attributes; attributes win where both are set. */
    get options(): Partial<WidgetOptions> {
      return this.#options;
    }
    set options(value: Partial<WidgetOptions>) {
      this.#options = value ?? {};
      this.#sync();
    }

    connectedCallback() {
      this.#sync();
    }
    disconnectedCallback() {
      this.#instance?.unmount();
      this.#instance = null;
    }
    attributeChangedCallback() {
      this.#sync();
    }

    #resolved(): WidgetOptions {
      const flavour = this.getAttribute('flavour') ?? this.#options.adapter?.flavour ?? 'memory';
      const baseUrl = this.getAttribute('base-url');
      const adapter = { ...(this.#options.adapter ?? {}), flavour, ...(baseUrl !== null && { baseUrl }) } as WidgetAdapterOptions;
      const resolved: WidgetOptions = { ...this.#options, adapter };
      const theme = this.getAttribute('theme');
      if (theme !== null) resolved.theme = theme as WidgetOptions['theme'];
      const locale = this.getAttribute('locale');
      if (locale !== null) resolved.locale = locale;
      const dir = this.getAttribute('dir');
      if (dir !== null) resolved.dir = dir as WidgetOptions['dir'];
      return resolved;
    }

    #sync() {
      if (!this.isConnected) return;
      const options = this.#resolved();
      if (this.#instance) this.#instance.update(options);
      else this.#instance = mountInbox(this, options);
    }
  }
  customElements.define(name, InboxKitElement);
}
