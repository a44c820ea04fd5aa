import type * as Runtime from './runtime.js';
import type { WidgetAdapterOptions } from './options.js';

/**
 * Fetches the widget's React half. From a bundler (`inboxkit/widget`) this is
 * an ordinary dynamic import the host's bundler splits; the script-tag build
 * swaps this file for load.iife.ts, which finds the chunks next to the script.
 */
export function loadRuntime(): Promise<typeof Runtime> {
  return import('./runtime.js');
}

/** Starts fetching a backend's chunk beside the runtime's, so neither waits for the other (the runtime imports it too). */
export function prefetchFlavour(flavour: WidgetAdapterOptions['flavour']): void {
  const load = flavour === 'memory' ? import('./flavours/memory.js') : flavour === 'waply' ? import('./flavours/waply.js') : import('./flavours/whatsapp.js');
  load.catch(() => {}); // a failure is reported by the runtime's own import
}
