import type { InboxMessages } from '../hooks/messages.js';
import { plural } from './plural.js';
import { endSentence, lowerFirst } from './sentence.js';

export { ptBR as dateLocale } from 'date-fns/locale/pt-BR';

/** Portuguese as written in Brazil (pt-BR, dates too). Buttons are infinitives ("Atribuir"); sentences use "você". */
const conversationCount = plural('pt', { one: '# conversa', other: '# conversas' });

const unreadShort = plural('pt-BR', { one: '# não lida', many: '# de não lidas', other: '# não lidas' });

export const messages: InboxMessages = {
  conversations: 'Conversas',
  filters: 'Filtros',
  statusFilter: 'Status',
  channelFilter: 'Canal',
  assigneeFilter: 'Responsável',
  allStatuses: 'Todos',
  allChannels: 'Todos',
  anyone: 'Todos',
  mine: 'Minhas',
  unassigned: 'Ninguém',
  status: { open: 'Aberta', ai_handling: 'Com a IA', escalated: 'Escalada', resolved: 'Resolvida' },
  unknownStatus: (raw) => `Status: ${raw}`,
  channel: { whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', webchat: 'Chat do site' },
  unknownChannel: (raw) => raw,
  unknownContact: (contactId) => `Contato ${contactId.slice(-6)}`,
  unread: plural('pt-BR', { one: '# mensagem não lida', many: '# de mensagens não lidas', other: '# mensagens não lidas' }),
  assignedTo: (name) => `Atribuída a ${name}`,
  noMessagesYet: 'Nenhuma mensagem ainda',
  justNow: 'agora',
  minutesAgo: plural('pt-BR', { other: '#\u00a0min' }),
  hoursAgo: plural('pt-BR', { other: '#\u00a0h' }),
  daysShort: plural('pt-BR', { other: '#\u00a0d' }),
  waitingFor: (duration) => `Aguardando há ${duration}`,
  replyWindowLeft: (duration) => `Janela de resposta: fecha em ${duration}`,
  replyWindowClosing: (duration) => `A janela de resposta fecha em ${duration}`,
  replyWindowClosed: 'Janela de resposta fechada: só é possível enviar modelos de mensagem',
  replyWindowExplained: (closesAt, left) =>
    `Você pode responder livremente por mais ${left} (até ${closesAt}); depois disso, o WhatsApp só permite modelos de mensagem até o cliente escrever de novo.`,
  replyWindowClosedExplained: (closedAt) => `A janela de resposta de 24 horas fechou (${closedAt}): o WhatsApp só permite modelos de mensagem até o cliente escrever de novo.`,
  rowLabel: ({ name, status, assignee, unread, waiting, overdue, window, time, preview, noMessages }) => {
    const parts = [name];
    if (status) parts.push(lowerFirst(status));
    if (assignee) parts.push(`atribuída a ${assignee}`);
    if (unread > 0) parts.push(unreadShort(unread));
    if (waiting) parts.push(overdue ? `aguardando há ${waiting}, em atraso` : `aguardando há ${waiting}`);
    if (window) parts.push(window.state === 'closed' ? 'janela de resposta fechada' : window.state === 'closing' ? `a janela de resposta fecha em ${window.left}` : `janela de resposta aberta, fecha em ${window.left}`);
    parts.push(time);
    if (noMessages) parts.push('nenhuma mensagem ainda');
    const head = parts.join(', ');
    return preview ? (preview.sent ? `${head}, enviada: ${endSentence(preview.text)}` : `${head}: ${endSentence(preview.text)}`) : endSentence(head);
  },
  yesterday: 'Ontem',
  today: 'Hoje',
  loading: 'Carregando…',
  loadingMore: 'Carregando mais…',
  emptyList: 'Nenhuma conversa ainda.',
  emptyListFiltered: 'Nenhuma conversa corresponde a estes filtros.',
  retry: 'Tentar de novo',
  listError: 'Não foi possível carregar as conversas.',
  refreshError: 'Não foi possível atualizar.',
  loadMoreError: 'Não foi possível carregar mais conversas.',
  selectConversation: 'Selecione uma conversa para vê-la aqui.',
  conversationNotFound: 'Esta conversa não existe mais.',
  conversationError: 'Não foi possível carregar esta conversa.',
  back: 'Voltar às conversas',
  resolve: 'Resolver',
  resolving: 'Resolvendo…',
  resolved: 'Resolvida',
  assign: 'Atribuir',
  assignToMe: 'Atribuir a mim',
  people: 'Pessoas',
  teams: 'Equipes',
  filterPeople: 'Buscar pessoa ou equipe',
  noMatches: 'Nenhum resultado.',
  assigning: 'Atribuindo…',
  dismiss: 'Dispensar',
  aiHandlingExplained: 'Um agente de IA está atendendo esta conversa. Atribua a você para assumir.',
  escalatedExplained: 'O agente de IA passou esta conversa para uma pessoa. Atribua a você para assumir.',
  takeOver: 'Assumir',
  historyUnavailable: 'Este backend não fornece o histórico completo; só a última mensagem é exibida.',
  lastMessage: 'Última mensagem',
  details: 'Detalhes',
  timeline: 'Mensagens e notas',
  conversation: 'Conversa',
  labels: 'Etiquetas',
  inbound: 'Cliente',
  internalNote: 'Nota interna',
  noteOnlyTeam: 'Visível só para sua equipe',
  notesUnsupported: 'Este backend não tem suporte a notas internas.',
  addNote: 'Adicionar nota',
  addingNote: 'Adicionando…',
  noteEmpty: 'Escreva algo primeiro: não é possível adicionar uma nota vazia.',
  noteHint: 'Ctrl+Enter para adicionar, Shift+Enter para nova linha',
  sending: 'Enviando…',
  shortcuts: 'Atalhos de teclado',
  shortcutList: [
    ['j / k', 'Próxima / anterior conversa'],
    ['↑ / ↓', 'Mover na lista'],
    ['Enter', 'Abrir a conversa'],
    ['e', 'Resolver'],
    ['a', 'Atribuir'],
    ['n', 'Escrever uma nota'],
    ['?', 'Mostrar estes atalhos'],
  ],
  close: 'Fechar',
  sent: 'Enviada',
  endOfLoaded: (loaded, total) => `Última conversa carregada: ${loaded} de ${total}. Carregando mais; pressione End de novo para continuar.`,
  assignFailed: 'Não atribuída.',
  resolveFailed: 'Não resolvida.',
  errors: {
    notMember: 'Esta pessoa não faz parte desta organização.',
    teamNotMember: 'Esta equipe não faz parte desta organização.',
    invalid_id: 'O servidor não aceitou o identificador desta conversa.',
    invalid_input: 'O servidor não aceitou a solicitação.',
    unauthorized: 'Você não está conectado ou sua sessão expirou.',
    forbidden: 'Você não tem permissão para fazer isso.',
    not_found: 'Esta conversa não existe mais.',
    rate_limited: 'Muitas solicitações agora. Tente de novo daqui a pouco.',
    server: 'O servidor teve um problema. Tente de novo.',
    network: 'Não foi possível acessar o servidor. Verifique a conexão e tente de novo.',
    timeout: 'O servidor demorou demais para responder. Tente de novo.',
    invalid_response: 'Não foi possível ler a resposta do servidor.',
    unsupported: 'Este backend não permite isso.',
    aborted: 'A solicitação foi cancelada.',
  },
  metadataLabels: {
    source: 'Origem',
    firstMessageAt: 'Primeira mensagem',
    resolution: 'Resolução',
  },
  metadataSources: {
    organic: 'Orgânica',
    campaign: 'Campanha',
    ad_click: 'Clique em anúncio',
    qr_code: 'QR code',
    website_widget: 'Widget do site',
  },
  yes: 'Sim',
  no: 'Não',
  views: 'Visões',
  viewAll: 'Todas',
  viewWithCount: (view, count) => `${view}, ${conversationCount(count)}`,
  optionWithCount: (option, count) => `${option} (${count})`,
};
