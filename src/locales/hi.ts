import type { InboxMessages } from '../hooks/messages.js';
import { plural } from './plural.js';
import { endSentence } from './sentence.js';

export { hi as dateLocale } from 'date-fns/locale/hi';

/**
 * Hindi: respectful "आप" forms ("असाइन करें"), with the English loanwords
 * Indian product UIs use (असाइन, बैकएंड, फ़िल्टर). Plurals: one and other.
 */
const conversationCount = plural('hi', { one: '# बातचीत', other: '# बातचीत' });

const unreadShort = plural('hi', { other: '# अपठित' });

export const messages: InboxMessages = {
  conversations: 'बातचीत',
  filters: 'फ़िल्टर',
  statusFilter: 'स्थिति',
  channelFilter: 'चैनल',
  assigneeFilter: 'ज़िम्मेदार',
  allStatuses: 'सभी',
  allChannels: 'सभी',
  anyone: 'कोई भी',
  mine: 'मेरी',
  unassigned: 'कोई नहीं',
  status: { open: 'खुली', ai_handling: 'AI के पास', escalated: 'एस्केलेट की गई', resolved: 'हल हो गई' },
  unknownStatus: (raw) => `स्थिति: ${raw}`,
  channel: { whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', webchat: 'वेब चैट' },
  unknownChannel: (raw) => raw,
  unknownContact: (contactId) => `संपर्क ${contactId.slice(-6)}`,
  unread: plural('hi', { one: '# अपठित संदेश', other: '# अपठित संदेश' }),
  unreadFilter: 'अपठित',
  unreadFilterHint: 'लोड हुई बातचीत में से',
  unreadAmongLoaded: plural('hi', { other: 'लोड हुई # बातचीत में से अपठित' }),
  noUnreadLoaded: 'लोड हुई बातचीत में कोई अपठित नहीं है।',
  loadMore: 'और लोड करें',
  assignedTo: (name) => `असाइन: ${name}`,
  noMessagesYet: 'अभी कोई संदेश नहीं',
  justNow: 'अभी',
  minutesAgo: plural('hi', { other: '#\u00a0मि॰' }),
  hoursAgo: plural('hi', { other: '#\u00a0घं॰' }),
  daysShort: plural('hi', { other: '#\u00a0दि॰' }),
  waitingFor: (duration) => `${duration} से इंतज़ार`,
  replyWindowLeft: (duration) => `जवाब की समय-सीमा: ${duration} बाकी`,
  replyWindowClosing: (duration) => `जवाब की समय-सीमा ${duration} में खत्म`,
  replyWindowClosed: 'जवाब की समय-सीमा खत्म: सिर्फ़ टेम्पलेट संदेश भेजे जा सकते हैं',
  replyWindowExplained: (closesAt, left) =>
    `आप ${closesAt} तक (${left} बाकी) खुलकर जवाब दे सकते हैं; उसके बाद, ग्राहक के दोबारा लिखने तक WhatsApp सिर्फ़ टेम्पलेट संदेश भेजने देता है।`,
  replyWindowClosedExplained: (closedAt) => `24 घंटे की जवाब की समय-सीमा ${closedAt} पर खत्म हो गई: ग्राहक के दोबारा लिखने तक WhatsApp सिर्फ़ टेम्पलेट संदेश भेजने देता है।`,
  rowLabel: ({ name, status, assignee, unread, waiting, overdue, window, time, preview, noMessages }) => {
    const parts = [name];
    if (status) parts.push(status);
    if (assignee) parts.push(`असाइन: ${assignee}`);
    if (unread > 0) parts.push(unreadShort(unread));
    if (waiting) parts.push(overdue ? `${waiting} से इंतज़ार (देरी)` : `${waiting} से इंतज़ार`);
    if (window) parts.push(window.state === 'closed' ? 'जवाब की समय-सीमा खत्म' : window.state === 'closing' ? `जवाब की समय-सीमा ${window.left} में खत्म` : `जवाब की समय-सीमा: ${window.left} बाकी`);
    parts.push(time);
    if (noMessages) parts.push('अभी कोई संदेश नहीं');
    const head = parts.join(', ');
    return preview ? (preview.sent ? `${head}, भेजा गया: ${endSentence(preview.text, '।')}` : `${head}: ${endSentence(preview.text, '।')}`) : endSentence(head, '।');
  },
  yesterday: 'कल',
  today: 'आज',
  loading: 'लोड हो रहा है…',
  loadingMore: 'और लोड हो रहा है…',
  newRows: plural('hi', { other: '# नई' }),
  emptyList: 'अभी कोई बातचीत नहीं है।',
  emptyListFiltered: 'इन फ़िल्टर से कोई बातचीत मेल नहीं खाती।',
  retry: 'फिर कोशिश करें',
  listError: 'बातचीत लोड नहीं हो सकीं।',
  refreshError: 'रीफ़्रेश नहीं हो सका।',
  loadMoreError: 'और बातचीत लोड नहीं हो सकीं।',
  selectConversation: 'यहाँ देखने के लिए कोई बातचीत चुनें।',
  conversationNotFound: 'यह बातचीत अब मौजूद नहीं है।',
  conversationError: 'यह बातचीत लोड नहीं हो सकी।',
  back: 'बातचीत की सूची पर वापस',
  resolve: 'हल करें',
  resolving: 'हल हो रही है…',
  resolved: 'हल हो गई',
  assign: 'असाइन करें',
  assignToMe: 'मुझे असाइन करें',
  people: 'लोग',
  teams: 'टीमें',
  filterPeople: 'व्यक्ति या टीम खोजें',
  noMatches: 'कोई मेल नहीं मिला।',
  assigning: 'असाइन हो रही है…',
  dismiss: 'छिपाएँ',
  aiHandlingExplained: 'एक AI एजेंट यह बातचीत संभाल रहा है। इसे संभालने के लिए खुद को असाइन करें।',
  escalatedExplained: 'AI एजेंट ने यह बातचीत किसी व्यक्ति को सौंप दी है। इसे संभालने के लिए खुद को असाइन करें।',
  takeOver: 'संभालें',
  historyUnavailable: 'इस बैकएंड से पूरा संदेश इतिहास नहीं मिलता; सिर्फ़ आखिरी संदेश दिखाया गया है।',
  lastMessage: 'आखिरी संदेश',
  details: 'विवरण',
  timeline: 'संदेश और नोट',
  conversation: 'बातचीत',
  labels: 'लेबल',
  inbound: 'ग्राहक',
  internalNote: 'आंतरिक नोट',
  noteOnlyTeam: 'सिर्फ़ आपकी टीम को दिखेगा',
  notesUnsupported: 'यह बैकएंड आंतरिक नोट सपोर्ट नहीं करता।',
  addNote: 'नोट जोड़ें',
  addingNote: 'जोड़ा जा रहा है…',
  noteEmpty: 'पहले कुछ लिखें: खाली नोट नहीं जोड़ा जा सकता।',
  noteHint: 'जोड़ने के लिए Ctrl+Enter, नई पंक्ति के लिए Shift+Enter',
  sending: 'भेजा जा रहा है…',
  savedInBrowser: (backend) => `इस ब्राउज़र में सहेजा गया: ${backend ?? 'यह बैकएंड'} नोट की सूची नहीं देता`,
  notSavedInBrowser: (backend) => `इस ब्राउज़र में सहेजा नहीं जा सका: ${backend ?? 'यह बैकएंड'} नोट की सूची नहीं देता, इसलिए रीलोड के बाद यह नहीं दिखेगा`,
  shortcuts: 'कीबोर्ड शॉर्टकट',
  shortcutList: [
    ['j / k', 'अगली / पिछली बातचीत'],
    ['↑ / ↓', 'सूची में ऊपर-नीचे जाएँ'],
    ['Enter', 'बातचीत खोलें'],
    ['e', 'हल करें'],
    ['a', 'असाइन करें'],
    ['n', 'नोट लिखें'],
    ['?', 'ये शॉर्टकट दिखाएँ'],
  ],
  close: 'बंद करें',
  sent: 'भेजा गया',
  endOfLoaded: (loaded, total) => `लोड की गई आख़िरी बातचीत: ${total} में से ${loaded}। और लोड हो रही हैं; आगे जाने के लिए End फिर से दबाएँ।`,
  assignFailed: 'असाइन नहीं हुआ।',
  resolveFailed: 'हल नहीं हुआ।',
  errors: {
    notMember: 'यह व्यक्ति इस संगठन का सदस्य नहीं है।',
    teamNotMember: 'यह टीम इस संगठन का हिस्सा नहीं है।',
    invalid_id: 'सर्वर ने इस बातचीत की आईडी स्वीकार नहीं की।',
    invalid_input: 'सर्वर ने अनुरोध स्वीकार नहीं किया।',
    unauthorized: 'आप साइन इन नहीं हैं, या आपका सत्र समाप्त हो गया है।',
    forbidden: 'आपको यह करने की अनुमति नहीं है।',
    not_found: 'यह बातचीत अब मौजूद नहीं है।',
    rate_limited: 'अभी बहुत ज़्यादा अनुरोध हैं। थोड़ी देर में फिर कोशिश करें।',
    server: 'सर्वर में कोई समस्या आई। फिर कोशिश करें।',
    network: 'सर्वर से संपर्क नहीं हो सका। कनेक्शन जाँचें और फिर कोशिश करें।',
    timeout: 'सर्वर ने जवाब देने में बहुत देर लगाई। फिर कोशिश करें।',
    invalid_response: 'सर्वर का जवाब पढ़ा नहीं जा सका।',
    unsupported: 'यह बैकएंड ऐसा नहीं कर सकता।',
    aborted: 'अनुरोध रद्द कर दिया गया।',
  },
  metadataLabels: {
    source: 'स्रोत',
    firstMessageAt: 'पहला संदेश',
    resolution: 'समाधान',
  },
  metadataSources: {
    organic: 'ऑर्गेनिक',
    campaign: 'कैंपेन',
    ad_click: 'विज्ञापन क्लिक',
    qr_code: 'QR कोड',
    website_widget: 'वेबसाइट विजेट',
  },
  yes: 'हाँ',
  no: 'नहीं',
  views: 'व्यू',
  viewAll: 'सभी',
  viewWithCount: (view, count) => `${view}, ${conversationCount(count)}`,
  optionWithCount: (option, count) => `${option} (${count})`,
};
