import type { InboxMessages } from '../hooks/messages.js';
import { plural } from './plural.js';
import { endSentence, lowerFirst } from './sentence.js';

export { de as dateLocale } from 'date-fns/locale/de';

/** German. Buttons are infinitives ("Zuweisen"); where a sentence addresses the agent, it says "Sie". */
const conversationCount = plural('de', { one: '# Konversation', other: '# Konversationen' });

const unreadShort = plural('de', { other: '# ungelesen' });

export const messages: InboxMessages = {
  conversations: 'Konversationen',
  filters: 'Filter',
  statusFilter: 'Status',
  channelFilter: 'Kanal',
  assigneeFilter: 'Zuständig',
  allStatuses: 'Alle',
  allChannels: 'Alle',
  anyone: 'Alle',
  mine: 'Meine',
  unassigned: 'Niemand',
  status: { open: 'Offen', ai_handling: 'KI aktiv', escalated: 'Eskaliert', resolved: 'Gelöst' },
  unknownStatus: (raw) => `Status: ${raw}`,
  channel: { whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', webchat: 'Webchat' },
  unknownChannel: (raw) => raw,
  unknownContact: (contactId) => `Kontakt ${contactId.slice(-6)}`,
  unread: plural('de', { one: '# ungelesene Nachricht', other: '# ungelesene Nachrichten' }),
  assignedTo: (name) => `Zugewiesen an ${name}`,
  noMessagesYet: 'Noch keine Nachrichten',
  justNow: 'jetzt',
  minutesAgo: plural('de', { other: '#\u00a0Min.' }),
  hoursAgo: plural('de', { other: '#\u00a0Std.' }),
  daysShort: plural('de', { other: '#\u00a0Tg.' }),
  waitingFor: (duration) => `Wartet ${duration}`,
  replyWindowLeft: (duration) => `Antwortfenster: noch ${duration}`,
  replyWindowClosing: (duration) => `Antwortfenster schließt in ${duration}`,
  replyWindowClosed: 'Antwortfenster geschlossen: nur noch Vorlagen-Nachrichten möglich',
  replyWindowExplained: (closesAt, left) =>
    `Sie können bis ${closesAt} frei antworten (noch ${left}); danach erlaubt WhatsApp nur Vorlagen-Nachrichten, bis der Kunde wieder schreibt.`,
  replyWindowClosedExplained: (closedAt) => `Das 24-Stunden-Antwortfenster ist seit ${closedAt} geschlossen: WhatsApp erlaubt nur Vorlagen-Nachrichten, bis der Kunde wieder schreibt.`,
  rowLabel: ({ name, status, assignee, unread, waiting, overdue, window, time, preview, noMessages }) => {
    const parts = [name];
    if (status) parts.push(lowerFirst(status));
    if (assignee) parts.push(`zugewiesen an ${assignee}`);
    if (unread > 0) parts.push(unreadShort(unread));
    if (waiting) parts.push(overdue ? `wartet ${waiting}, überfällig` : `wartet ${waiting}`);
    if (window) parts.push(window.state === 'closed' ? 'Antwortfenster geschlossen' : window.state === 'closing' ? `Antwortfenster schließt in ${window.left}` : `Antwortfenster offen, noch ${window.left}`);
    parts.push(time);
    if (noMessages) parts.push('noch keine Nachrichten');
    const head = parts.join(', ');
    return preview ? (preview.sent ? `${head}, gesendet: ${endSentence(preview.text)}` : `${head}: ${endSentence(preview.text)}`) : endSentence(head);
  },
  yesterday: 'Gestern',
  today: 'Heute',
  loading: 'Wird geladen…',
  loadingMore: 'Weitere werden geladen…',
  emptyList: 'Noch keine Konversationen.',
  emptyListFiltered: 'Keine Konversationen für diese Filter.',
  retry: 'Erneut versuchen',
  listError: 'Die Konversationen konnten nicht geladen werden.',
  refreshError: 'Aktualisierung fehlgeschlagen.',
  loadMoreError: 'Weitere Konversationen konnten nicht geladen werden.',
  selectConversation: 'Wählen Sie eine Konversation aus, um sie hier anzuzeigen.',
  conversationNotFound: 'Diese Konversation gibt es nicht mehr.',
  conversationError: 'Diese Konversation konnte nicht geladen werden.',
  back: 'Zurück zu den Konversationen',
  resolve: 'Lösen',
  resolving: 'Wird gelöst…',
  resolved: 'Gelöst',
  assign: 'Zuweisen',
  assignToMe: 'Mir zuweisen',
  people: 'Personen',
  teams: 'Teams',
  filterPeople: 'Person oder Team suchen',
  noMatches: 'Keine Treffer.',
  assigning: 'Wird zugewiesen…',
  dismiss: 'Ausblenden',
  aiHandlingExplained: 'Ein KI-Agent bearbeitet diese Konversation. Weisen Sie sie sich zu, um sie zu übernehmen.',
  escalatedExplained: 'Der KI-Agent hat diese Konversation an einen Menschen übergeben. Weisen Sie sie sich zu, um sie zu übernehmen.',
  takeOver: 'Übernehmen',
  historyUnavailable: 'Dieses Backend liefert keinen vollständigen Verlauf; nur die letzte Nachricht wird angezeigt.',
  lastMessage: 'Letzte Nachricht',
  details: 'Details',
  timeline: 'Nachrichten und Notizen',
  conversation: 'Konversation',
  labels: 'Labels',
  inbound: 'Kunde',
  internalNote: 'Interne Notiz',
  noteOnlyTeam: 'Nur für Ihr Team sichtbar',
  notesUnsupported: 'Dieses Backend unterstützt keine internen Notizen.',
  addNote: 'Notiz hinzufügen',
  addingNote: 'Wird hinzugefügt…',
  noteEmpty: 'Bitte zuerst etwas schreiben: Eine leere Notiz kann nicht hinzugefügt werden.',
  noteHint: 'Strg+Enter zum Hinzufügen, Umschalt+Enter für eine neue Zeile',
  sending: 'Wird gesendet…',
  shortcuts: 'Tastenkürzel',
  shortcutList: [
    ['j / k', 'Nächste / vorherige Konversation'],
    ['↑ / ↓', 'In der Liste bewegen'],
    ['Enter', 'Konversation öffnen'],
    ['e', 'Lösen'],
    ['a', 'Zuweisen'],
    ['n', 'Notiz schreiben'],
    ['?', 'Diese Tastenkürzel anzeigen'],
  ],
  close: 'Schließen',
  sent: 'Gesendet',
  endOfLoaded: (loaded, total) => `Letzte geladene Konversation: ${loaded} von ${total}. Weitere werden geladen; drücken Sie erneut Ende, um weiterzugehen.`,
  assignFailed: 'Nicht zugewiesen.',
  resolveFailed: 'Nicht erledigt.',
  errors: {
    notMember: 'Diese Person gehört nicht zu dieser Organisation.',
    teamNotMember: 'Dieses Team gehört nicht zu dieser Organisation.',
    invalid_id: 'Der Server hat die Kennung dieser Konversation nicht akzeptiert.',
    invalid_input: 'Der Server hat die Anfrage nicht akzeptiert.',
    unauthorized: 'Sie sind nicht angemeldet, oder Ihre Sitzung ist abgelaufen.',
    forbidden: 'Dazu sind Sie nicht berechtigt.',
    not_found: 'Diese Konversation gibt es nicht mehr.',
    rate_limited: 'Gerade zu viele Anfragen. Versuchen Sie es gleich noch einmal.',
    server: 'Der Server hatte ein Problem. Versuchen Sie es noch einmal.',
    network: 'Der Server ist nicht erreichbar. Prüfen Sie die Verbindung und versuchen Sie es noch einmal.',
    timeout: 'Der Server hat zu lange gebraucht. Versuchen Sie es noch einmal.',
    invalid_response: 'Die Antwort des Servers war nicht lesbar.',
    unsupported: 'Dieses Backend kann das nicht.',
    aborted: 'Die Anfrage wurde abgebrochen.',
  },
  metadataLabels: {
    source: 'Quelle',
    firstMessageAt: 'Erste Nachricht',
    resolution: 'Lösung',
  },
  metadataSources: {
    organic: 'Organisch',
    campaign: 'Kampagne',
    ad_click: 'Anzeigenklick',
    qr_code: 'QR-Code',
    website_widget: 'Website-Widget',
  },
  yes: 'Ja',
  no: 'Nein',
  views: 'Ansichten',
  viewAll: 'Alle',
  viewWithCount: (view, count) => `${view}, ${conversationCount(count)}`,
  optionWithCount: (option, count) => `${option} (${count})`,
};
