// The memory backend (generator and corpus): fetched only by a page that asks for it.
import { createMemoryAdapter } from '../../adapters/memory/index.js';
import type { ConversationsAdapter } from '../../core/types.js';
import type { WidgetAdapterOptions } from '../options.js';

export function create(options: Extract<WidgetAdapterOptions, { flavour: 'memory' }>): ConversationsAdapter {
  return createMemoryAdapter({ seed: options.seed, size: options.size, latencyMs: options.latencyMs, failureRate: options.failureRate });
}
