import type { Assignee, Conversation, ConversationsAdapter, InboxMessages, Message } from '../src/index.js';
import { InboxError } from '../src/index.js';

// Explicit data sets for stories. Times are relative to when the stories load
// (rounded to the minute), so relative labels ("5m", "Yesterday") are stable.
const NOW = Math.floor(Date.now() / 60_000) * 60_000;
const MINUTE = 60_000;
const ago = (minutes: number) => new Date(NOW - minutes * MINUTE).toISOString();

interface FixtureInput {
  id: string;
  name: string;
  text: string;
  minutesAgo: number;
  status?: Conversation['status'];
  channel?: Conversation['channel'];
  unread?: number;
  history?: Array<[direction: Message['direction'], text: string, minutesAgo: number]>;
  labels?: string[];
  phone?: string;
  avatarUrl?: string;
  /** The assigned agent's name (a user with an id made from it). */
  assignee?: string;
}

/** A complete conversation from a few fields. */
export function fixture({ id, name, text, minutesAgo, status = 'open', channel = 'whatsapp', unread = 0, history, labels = [], phone, avatarUrl, assignee }: FixtureInput): Conversation {
  const entries = history ?? [['inbound', text, minutesAgo]];
  const messages: Message[] = entries.map(([direction, body, at], i) => ({
    id: `${id}-m${i}`,
    conversationId: id,
    direction,
    type: 'text',
    text: body,
    status: direction === 'outbound' ? 'read' : undefined,
    createdAt: ago(at),
  }));
  const last = messages[messages.length - 1]!;
  return {
    id,
    contactId: `${id}-contact`,
    contact: { id: `${id}-contact`, name, phone: phone ?? '+44 20 7946 0958', avatarUrl },
    channel,
    status,
    assignee: assignee ? { type: 'user', id: `user_${assignee.toLowerCase().replace(/\W+/g, '-')}`, name: assignee } : null,
    lastMessage: { text: last.text, timestamp: last.createdAt, direction: last.direction },
    messages,
    unreadCount: unread,
    aiHandling: status === 'ai_handling',
    labels,
    metadata: { source: 'website_widget' },
    createdAt: messages[0]!.createdAt,
    updatedAt: last.createdAt,
    closedAt: status === 'resolved' ? last.createdAt : null,
    closedBy: null,
  };
}

const LONG_NAME = 'Maximilian Alexander Friedrich Wilhelm von Hohenzollern-Sigmaringen, Procurement Department for Europe, the Middle East and Africa, International Wholesale Orders, Attention of the Regional Director'.padEnd(200, ' and Deputy');
const LONG_WORD_NAME = 'Supercalifragilisticexpialidocious'.repeat(6).slice(0, 200);
const LONG_MESSAGE = Array.from({ length: 100 }, (_, i) => `Sentence ${i + 1} of a very long complaint about order #A-10042 and its missing parts.`).join(' ').padEnd(5000, '.').slice(0, 5000);

/** 200-character names (one without spaces) and a 5,000-character message. */
export const LONG_CONVERSATIONS: Conversation[] = [
  fixture({ id: 'conv_long-1', name: LONG_NAME.slice(0, 200), text: LONG_MESSAGE, minutesAgo: 4, unread: 1234, status: 'escalated', labels: ['wholesale', LONG_WORD_NAME.slice(0, 60)] }),
  fixture({ id: 'conv_long-2', name: LONG_WORD_NAME, text: LONG_MESSAGE.slice(0, 400), minutesAgo: 90, status: 'ai_handling' }),
  fixture({ id: 'conv_long-3', name: 'Ann', text: 'Short one.', minutesAgo: 60 * 30 }),
];

/** Arabic names and messages, for right-to-left stories. */
export const ARABIC_CONVERSATIONS: Conversation[] = [
  fixture({
    id: 'conv_ar-1',
    name: 'فاطمة الزهراء',
    text: 'شكراً جزيلاً، وصل الطلب اليوم.',
    minutesAgo: 3,
    unread: 2,
    labels: ['vip'],
    phone: '+966 50 123 4567',
    history: [
      ['inbound', 'مرحباً، متى يصل طلبي رقم 4521؟', 60 * 26],
      ['outbound', 'أهلاً فاطمة، الطلب في الطريق وسيصل غداً إن شاء الله.', 60 * 25],
      ['inbound', 'شكراً جزيلاً، وصل الطلب اليوم.', 3],
    ],
  }),
  fixture({ id: 'conv_ar-2', name: 'محمد عبد الله بن عبد الرحمن بن فيصل بن تركي آل سعود القحطاني الهاشمي', text: 'أريد استرجاع المبلغ، المنتج وصل تالفاً.', minutesAgo: 45, status: 'escalated', unread: 1 }),
  fixture({ id: 'conv_ar-3', name: 'يوسف', text: 'هل لديكم فرع في جدة؟', minutesAgo: 60 * 5, status: 'ai_handling' }),
  fixture({ id: 'conv_ar-4', name: 'ليلى حسن', text: 'تم حل المشكلة، شكراً لكم.', minutesAgo: 60 * 24 * 3, status: 'resolved' }),
];

