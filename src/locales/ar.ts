import type { InboxMessages } from '../hooks/messages.js';
import { plural } from './plural.js';
import { endSentence } from './sentence.js';

export { ar as dateLocale } from 'date-fns/locale/ar';

/**
 * Modern Standard Arabic. Buttons and placeholders are verbal nouns
 * ("إسناد", "إضافة ملاحظة"), the same for every agent; sentences use the
 * usual generic imperative ("اختر"). Counts use all six CLDR forms, without
 * the number where Arabic says it in the noun (zero, one, two).
 */
// Every form carries the number: a views tab shows it, and its spoken name must contain what it shows.
const conversationCount = plural('ar', { zero: '# محادثة', one: '# محادثة', two: '# محادثتان', few: '# محادثات', many: '# محادثة', other: '# محادثة' });

const unreadMessages = plural('ar', {
  zero: 'لا رسائل غير مقروءة',
  one: 'رسالة واحدة غير مقروءة',
  two: 'رسالتان غير مقروءتين',
  few: '# رسائل غير مقروءة',
  many: '# رسالة غير مقروءة',
  other: '# رسالة غير مقروءة',
});

export const messages: InboxMessages = {
  conversations: 'المحادثات',
  filters: 'التصفية',
  statusFilter: 'الحالة',
  channelFilter: 'القناة',
  assigneeFilter: 'المسؤول',
  allStatuses: 'الكل',
  allChannels: 'الكل',
  anyone: 'الكل',
  mine: 'محادثاتي',
  unassigned: 'غير مُسندة',
  status: { open: 'مفتوحة', ai_handling: 'ذكاء اصطناعي', escalated: 'مُصعَّدة', resolved: 'محلولة' },
  unknownStatus: (raw) => `الحالة: ${raw}`,
  channel: { whatsapp: 'واتساب', instagram: 'إنستغرام', messenger: 'ماسنجر', webchat: 'دردشة الموقع' },
  unknownChannel: (raw) => raw,
  unknownContact: (contactId) => `جهة اتصال ${contactId.slice(-6)}`,
  unread: unreadMessages,
  unreadFilter: 'غير المقروءة',
  unreadFilterHint: 'بين المحادثات المحمّلة',
  unreadAmongLoaded: plural('ar', { other: 'غير المقروءة بين المحادثات المحمّلة (#)' }),
  noUnreadLoaded: 'لا محادثات غير مقروءة بين المحمّلة.',
  loadMore: 'تحميل المزيد',
  assignedTo: (name) => `مُسندة إلى ${name}`,
  noMessagesYet: 'لا رسائل بعد',
  justNow: 'الآن',
  minutesAgo: plural('ar', { other: '#\u00a0د' }),
  hoursAgo: plural('ar', { other: '#\u00a0س' }),
  daysShort: plural('ar', { other: '#\u00a0ي' }),
  waitingFor: (duration) => `ينتظر منذ ${duration}`,
  replyWindowLeft: (duration) => `نافذة الرد: يتبقى ${duration}`,
  replyWindowClosing: (duration) => `نافذة الرد تُغلق خلال ${duration}`,
  replyWindowClosed: 'نافذة الرد مغلقة: يمكن إرسال رسائل القوالب فقط',
  replyWindowExplained: (closesAt, left) => `يمكنك الرد بحرية حتى ${closesAt} (يتبقى ${left})؛ بعد ذلك لا يسمح واتساب إلا برسائل القوالب حتى يكتب العميل مجددًا.`,
  replyWindowClosedExplained: (closedAt) => `أُغلقت نافذة الرد البالغة 24 ساعة في ${closedAt}: لا يسمح واتساب إلا برسائل القوالب حتى يكتب العميل مجددًا.`,
  rowLabel: ({ name, status, assignee, unread, waiting, overdue, window, time, preview, noMessages }) => {
    const parts = [name];
    if (status) parts.push(status);
    if (assignee) parts.push(`مُسندة إلى ${assignee}`);
    if (unread > 0) parts.push(unreadMessages(unread));
    if (waiting) parts.push(overdue ? `ينتظر منذ ${waiting}، متأخر` : `ينتظر منذ ${waiting}`);
    if (window) parts.push(window.state === 'closed' ? 'نافذة الرد مغلقة' : window.state === 'closing' ? `نافذة الرد تُغلق خلال ${window.left}` : `نافذة الرد مفتوحة، يتبقى ${window.left}`);
    parts.push(time);
    if (noMessages) parts.push('لا رسائل بعد');
    const head = parts.join('، ');
    return preview ? (preview.sent ? `${head}، مُرسَلة: ${endSentence(preview.text)}` : `${head}: ${endSentence(preview.text)}`) : endSentence(head);
  },
  yesterday: 'أمس',
  today: 'اليوم',
  loading: 'جارٍ التحميل…',
  loadingMore: 'جارٍ تحميل المزيد…',
  newRows: plural('ar', { zero: 'لا جديد', one: 'محادثة جديدة', two: 'محادثتان جديدتان', few: '# محادثات جديدة', many: '# محادثة جديدة', other: '# محادثة جديدة' }),
  emptyList: 'لا محادثات بعد.',
  emptyListFiltered: 'لا محادثات تطابق هذه التصفية.',
  retry: 'إعادة المحاولة',
  listError: 'تعذّر تحميل المحادثات.',
  refreshError: 'تعذّر التحديث.',
  loadMoreError: 'تعذّر تحميل مزيد من المحادثات.',
  selectConversation: 'اختر محادثة لعرضها هنا.',
  conversationNotFound: 'لم تعد هذه المحادثة موجودة.',
  conversationError: 'تعذّر تحميل هذه المحادثة.',
  back: 'العودة إلى المحادثات',
  resolve: 'حلّ',
  resolving: 'جارٍ الحل…',
  resolved: 'محلولة',
  assign: 'إسناد',
  assignToMe: 'إسناد إليّ',
  people: 'الأشخاص',
  teams: 'الفرق',
  filterPeople: 'بحث عن شخص أو فريق',
  noMatches: 'لا نتائج.',
  assigning: 'جارٍ الإسناد…',
  dismiss: 'إخفاء',
  aiHandlingExplained: 'يتولى وكيل ذكاء اصطناعي هذه المحادثة. يمكنك إسنادها إلى نفسك لاستلامها.',
  escalatedExplained: 'صعّد وكيل الذكاء الاصطناعي هذه المحادثة إلى موظف بشري. يمكنك إسنادها إلى نفسك لاستلامها.',
  takeOver: 'استلام',
  historyUnavailable: 'لا يوفّر هذا الخادم سجل الرسائل كاملًا؛ تظهر آخر رسالة فقط.',
  lastMessage: 'آخر رسالة',
  details: 'التفاصيل',
  timeline: 'الرسائل والملاحظات',
  conversation: 'محادثة',
  labels: 'التصنيفات',
  inbound: 'العميل',
  internalNote: 'ملاحظة داخلية',
  noteOnlyTeam: 'تظهر لفريقك فقط',
  notesUnsupported: 'لا يدعم هذا الخادم الملاحظات الداخلية.',
  addNote: 'إضافة ملاحظة',
  addingNote: 'جارٍ الإضافة…',
  noteEmpty: 'اكتب شيئًا أولًا: لا يمكن إضافة ملاحظة فارغة.',
  noteHint: 'Ctrl+Enter للإضافة، Shift+Enter لسطر جديد',
  sending: 'جارٍ الإرسال…',
  savedInBrowser: (backend) => `محفوظة في هذا المتصفح: ${backend ?? 'هذا الخادم'} لا يعرض قائمة الملاحظات`,
  notSavedInBrowser: (backend) => `لم تُحفظ في هذا المتصفح: ${backend ?? 'هذا الخادم'} لا يعرض قائمة الملاحظات، فلن تظهر بعد إعادة التحميل`,
  shortcuts: 'اختصارات لوحة المفاتيح',
  shortcutList: [
    ['j / k', 'المحادثة التالية / السابقة'],
    ['↑ / ↓', 'التنقل في القائمة'],
    ['Enter', 'فتح المحادثة'],
    ['e', 'حلّ'],
    ['a', 'إسناد'],
    ['n', 'كتابة ملاحظة'],
    ['?', 'عرض هذه الاختصارات'],
  ],
  close: 'إغلاق',
  sent: 'مُرسَلة',
  endOfLoaded: (loaded, total) => `آخر محادثة محمّلة: ${loaded} من ${total}. جارٍ تحميل المزيد؛ اضغط End مرة أخرى للمتابعة.`,
  assignFailed: 'لم يتم الإسناد.',
  resolveFailed: 'لم يتم الحل.',
  errors: {
    notMember: 'هذا الشخص ليس عضوًا في هذه المؤسسة.',
    teamNotMember: 'هذا الفريق ليس جزءًا من هذه المؤسسة.',
    invalid_id: 'لم يقبل الخادم معرّف هذه المحادثة.',
    invalid_input: 'لم يقبل الخادم الطلب.',
    unauthorized: 'لم تسجّل الدخول، أو انتهت جلستك.',
    forbidden: 'لا يُسمح لك بهذا الإجراء.',
    not_found: 'هذه المحادثة لم تعد موجودة.',
    rate_limited: 'طلبات كثيرة جدًا الآن. حاول مرة أخرى بعد قليل.',
    server: 'حدثت مشكلة في الخادم. حاول مرة أخرى.',
    network: 'تعذّر الوصول إلى الخادم. تحقّق من الاتصال وحاول مرة أخرى.',
    timeout: 'استغرق الخادم وقتًا طويلًا للرد. حاول مرة أخرى.',
    invalid_response: 'تعذّرت قراءة رد الخادم.',
    unsupported: 'لا تدعم هذه الخلفية هذا الإجراء.',
    aborted: 'أُلغي الطلب.',
  },
  metadataLabels: {
    source: 'المصدر',
    firstMessageAt: 'أول رسالة',
    resolution: 'الحل',
  },
  metadataSources: {
    organic: 'مباشر',
    campaign: 'حملة',
    ad_click: 'نقرة على إعلان',
    qr_code: 'رمز QR',
    website_widget: 'أداة الموقع',
  },
  yes: 'نعم',
  no: 'لا',
  views: 'طرق العرض',
  viewAll: 'الكل',
  viewWithCount: (view, count) => `${view}, ${conversationCount(count)}`,
  optionWithCount: (option, count) => `${option} (${count})`,
};
