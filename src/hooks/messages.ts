import type { InboxErrorCode } from '../core/errors.js';
import type { Channel, ConversationStatus } from '../core/types.js';
import type { ReplyWindowState } from '../core/triage.js';
import { plural } from '../locales/plural.js';
import { endSentence, lowerFirst, shortId } from '../locales/sentence.js';

/**
 * What a conversation row says, for its accessible name (`rowLabel`): every
 * piece already in words, so a catalog only orders and joins them.
 */
export interface RowLabelParts {
  /** The contact's display name. */
  name: string;
  /** The status's label (`status[…]`), or `null` for open conversations (rows show no badge for them). */
  status: string | null;
  /** The assignee's name (or id, when no name is known), or `null` when unassigned. */
  assignee: string | null;
  /** Unread messages; 0 when none or unknown. */
  unread: number;
  /** How long the customer has waited, in words ("2 hours"), or `null` when nobody is waiting or it is unknown. */
  waiting: string | null;
  /** Whether the wait is past `waitingAlertAfterMs`. */
  overdue: boolean;
  /** WhatsApp's reply window, with the time left in words ("3 hours"), or `null` where there is none. */
  window: { state: ReplyWindowState; left: string } | null;
  /** The last activity, in words: "4 minutes ago", "now". */
  time: string;
  /** The newest message, or `null` where none is known. */
  preview: { text: string; sent: boolean } | null;
  /** Whether the backend said there are no messages at all (not merely that its list carries no preview). */
  noMessages: boolean;
}

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
  /** The filter that shows only unread conversations, among those loaded. */
  unreadFilter: string;
  /** Beside the Unread filter: it filters what is loaded, not the whole inbox. */
  unreadFilterHint: string;
  /** Above the rows while the Unread filter is on: "Unread among the 50 loaded conversations". */
  unreadAmongLoaded: (loaded: number) => string;
  /** The list's empty state while the Unread filter is on. */
  noUnreadLoaded: string;
  loadMore: string;
  assignedTo: (name: string) => string;
  noMessagesYet: string;
  /** Marks an outbound message (the model has no author, so never "You"). */
  sent: string;
  justNow: string;
  minutesAgo: (n: number) => string;
  hoursAgo: (n: number) => string;
  /** A number of days, short ("3d"); with `minutesAgo` and `hoursAgo` it writes short durations ("Waiting 3d"). */
  daysShort: (n: number) => string;
  /** A row's and the view's waiting time, with a short duration: "Waiting 2h". */
  waitingFor: (duration: string) => string;
  /** WhatsApp's reply window, open, with a short duration: "Reply window: 3h left". */
  replyWindowLeft: (duration: string) => string;
  /** WhatsApp's reply window, under two hours left, with a short duration: "Reply window closes in 40m". */
  replyWindowClosing: (duration: string) => string;
  /** WhatsApp's reply window after 24 hours. */
  replyWindowClosed: string;
  /** A narrow row's reply window, open or closing, with a short duration: "3h left" (the long form goes in its `title`). */
  replyWindowLeftShort: (duration: string) => string;
  /** A narrow row's reply window after 24 hours: "Window closed". */
  replyWindowClosedShort: string;
  /** The view's sentence about an open window: when it closes ("14:05" or "2 Dec, 14:05") and the time left in words. */
  replyWindowExplained: (closesAt: string, left: string) => string;
  /** The view's sentence about a closed window: when it closed. */
  replyWindowClosedExplained: (closedAt: string) => string;
  /** A row's accessible name: one sentence of its parts, e.g. "Daniel Smith, escalated, assigned to Alice Support, 2 unread, 4 minutes ago: I was charged twice this month." */
  rowLabel: (parts: RowLabelParts) => string;
  yesterday: string;
  today: string;
  loading: string;
  loadingMore: string;
  /** The button over a list held still while the agent is on it: rows that arrived or moved up meanwhile, not shown yet ("3 new"). */
  newRows: (count: number) => string;
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
  /** The assign menu when there is nobody to offer (no directory was given and the backend lists nobody), before any filter. */
  noAssignees: string;
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
  /** A sent message's delivery status by the backend's word; a word not here is shown humanized ("pending_review" → "Pending review"). */
  deliveryStatus: Record<string, string>;
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
  /**
   * On a note kept in this browser because the backend cannot list notes; `backend` is its name
   * ("Waply"), or `null` for a backend InboxKit does not know.
   */
  savedInBrowser: (backend: string | null) => string;
  /** On such a note when this browser could not keep it (storage full or blocked). */
  notSavedInBrowser: (backend: string | null) => string;
  shortcuts: string;
  shortcutList: Array<[keys: string, action: string]>;
  close: string;
  /** A row checkbox's name: "Select Maria Lopez". */
  selectRow: (name: string) => string;
  /** Name of the toolbar that replaces the filters while conversations are selected. */
  selectedConversations: string;
  /** The toolbar's count: "3 selected". */
  selectedCount: (count: number) => string;
  /** The toolbar's assign menu button (the menu applies to every selected conversation). */
  assignSelected: string;
  /** Unselects everything. */
  clearSelection: string;
  /** Asked before resolving more than 100 at once. */
  bulkConfirmResolve: (count: number) => string;
  /** Asked before assigning more than 100 at once. */
  bulkConfirmAssign: (count: number, name: string) => string;
  /** Says what a confirmed batch will send. */
  bulkConfirmDetail: (count: number) => string;
  /** The confirm button: "Send 250 requests". */
  bulkConfirmSend: (count: number) => string;
  /** While a batch runs. */
  bulkRunning: (count: number) => string;
  /** Stops a running batch. */
  stop: string;
  /** Parts of a finished batch's summary ("11 resolved, 1 failed: ‹reason›"). */
  bulkResolved: (count: number) => string;
  bulkAssigned: (count: number) => string;
  bulkFailed: (count: number) => string;
  /** A failed part with its reason: "1 failed: You are not allowed to do this." */
  bulkFailedReason: (failed: string, reason: string) => string;
  /** Left untouched because the batch was stopped first. */
  bulkNotSent: (count: number) => string;
  /** Taken back in the undo window (never counted as resolved). */
  bulkUndone: (count: number) => string;
  /** Between the parts of a summary. */
  bulkSeparator: string;
  /** Selects the conversations that failed again. */
  retryFailed: string;
}

