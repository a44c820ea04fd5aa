// The Waply backend: fetched only by a page that asks for it (its transport is a chunk it shares with WhatsApp's).
import { createWaplyAdapter } from '../../adapters/waply/index.js';
import type { ConversationsAdapter } from '../../core/types.js';
import type { WidgetAdapterOptions, WidgetOptions } from '../options.js';

export function create(options: Extract<WidgetAdapterOptions, { flavour: 'waply' }>, resolveContact?: WidgetOptions['resolveContact']): ConversationsAdapter {
  return createWaplyAdapter({
    apiKey: options.apiKey,
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(resolveContact && { resolveContact }),
  });
}
