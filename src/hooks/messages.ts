import type { InboxErrorCode } from '../core/errors.js';
import type { Channel, ConversationStatus } from '../core/types.js';
import { plural } from '../locales/plural.js';

/**
 * Every string the UI shows, in one object. English by default; pass
 * `messages` to `InboxProvider` (any subset) to translate or reword.
 */
export interface InboxMessages {
  conversations: string;
  filters: string;
  statusFilter: string;
  channelFilter: string;
  assigneeFilter: string;
  allStatuses: string;
  allChannels: string;
  anyone: string;
  mine: string;
  unassigned: string;
  /** Name of the views tablist (Mine, Unassigned, All). */
  views: string;
  viewAll: string;
  /** A view tab's accessible name with its count: "Mine, 12 conversations". */
  viewWithCount: (view: string, count: number) => string;
  /** A filter option with its count: "Open (12)". */
  optionWithCount: (option: string, count: number) => string;
  status: Record<ConversationStatus, string>;
  unknownStatus: (raw: string) => string;
  channel: Record<Channel, string>;
  unknownChannel: (raw: string) => string;
  unknownContact: (contactId: string) => string;
  unread: (count: number) => string;
  assignedTo: (name: string) => string;
  noMessagesYet: string;
  /** Marks an outbound message (the model has no author, so never "You"). */
  sent: string;
  justNow: string;
  minutesAgo: (n: number) => string;
  hoursAgo: (n: number) => string;
  yesterday: string;
  today: string;
  loading: string;
  loadingMore: string;
  /** Said when End reaches the last loaded row and more must load. */
  endOfLoaded: (loaded: number, total: number) => string;
  emptyList: string;
  emptyListFiltered: string;
  retry: string;
  listError: string;
  refreshError: string;
  loadMoreError: string;
  selectConversation: string;
  conversationNotFound: string;
  conversationError: string;
  back: string;
  resolve: string;
  resolving: string;
  resolved: string;
  /** The Undo line while a resolve waits to be sent: "Resolved: Maria Lopez."; with `others` waiting too, "Resolved: Maria Lopez and 2 more." */
  resolvedUndoable: (name: string, others: number) => string;
  /** Takes back the latest resolve still waiting to be sent. */
  undo: string;
  /** Takes back every resolve still waiting to be sent. */
  undoAll: string;
  /** The second resolve action, where the backend takes a resolution text. */
  resolveWithNote: string;
  /** Label of the resolution text field. */
  resolutionLabel: string;
  /** Said when Resolve is pressed with an empty resolution text. */
  resolutionEmpty: string;
  cancel: string;
  assign: string;
  assignToMe: string;
  people: string;
  teams: string;
  filterPeople: string;
  noMatches: string;
  assigning: string;
  dismiss: string;
  /** Leads an assign refusal's row ("Not assigned."), before the reason. */
  assignFailed: string;
  /** Leads a resolve refusal's row ("Not resolved."), before the reason. */
  resolveFailed: string;
  /** Reasons in words for people, per error code, and for refusals the server explains. */
  errors: Record<InboxErrorCode, string> & { notMember: string; teamNotMember: string };
  aiHandlingExplained: string;
  escalatedExplained: string;
  takeOver: string;
  historyUnavailable: string;
  lastMessage: string;
  details: string;
  /** Words for metadata keys the backends send; other keys are humanized ("customer_tier" → "Customer tier"). */
  metadataLabels: Record<string, string>;
  /** Words for values of `metadata.source`; others are humanized. */
  metadataSources: Record<string, string>;
  yes: string;
  no: string;
  timeline: string;
  conversation: string;
  labels: string;
  inbound: string;
  internalNote: string;
  noteOnlyTeam: string;
  notesUnsupported: string;
  addNote: string;
  addingNote: string;
  noteEmpty: string;
  noteHint: string;
  sending: string;
  shortcuts: string;
  shortcutList: Array<[keys: string, action: string]>;
  close: string;
}

const moreEn = plural('en', { other: '# more' });

