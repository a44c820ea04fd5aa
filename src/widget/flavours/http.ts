// The two HTTP backends share their transport: one chunk for both, so no chunk is shared by them alone.
import { createWaplyAdapter } from '../../adapters/waply/index.js';
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import type { ConversationsAdapter } from '../../core/types.js';
import type { WidgetAdapterOptions, WidgetOptions } from '../options.js';

export function create(options: Exclude<WidgetAdapterOptions, { flavour: 'memory' }>, resolveContact?: WidgetOptions['resolveContact']): ConversationsAdapter {
  if (options.flavour === 'whatsapp') {
    return createWhatsAppAdapter({ baseUrl: options.baseUrl, headers: options.headers, ...(options.fetch && { fetch: options.fetch }) });
  }
  return createWaplyAdapter({
    apiKey: options.apiKey,
    ...(options.baseUrl !== undefined && { baseUrl: options.baseUrl }),
    ...(options.fetch && { fetch: options.fetch }),
    ...(resolveContact && { resolveContact }),
  });
}
