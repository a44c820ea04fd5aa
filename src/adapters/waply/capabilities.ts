import { MAX_PAGE_SIZE } from '../../core/query.js';
import type { AdapterCapabilities } from '../../core/types.js';

/** What the Waply API can do: open/resolved only, no AI, notes can be added but not listed, no resolution text. */
export const WAPLY_CAPABILITIES: AdapterCapabilities = /* @__PURE__ */ Object.freeze<AdapterCapabilities>({
  statuses: /* @__PURE__ */ Object.freeze(['open', 'resolved'] as const),
  channels: /* @__PURE__ */ Object.freeze(['whatsapp', 'instagram', 'messenger', 'webchat'] as const),
  channelFilter: true,
  assigneeFilter: true,
  unassignedFilter: false,
  notes: true,
  // The API can add notes but has no endpoint to list them.
  listNotes: false,
  teams: true,
  messageHistory: true,
  // The list sends `messages: []`: a row has no preview until the conversation is opened.
  listPreviews: false,
  resolution: false,
  unreadCounts: false,
  maxPageSize: MAX_PAGE_SIZE,
});