export const defaultMessages: InboxMessages = {
  conversations: 'Conversations',
  filters: 'Filters',
  statusFilter: 'Status',
  channelFilter: 'Channel',
  assigneeFilter: 'Assignee',
  allStatuses: 'All',
  allChannels: 'All',
  anyone: 'Anyone',
  mine: 'Mine',
  unassigned: 'Unassigned',
  views: 'Views',
  viewAll: 'All',
  viewWithCount: (view, count) => `${view}, ${count === 1 ? '1 conversation' : `${count} conversations`}`,
  optionWithCount: (option, count) => `${option} (${count})`,
  status: { open: 'Open', ai_handling: 'AI handling', escalated: 'Escalated', resolved: 'Resolved' },
  unknownStatus: (raw) => `Status: ${raw}`,
  channel: { whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', webchat: 'Web chat' },
  unknownChannel: (raw) => raw,
  unknownContact: (contactId) => `Contact ${contactId.slice(-6)}`,
  unread: plural('en', { one: '# unread message', other: '# unread messages' }),
  assignedTo: (name) => `Assigned to ${name}`,
  noMessagesYet: 'No messages yet',
  sent: 'Sent',
  justNow: 'now',
  minutesAgo: plural('en', { other: '#m' }),
  hoursAgo: plural('en', { other: '#h' }),
  yesterday: 'Yesterday',
  today: 'Today',
  loading: 'Loading…',
  loadingMore: 'Loading more…',
  endOfLoaded: (loaded, total) => `Last loaded conversation: ${loaded} of ${total}. Loading more; press End again to go further.`,
  emptyList: 'No conversations yet.',
  emptyListFiltered: 'No conversations match these filters.',
  retry: 'Retry',
  listError: 'Conversations could not be loaded.',
  refreshError: 'Could not refresh.',
  loadMoreError: 'More conversations could not be loaded.',
  selectConversation: 'Select a conversation to see it here.',
  conversationNotFound: 'This conversation no longer exists.',
  conversationError: 'This conversation could not be loaded.',
  back: 'Back to conversations',
  resolve: 'Resolve',
  resolving: 'Resolving…',
  resolved: 'Resolved',
  resolvedUndoable: (name, others) => (others > 0 ? `Resolved: ${name} and ${moreEn(others)}.` : `Resolved: ${name}.`),
  undo: 'Undo',
  undoAll: 'Undo all',
  resolveWithNote: 'Resolve with a note…',
  resolutionLabel: 'Resolution note',
  resolutionEmpty: 'Write the resolution first, or use Resolve.',
  cancel: 'Cancel',
  assign: 'Assign',
  assignToMe: 'Assign to me',
  people: 'People',
  teams: 'Teams',
  filterPeople: 'Find a person or team',
  noMatches: 'Nobody matches.',
  assigning: 'Assigning…',
  dismiss: 'Dismiss',
  assignFailed: 'Not assigned.',
  resolveFailed: 'Not resolved.',
  errors: {
    notMember: 'This person is not a member of this organization.',
    teamNotMember: 'This team is not part of this organization.',
    invalid_id: 'The server did not accept this conversation’s id.',
    invalid_input: 'The server did not accept the request.',
    unauthorized: 'You are not signed in, or your session has ended.',
    forbidden: 'You are not allowed to do this.',
    not_found: 'This conversation no longer exists.',
    rate_limited: 'Too many requests right now. Try again in a moment.',
    server: 'The server had a problem. Try again.',
    network: 'The server could not be reached. Check the connection and try again.',
    timeout: 'The server took too long to answer. Try again.',
    invalid_response: 'The server sent an answer that could not be read.',
    unsupported: 'This backend cannot do that.',
    aborted: 'The request was cancelled.',
  },
  aiHandlingExplained: 'An AI agent is handling this conversation. Assign it to yourself to take over.',
  escalatedExplained: 'The AI agent escalated this conversation to a human. Assign it to yourself to take over.',
  takeOver: 'Take over',
  historyUnavailable: 'The full message history is not available from this backend; only the last message is shown.',
  lastMessage: 'Last message',
  details: 'Details',
  metadataLabels: { source: 'Source', firstMessageAt: 'First message', resolution: 'Resolution' },
  metadataSources: { organic: 'Organic', campaign: 'Campaign', ad_click: 'Ad click', qr_code: 'QR code', website_widget: 'Website widget' },
  yes: 'Yes',
  no: 'No',
  timeline: 'Messages and notes',
  conversation: 'Conversation',
  labels: 'Labels',
  inbound: 'Customer',
  internalNote: 'Internal note',
  noteOnlyTeam: 'Only visible to your team',
  notesUnsupported: 'Internal notes are not supported by this backend.',
  addNote: 'Add note',
  addingNote: 'Adding…',
  noteEmpty: 'Write something first: an empty note cannot be added.',
  noteHint: 'Ctrl+Enter to add, Shift+Enter for a new line',
  sending: 'Sending…',
  shortcuts: 'Keyboard shortcuts',
  shortcutList: [
    ['j / k', 'Next / previous conversation'],
    ['↑ / ↓', 'Move in the list'],
    ['Enter', 'Open the conversation'],
    ['e', 'Resolve'],
    ['z', 'Undo the last resolve'],
    ['a', 'Assign'],
    ['n', 'Write a note'],
    ['?', 'Show these shortcuts'],
  ],
  close: 'Close',
};
