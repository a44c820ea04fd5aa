import type { InboxMessages } from '../hooks/messages.js';
import { plural } from './plural.js';
import { endSentence, lowerFirst } from './sentence.js';

export { fr as dateLocale } from 'date-fns/locale/fr';

// French typography: a no-break space (\u00a0) before ":" and between a number and its unit.

/** French. Buttons are infinitives ("Assigner"); sentences address the agent as "vous". */
const conversationCount = plural('fr', { one: '# conversation', other: '# conversations' });

const unreadShort = plural('fr', { one: '# non lu', many: '# de non lus', other: '# non lus' });

export const messages: InboxMessages = {
  conversations: 'Conversations',
  filters: 'Filtres',
  statusFilter: 'Statut',
  channelFilter: 'Canal',
  assigneeFilter: 'Responsable',
  allStatuses: 'Tous',
  allChannels: 'Tous',
  anyone: 'Tous',
  mine: 'À moi',
  unassigned: 'Personne',
  status: { open: 'Ouverte', ai_handling: 'Avec l’IA', escalated: 'Escaladée', resolved: 'Résolue' },
  unknownStatus: (raw) => `Statut\u00a0: ${raw}`,
  channel: { whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', webchat: 'Chat web' },
  unknownChannel: (raw) => raw,
  unknownContact: (contactId) => `Contact ${contactId.slice(-6)}`,
  unread: plural('fr', { one: '# message non lu', many: '# de messages non lus', other: '# messages non lus' }),
  unreadFilter: 'Non lues',
  unreadFilterHint: 'parmi les conversations chargées',
  unreadAmongLoaded: plural('fr', { one: 'Non lues parmi # conversation chargée', many: 'Non lues parmi # de conversations chargées', other: 'Non lues parmi # conversations chargées' }),
  noUnreadLoaded: 'Aucune conversation non lue parmi celles chargées.',
  loadMore: 'Charger plus',
  assignedTo: (name) => `Assignée à ${name}`,
  noMessagesYet: 'Aucun message pour l’instant',
  justNow: 'à l’instant',
  minutesAgo: plural('fr', { other: '#\u00a0min' }),
  hoursAgo: plural('fr', { other: '#\u00a0h' }),
  daysShort: plural('fr', { other: '#\u00a0j' }),
  waitingFor: (duration) => `En attente depuis ${duration}`,
  replyWindowLeft: (duration) => `Fenêtre de réponse\u00a0: encore ${duration}`,
  replyWindowClosing: (duration) => `Fenêtre de réponse\u00a0: fin dans ${duration}`,
  replyWindowClosed: 'Fenêtre de réponse fermée\u00a0: modèles de message uniquement',
  replyWindowExplained: (closesAt, left) =>
    `Vous pouvez répondre librement encore ${left} (fin\u00a0: ${closesAt})\u00a0; ensuite, WhatsApp n’autorise que les modèles de message jusqu’à ce que le client réécrive.`,
  replyWindowClosedExplained: (closedAt) => `La fenêtre de réponse de 24\u00a0heures est fermée depuis ${closedAt}\u00a0: WhatsApp n’autorise que les modèles de message jusqu’à ce que le client réécrive.`,
  rowLabel: ({ name, status, assignee, unread, waiting, overdue, window, time, preview, noMessages }) => {
    const parts = [name];
    if (status) parts.push(lowerFirst(status));
    if (assignee) parts.push(`assignée à ${assignee}`);
    if (unread > 0) parts.push(unreadShort(unread));
    if (waiting) parts.push(overdue ? `en attente depuis ${waiting}, en retard` : `en attente depuis ${waiting}`);
    if (window) parts.push(window.state === 'closed' ? 'fenêtre de réponse fermée' : window.state === 'closing' ? `fenêtre de réponse\u00a0: fin dans ${window.left}` : `fenêtre de réponse ouverte, encore ${window.left}`);
    parts.push(time);
    if (noMessages) parts.push('aucun message pour l’instant');
    const head = parts.join(', ');
    return preview ? (preview.sent ? `${head}, envoyé\u00a0: ${endSentence(preview.text)}` : `${head}\u00a0: ${endSentence(preview.text)}`) : endSentence(head);
  },
  yesterday: 'Hier',
  today: 'Aujourd’hui',
  loading: 'Chargement…',
  loadingMore: 'Chargement de la suite…',
  newRows: plural('fr', { one: '# nouvelle', other: '# nouvelles' }),
  emptyList: 'Aucune conversation pour l’instant.',
  emptyListFiltered: 'Aucune conversation ne correspond à ces filtres.',
  retry: 'Réessayer',
  listError: 'Impossible de charger les conversations.',
  refreshError: 'Impossible d’actualiser.',
  loadMoreError: 'Impossible de charger plus de conversations.',
  selectConversation: 'Sélectionnez une conversation pour l’afficher ici.',
  conversationNotFound: 'Cette conversation n’existe plus.',
  conversationError: 'Impossible de charger cette conversation.',
  back: 'Retour aux conversations',
  resolve: 'Résoudre',
  resolving: 'Résolution…',
  resolved: 'Résolue',
  assign: 'Assigner',
  assignToMe: 'M’assigner',
  people: 'Personnes',
  teams: 'Équipes',
  filterPeople: 'Chercher une personne, une équipe',
  noMatches: 'Aucun résultat.',
  assigning: 'Assignation…',
  dismiss: 'Masquer',
  aiHandlingExplained: 'Un agent IA traite cette conversation. Assignez-la-vous pour la reprendre.',
  escalatedExplained: 'L’agent IA a transmis cette conversation à un humain. Assignez-la-vous pour la reprendre.',
  takeOver: 'Reprendre',
  historyUnavailable: 'Ce backend ne fournit pas l’historique complet\u00a0: seul le dernier message est affiché.',
  lastMessage: 'Dernier message',
  details: 'Détails',
  timeline: 'Messages et notes',
  conversation: 'Conversation',
  labels: 'Étiquettes',
  inbound: 'Client',
  internalNote: 'Note interne',
  noteOnlyTeam: 'Visible uniquement par votre équipe',
  notesUnsupported: 'Ce backend ne prend pas en charge les notes internes.',
  addNote: 'Ajouter la note',
  addingNote: 'Ajout…',
  noteEmpty: 'Écrivez d’abord quelque chose\u00a0: une note vide ne peut pas être ajoutée.',
  noteHint: 'Ctrl+Entrée pour ajouter, Maj+Entrée pour aller à la ligne',
  sending: 'Envoi…',
  savedInBrowser: (backend) => `Enregistrée dans ce navigateur\u00a0: ${backend ?? 'ce backend'} ne liste pas les notes`,
  notSavedInBrowser: (backend) => `Non enregistrée dans ce navigateur\u00a0: ${backend ?? 'ce backend'} ne liste pas les notes, elle n’apparaîtra plus après rechargement`,
  shortcuts: 'Raccourcis clavier',
  shortcutList: [
    ['j / k', 'Conversation suivante / précédente'],
    ['↑ / ↓', 'Se déplacer dans la liste'],
    ['Entrée', 'Ouvrir la conversation'],
    ['e', 'Résoudre'],
    ['a', 'Assigner'],
    ['n', 'Écrire une note'],
    ['?', 'Afficher ces raccourcis'],
  ],
  close: 'Fermer',
  sent: 'Envoyé',
  endOfLoaded: (loaded, total) => `Dernière conversation chargée : ${loaded} sur ${total}. Chargement de la suite ; appuyez de nouveau sur Fin pour continuer.`,
  assignFailed: 'Non attribuée.',
  resolveFailed: 'Non résolue.',
  errors: {
    notMember: 'Cette personne ne fait pas partie de cette organisation.',
    teamNotMember: 'Cette équipe ne fait pas partie de cette organisation.',
    invalid_id: 'Le serveur n’a pas accepté l’identifiant de cette conversation.',
    invalid_input: 'Le serveur n’a pas accepté la demande.',
    unauthorized: 'Vous n’êtes pas connecté, ou votre session a expiré.',
    forbidden: 'Vous n’avez pas le droit de faire cela.',
    not_found: 'Cette conversation n’existe plus.',
    rate_limited: 'Trop de demandes en ce moment. Réessayez dans un instant.',
    server: 'Le serveur a rencontré un problème. Réessayez.',
    network: 'Le serveur est injoignable. Vérifiez la connexion et réessayez.',
    timeout: 'Le serveur a mis trop de temps à répondre. Réessayez.',
    invalid_response: 'La réponse du serveur est illisible.',
    unsupported: 'Ce backend ne permet pas cela.',
    aborted: 'La demande a été annulée.',
  },
  metadataLabels: {
    source: 'Source',
    firstMessageAt: 'Premier message',
    resolution: 'Résolution',
  },
  metadataSources: {
    organic: 'Naturelle',
    campaign: 'Campagne',
    ad_click: 'Clic sur une annonce',
    qr_code: 'Code QR',
    website_widget: 'Widget du site',
  },
  yes: 'Oui',
  no: 'Non',
  views: 'Vues',
  viewAll: 'Toutes',
  viewWithCount: (view, count) => `${view}, ${conversationCount(count)}`,
  optionWithCount: (option, count) => `${option} (${count})`,
};
