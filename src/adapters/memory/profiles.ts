import type { AdapterCapabilities } from '../../core/types.js';
import { CHANNELS, CONVERSATION_STATUSES } from '../../core/types.js';
import { MAX_PAGE_SIZE } from '../../core/query.js';
import { WAPLY_CAPABILITIES } from '../waply/capabilities.js';
import { WHATSAPP_CAPABILITIES } from '../whatsapp/capabilities.js';

/** Which backend the memory adapter imitates, in capabilities and in data. */
export type MemoryProfile = 'full' | 'whatsapp' | 'waply';

/**
 * The capabilities of a profile (frozen). The HTTP profiles share their
 * adapters' objects; `full` is made on each call, so nothing is built at import.
 */
export function profileCapabilities(profile: MemoryProfile): AdapterCapabilities {
  // The two HTTP backends, exactly as their adapters declare them.
  if (profile === 'whatsapp') return WHATSAPP_CAPABILITIES;
  if (profile === 'waply') return WAPLY_CAPABILITIES;
  return Object.freeze({
    statuses: Object.freeze([...CONVERSATION_STATUSES]),
    channels: Object.freeze([...CHANNELS]),
    channelFilter: true,
    assigneeFilter: true,
    unassignedFilter: true,
    notes: true,
    listNotes: true,
    teams: true,
    messageHistory: true,
    listPreviews: true,
    resolution: true,
    unreadCounts: true,
    maxPageSize: MAX_PAGE_SIZE,
  });
}

/** Whether a profile has AI agents (`ai_handling` / `escalated`). */
export function hasAi(capabilities: AdapterCapabilities): boolean {
  return capabilities.statuses.includes('ai_handling');
}

/** Whether a profile reports unread counts (Waply does not). */
export function hasUnreadCounts(profile: MemoryProfile): boolean {
  return profile !== 'waply';
}

export function isMemoryProfile(value: unknown): value is MemoryProfile {
  return value === 'full' || value === 'whatsapp' || value === 'waply';
}