const unreadShort = plural('en', { other: '# unread' });
const conversationsEn = plural('en', { one: '# conversation', other: '# conversations' });
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
  unknownContact: (contactId) => `Contact ${shortId(contactId)}`,
  unread: plural('en', { one: '# unread message', other: '# unread messages' }),
  unreadFilter: 'Unread',
  unreadFilterHint: 'among loaded conversations',
  unreadAmongLoaded: plural('en', { one: 'Unread among the # loaded conversation', other: 'Unread among the # loaded conversations' }),
  noUnreadLoaded: 'No unread conversations among the loaded ones.',
  loadMore: 'Load more',
  assignedTo: (name) => `Assigned to ${name}`,
  noMessagesYet: 'No messages yet',
  sent: 'Sent',
  justNow: 'now',
  minutesAgo: plural('en', { other: '#m' }),
  hoursAgo: plural('en', { other: '#h' }),
  daysShort: plural('en', { other: '#d' }),
  waitingFor: (duration) => `Waiting ${duration}`,
  replyWindowLeft: (duration) => `Reply window: ${duration} left`,
  replyWindowClosing: (duration) => `Reply window closes in ${duration}`,
  replyWindowClosed: 'Reply window closed: only template messages can be sent',
  replyWindowLeftShort: (duration) => `${duration} left`,
  replyWindowClosedShort: 'Window closed',
  replyWindowExplained: (closesAt, left) =>
    `You can reply freely until ${closesAt} (${left} left); after that, WhatsApp allows only template messages until the customer writes again.`,
  replyWindowClosedExplained: (closedAt) => `The 24-hour reply window closed at ${closedAt}: WhatsApp allows only template messages until the customer writes again.`,
  rowLabel: ({ name, status, assignee, unread, waiting, overdue, window, time, preview, noMessages }) => {
    const parts = [name];
    if (status) parts.push(lowerFirst(status));
    if (assignee) parts.push(`assigned to ${assignee}`);
    if (unread > 0) parts.push(unreadShort(unread));
    if (waiting) parts.push(overdue ? `waiting ${waiting}, overdue` : `waiting ${waiting}`);
    if (window) parts.push(window.state === 'closed' ? 'reply window closed' : window.state === 'closing' ? `reply window closes in ${window.left}` : `reply window open, ${window.left} left`);
    parts.push(time);
    if (noMessages) parts.push('no messages yet');
    const head = parts.join(', ');
    return preview ? (preview.sent ? `${head}, sent: ${endSentence(preview.text)}` : `${head}: ${endSentence(preview.text)}`) : endSentence(head);
  },
  yesterday: 'Yesterday',
  today: 'Today',
  loading: 'Loading…',
  loadingMore: 'Loading more…',
  newRows: plural('en', { other: '# new' }),
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
  noAssignees: 'No people to assign to.',
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
  deliveryStatus: { sent: 'Sent', delivered: 'Delivered', read: 'Read', failed: 'Not delivered' },
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
  savedInBrowser: (backend) => `Saved in this browser: ${backend ?? 'this backend'} does not list notes`,
  notSavedInBrowser: (backend) => `Not saved in this browser: ${backend ?? 'this backend'} does not list notes, so this one will not show after a reload`,
  shortcuts: 'Keyboard shortcuts',
  shortcutList: [
    ['j / k', 'Next / previous conversation'],
    ['↑ / ↓', 'Move in the list'],
    ['Enter', 'Open the conversation'],
    ['e', 'Resolve'],
    ['z', 'Undo the last resolve'],
    ['a', 'Assign'],
    ['n', 'Write a note'],
    ['x', 'Select the row (Shift: a range)'],
    ['?', 'Show these shortcuts'],
  ],
  close: 'Close',
  selectRow: (name) => `Select ${name}`,
  selectedConversations: 'Selected conversations',
  selectedCount: plural('en', { other: '# selected' }),
  assignSelected: 'Assign…',
  clearSelection: 'Clear',
  bulkConfirmResolve: plural('en', { one: 'Resolve # conversation?', other: 'Resolve # conversations?' }),
  bulkConfirmAssign: (count, name) => `Assign ${conversationsEn(count)} to ${name}?`,
  bulkConfirmDetail: plural('en', {
    one: 'This sends # request. You can stop it while it runs; what was sent stays sent.',
    other: 'This sends # requests, 4 at a time. You can stop it while it runs; what was sent stays sent.',
  }),
  bulkConfirmSend: plural('en', { one: 'Send # request', other: 'Send # requests' }),
  bulkRunning: plural('en', { one: 'Updating # conversation…', other: 'Updating # conversations…' }),
  stop: 'Stop',
  bulkResolved: plural('en', { other: '# resolved' }),
  bulkAssigned: plural('en', { other: '# assigned' }),
  bulkFailed: plural('en', { other: '# failed' }),
  bulkFailedReason: (failed, reason) => `${failed}: ${reason}`,
  bulkNotSent: plural('en', { other: '# not sent' }),
  bulkUndone: plural('en', { other: '# undone' }),
  bulkSeparator: ', ',
  retryFailed: 'Retry failed',
};
