import type * as Runtime from './runtime.js';
import type { WidgetAdapterOptions } from './options.js';

/** Chunk files, relative to this script, as the build named them: `runtime`, and for each backend its chunk with the lazy chunks it imports. */
declare const __INBOXKIT_CHUNKS__: { runtime: string } & Partial<Record<WidgetAdapterOptions['flavour'], string[]>>;

// Captured while the script runs (currentScript is null later, and in any
// callback): the chunks live beside the script, wherever the page put it.
const script = typeof document === 'undefined' ? null : document.currentScript;
const base =
  script instanceof HTMLScriptElement && script.src
    ? script.src
    : (document.querySelector<HTMLScriptElement>('script[src*="inboxkit"]')?.src ?? document.baseURI);

// Module URLs, imported by URL: no eval, nothing inline, so a CSP that allows this script's origin allows its chunks.
const load = (file: string) => import(/* @vite-ignore */ new URL(file, base).href);

let runtime: Promise<typeof Runtime> | undefined;

/** The script-tag build's loadRuntime: the runtime chunk, relative to this script. */
export function loadRuntime(): Promise<typeof Runtime> {
  runtime ??= load(__INBOXKIT_CHUNKS__.runtime) as Promise<typeof Runtime>;
  return runtime;
}

/** Starts fetching a backend's chunk beside the runtime's (the runtime imports the same URL, so it is one module). */
export function prefetchFlavour(flavour: WidgetAdapterOptions['flavour']): void {
  // The backend's chunk and the ones it imports, all at once (no waterfall); a failure is reported by the runtime's own import.
  for (const file of __INBOXKIT_CHUNKS__[flavour] ?? []) load(file).catch(() => {});
}
