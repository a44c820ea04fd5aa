// The WhatsApp backend: fetched only by a page that asks for it (its transport is a chunk it shares with Waply's).
import { createWhatsAppAdapter } from '../../adapters/whatsapp/index.js';
import type { ConversationsAdapter } from '../../core/types.js';
import type { WidgetAdapterOptions } from '../options.js';

export function create(options: Extract<WidgetAdapterOptions, { flavour: 'whatsapp' }>): ConversationsAdapter {
  return createWhatsAppAdapter({ baseUrl: options.baseUrl, headers: options.headers, ...(options.fetch && { fetch: options.fetch }) });
}