/** Names and messages that are markup: they must show as these characters. */
export const HTML_CONVERSATIONS: Conversation[] = [
  fixture({
    id: 'conv_html-1',
    name: '<img src=x onerror="window.__ikInjected=1">',
    text: '<script>window.__ikInjected=1</script><b>bold?</b>',
    minutesAgo: 2,
    unread: 1,
    avatarUrl: 'javascript:window.__ikInjected=1',
    labels: ['<i>label</i>'],
  }),
  fixture({ id: 'conv_html-2', name: '"><svg onload="window.__ikInjected=1">', text: '<a href="javascript:alert(1)">click me</a>', minutesAgo: 20 }),
];

/** Conversations an AI agent handles, or escalated to a human. */
export const AI_CONVERSATIONS: Conversation[] = [
  fixture({
    id: 'conv_ai-escalated',
    name: 'Grace Hopper',
    text: 'I want to speak to a person, please.',
    minutesAgo: 1,
    status: 'escalated',
    unread: 1,
    history: [
      ['inbound', 'My invoice shows the wrong VAT number.', 12],
      ['outbound', 'I can help with that. Could you send the invoice number?', 11],
      ['inbound', 'I want to speak to a person, please.', 1],
    ],
  }),
  fixture({ id: 'conv_ai-handling', name: 'Alan Turing', text: 'What are your opening hours?', minutesAgo: 6, status: 'ai_handling' }),
];

/** A person the host offers who is not a member of the backend's organization. */
export const OUTSIDER: Assignee[] = [{ type: 'user', id: 'user_outsider', name: 'Olive Outsider', email: 'olive@elsewhere.example' }];

/** An adapter whose list never answers: the list stays loading. */
export const neverList = (adapter: ConversationsAdapter): ConversationsAdapter => ({
  ...adapter,
  listConversations: () => new Promise(() => {}),
});

/** An adapter whose single conversation never answers. */
export const neverDetail = (adapter: ConversationsAdapter): ConversationsAdapter => ({
  ...adapter,
  getConversation: () => new Promise(() => {}),
});

/** A switch stories turn off in their play function, and an adapter whose calls fail while it is on. */
export function failingSwitch(method: 'listConversations' | 'getConversation') {
  const state = { failing: true };
  const wrap = (adapter: ConversationsAdapter): ConversationsAdapter => ({
    ...adapter,
    [method]: (...args: unknown[]) => {
      if (state.failing) return Promise.reject(new InboxError('server', 'The server had a problem (500).', { status: 500 }));
      return (adapter[method] as (...a: unknown[]) => Promise<unknown>)(...args);
    },
  });
  return { state, wrap };
}

/** An adapter whose next `addNote` is refused once, then works. */
export function failNoteOnce() {
  const state = { failures: 1 };
  const wrap = (adapter: ConversationsAdapter): ConversationsAdapter => ({
    ...adapter,
    addNote: (...args: Parameters<ConversationsAdapter['addNote']>) => {
      if (state.failures > 0) {
        state.failures--;
        return Promise.reject(new InboxError('network', 'The note could not be sent: the network is down.'));
      }
      return adapter.addNote(...args);
    },
  });
  return { state, wrap };
}

/** Mixed scripts for a right-to-left inbox: Japanese, English and Arabic names and messages side by side. */
export const MIXED_SCRIPT_CONVERSATIONS: Conversation[] = [
  fixture({
    id: 'conv_mix-1',
    name: '田中 ゆき',
    text: 'Thank you, it arrived.',
    minutesAgo: 2,
    unread: 1,
    history: [
      ['inbound', '注文はいつ届きますか？', 60 * 3],
      ['outbound', 'سيصل طلبك غداً.', 60 * 3 - 5],
      ['inbound', 'Thank you, it arrived.', 2],
    ],
  }),
  fixture({ id: 'conv_mix-2', name: 'John Smith', text: 'مرحباً، أين طلبي رقم 4521؟', minutesAgo: 30, status: 'escalated' }),
  fixture({
    id: 'conv_mix-3',
    name: 'فاطمة الزهراء',
    text: 'Order #4521 is here.',
    minutesAgo: 60 * 5,
    history: [
      ['inbound', 'Order #4521 is here.', 60 * 6],
      ['outbound', 'Great, thanks for letting us know.', 60 * 5],
    ],
  }),
];

