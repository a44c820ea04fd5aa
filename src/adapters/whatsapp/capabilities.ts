import { MAX_PAGE_SIZE } from '../../core/query.js';
import type { AdapterCapabilities } from '../../core/types.js';

/** What the WhatsApp Business API can do: one channel, no notes, no teams, no history. */
export const WHATSAPP_CAPABILITIES: AdapterCapabilities = /* @__PURE__ */ Object.freeze<AdapterCapabilities>({
  statuses: /* @__PURE__ */ Object.freeze(['open', 'ai_handling', 'escalated', 'resolved'] as const),
  channels: /* @__PURE__ */ Object.freeze(['whatsapp'] as const),
  channelFilter: false,
  assigneeFilter: true,
  unassignedFilter: false,
  notes: false,
  listNotes: false,
  teams: false,
  messageHistory: false,
  listPreviews: true,
  resolution: true,
  unreadCounts: true,
  maxPageSize: MAX_PAGE_SIZE,
});