/** A few UI strings in Arabic, for the mixed-scripts story (the full catalogs come with the triage issue). */
export const ARABIC_UI: Partial<InboxMessages> = {
  conversations: 'المحادثات',
  resolve: 'إغلاق',
  addNote: 'إضافة ملاحظة',
  internalNote: 'ملاحظة داخلية',
  noteOnlyTeam: 'مرئية لفريقك فقط',
  sent: 'مُرسلة',
  inbound: 'العميل',
  today: 'اليوم',
  yesterday: 'أمس',
  justNow: 'الآن',
};

/**
 * Waiting times and WhatsApp reply windows: waiting a few minutes, overdue,
 * and a WhatsApp window open, closing and closed (the customer wrote last in
 * each), then one answered conversation, where nobody waits.
 */
export const TRIAGE_CONVERSATIONS: Conversation[] = [
  fixture({ id: 'conv_wait-fresh', name: 'Priya Raman', text: 'Is the blue one back in stock?', minutesAgo: 12, channel: 'webchat', unread: 1 }),
  fixture({ id: 'conv_wait-overdue', name: 'Tomás Alvarez', text: 'Still waiting on my refund.', minutesAgo: 135, channel: 'instagram', unread: 3 }),
  fixture({
    id: 'conv_window-open',
    name: 'Amara Okafor',
    text: 'Can I change the delivery address?',
    minutesAgo: 60 * 20,
    status: 'escalated',
    history: [
      ['inbound', 'Hello, I ordered yesterday.', 60 * 20 + 5],
      ['inbound', 'Can I change the delivery address?', 60 * 20],
    ],
  }),
  fixture({ id: 'conv_window-closing', name: 'Kenji Watanabe', text: 'The parcel arrived damaged.', minutesAgo: 60 * 23 + 15, unread: 2 }),
  fixture({ id: 'conv_window-closed', name: 'Lena Fischer', text: 'Do you ship to Austria?', minutesAgo: 60 * 26 }),
  fixture({
    id: 'conv_answered',
    name: 'Omar Haddad',
    text: 'Your refund is on its way.',
    minutesAgo: 5,
    history: [
      ['inbound', 'Where is my refund?', 60 * 3],
      ['outbound', 'Your refund is on its way.', 5],
    ],
  }),
];

/**
 * The fullest meta lines: WhatsApp conversations (on a backend with other channels, so the channel
 * is named too) with a status, a reply window open, closing or closed, an assignee and unread
 * messages; one assignee's name is long, one is Arabic.
 */
export const META_CONVERSATIONS: Conversation[] = [
  fixture({ id: 'conv_meta-open', name: 'François Lemaître', text: 'Merci, ça marche !', minutesAgo: 50, status: 'escalated', unread: 7, assignee: 'Alice Support' }),
  fixture({ id: 'conv_meta-closing', name: 'Kenji Watanabe', text: 'The parcel arrived damaged.', minutesAgo: 60 * 23 + 15, status: 'escalated', unread: 2, assignee: 'Bo Berg' }),
  fixture({ id: 'conv_meta-closed', name: 'Lena Fischer', text: 'Do you ship to Austria?', minutesAgo: 60 * 26, assignee: 'سارة الأحمد' }),
  fixture({ id: 'conv_meta-long', name: 'Amara Okafor', text: 'Can I change the delivery address?', minutesAgo: 60 * 3, unread: 12, assignee: 'Alexandra Papadopoulou-Whitfield' }),
  fixture({ id: 'conv_meta-web', name: 'Priya Raman', text: 'Is the blue one back in stock?', minutesAgo: 60 * 4, channel: 'webchat', status: 'ai_handling', assignee: 'Alice Support' }),
];

/**
 * Whole minutes left now in a triage fixture's reply window, and one more:
 * fixture times are fixed when the stories load, and the shared clock the UI
 * reads ticks every 30 s, so a play function accepts either.
 */
export function replyWindowMinutesLeft(id: string): [number, number] {
  const found = TRIAGE_CONVERSATIONS.find((c) => c.id === id)!;
  const left = Math.floor((Date.parse(found.lastMessage!.timestamp) + 24 * 60 * MINUTE - Date.now()) / MINUTE);
  return [left, left + 1];
}
