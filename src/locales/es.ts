import type { InboxMessages } from '../hooks/messages.js';
import { plural } from './plural.js';
import { endSentence, lowerFirst } from './sentence.js';

export { es as dateLocale } from 'date-fns/locale/es';

/** Spanish, neutral between Spain and Latin America. Buttons are infinitives ("Asignar"); sentences use "tú". */
const conversationCount = plural('es', { one: '# conversación', other: '# conversaciones' });

const unreadShort = plural('es', { many: '# de sin leer', other: '# sin leer' });

export const messages: InboxMessages = {
  conversations: 'Conversaciones',
  filters: 'Filtros',
  statusFilter: 'Estado',
  channelFilter: 'Canal',
  assigneeFilter: 'Responsable',
  allStatuses: 'Todos',
  allChannels: 'Todos',
  anyone: 'Todos',
  mine: 'Mías',
  unassigned: 'Nadie',
  status: { open: 'Abierta', ai_handling: 'IA activa', escalated: 'Escalada', resolved: 'Resuelta' },
  unknownStatus: (raw) => `Estado: ${raw}`,
  channel: { whatsapp: 'WhatsApp', instagram: 'Instagram', messenger: 'Messenger', webchat: 'Chat web' },
  unknownChannel: (raw) => raw,
  unknownContact: (contactId) => `Contacto ${contactId.slice(-6)}`,
  unread: plural('es', { one: '# mensaje sin leer', many: '# de mensajes sin leer', other: '# mensajes sin leer' }),
  assignedTo: (name) => `Asignada a ${name}`,
  noMessagesYet: 'Aún no hay mensajes',
  justNow: 'ahora',
  minutesAgo: plural('es', { other: '#\u00a0min' }),
  hoursAgo: plural('es', { other: '#\u00a0h' }),
  daysShort: plural('es', { other: '#\u00a0d' }),
  waitingFor: (duration) => `Esperando ${duration}`,
  replyWindowLeft: (duration) => `Ventana de respuesta: cierra en ${duration}`,
  replyWindowClosing: (duration) => `La ventana de respuesta cierra en ${duration}`,
  replyWindowClosed: 'Ventana de respuesta cerrada: solo se pueden enviar plantillas',
  replyWindowExplained: (closesAt, left) =>
    `Puedes responder libremente durante ${left} más (cierre: ${closesAt}); después, WhatsApp solo permite plantillas hasta que el cliente vuelva a escribir.`,
  replyWindowClosedExplained: (closedAt) => `La ventana de respuesta de 24 horas se cerró (${closedAt}): WhatsApp solo permite plantillas hasta que el cliente vuelva a escribir.`,
  rowLabel: ({ name, status, assignee, unread, waiting, overdue, window, time, preview, noMessages }) => {
    const parts = [name];
    if (status) parts.push(lowerFirst(status));
    if (assignee) parts.push(`asignada a ${assignee}`);
    if (unread > 0) parts.push(unreadShort(unread));
    if (waiting) parts.push(overdue ? `esperando ${waiting}, con retraso` : `esperando ${waiting}`);
    if (window) parts.push(window.state === 'closed' ? 'ventana de respuesta cerrada' : window.state === 'closing' ? `la ventana de respuesta cierra en ${window.left}` : `ventana de respuesta abierta, cierra en ${window.left}`);
    parts.push(time);
    if (noMessages) parts.push('aún no hay mensajes');
    const head = parts.join(', ');
    return preview ? (preview.sent ? `${head}, enviado: ${endSentence(preview.text)}` : `${head}: ${endSentence(preview.text)}`) : endSentence(head);
  },
  yesterday: 'Ayer',
  today: 'Hoy',
  loading: 'Cargando…',
  loadingMore: 'Cargando más…',
  emptyList: 'Aún no hay conversaciones.',
  emptyListFiltered: 'Ninguna conversación coincide con estos filtros.',
  retry: 'Reintentar',
  listError: 'No se pudieron cargar las conversaciones.',
  refreshError: 'No se pudo actualizar.',
  loadMoreError: 'No se pudieron cargar más conversaciones.',
  selectConversation: 'Selecciona una conversación para verla aquí.',
  conversationNotFound: 'Esta conversación ya no existe.',
  conversationError: 'No se pudo cargar esta conversación.',
  back: 'Volver a las conversaciones',
  resolve: 'Resolver',
  resolving: 'Resolviendo…',
  resolved: 'Resuelta',
  assign: 'Asignar',
  assignToMe: 'Asignarme',
  people: 'Personas',
  teams: 'Equipos',
  filterPeople: 'Buscar persona o equipo',
  noMatches: 'Sin resultados.',
  assigning: 'Asignando…',
  dismiss: 'Ocultar',
  aiHandlingExplained: 'Un agente de IA está atendiendo esta conversación. Asígnatela para tomar el control.',
  escalatedExplained: 'El agente de IA pasó esta conversación a una persona. Asígnatela para tomar el control.',
  takeOver: 'Tomar el control',
  historyUnavailable: 'Este backend no ofrece el historial completo; solo se muestra el último mensaje.',
  lastMessage: 'Último mensaje',
  details: 'Detalles',
  timeline: 'Mensajes y notas',
  conversation: 'Conversación',
  labels: 'Etiquetas',
  inbound: 'Cliente',
  internalNote: 'Nota interna',
  noteOnlyTeam: 'Solo la ve tu equipo',
  notesUnsupported: 'Este backend no admite notas internas.',
  addNote: 'Añadir nota',
  addingNote: 'Añadiendo…',
  noteEmpty: 'Escribe algo primero: no se puede añadir una nota vacía.',
  noteHint: 'Ctrl+Enter para añadir, Mayús+Enter para otra línea',
  sending: 'Enviando…',
  shortcuts: 'Atajos de teclado',
  shortcutList: [
    ['j / k', 'Conversación siguiente / anterior'],
    ['↑ / ↓', 'Moverse por la lista'],
    ['Enter', 'Abrir la conversación'],
    ['e', 'Resolver'],
    ['a', 'Asignar'],
    ['n', 'Escribir una nota'],
    ['?', 'Mostrar estos atajos'],
  ],
  close: 'Cerrar',
  sent: 'Enviado',
  endOfLoaded: (loaded, total) => `Última conversación cargada: ${loaded} de ${total}. Cargando más; pulsa Fin otra vez para seguir.`,
  assignFailed: 'Sin asignar.',
  resolveFailed: 'Sin resolver.',
  errors: {
    notMember: 'Esta persona no pertenece a esta organización.',
    teamNotMember: 'Este equipo no pertenece a esta organización.',
    invalid_id: 'El servidor no aceptó el identificador de esta conversación.',
    invalid_input: 'El servidor no aceptó la solicitud.',
    unauthorized: 'No has iniciado sesión o tu sesión ha caducado.',
    forbidden: 'No tienes permiso para hacer esto.',
    not_found: 'Esta conversación ya no existe.',
    rate_limited: 'Demasiadas solicitudes ahora mismo. Vuelve a intentarlo en un momento.',
    server: 'El servidor tuvo un problema. Vuelve a intentarlo.',
    network: 'No se pudo conectar con el servidor. Revisa la conexión y vuelve a intentarlo.',
    timeout: 'El servidor tardó demasiado en responder. Vuelve a intentarlo.',
    invalid_response: 'No se pudo leer la respuesta del servidor.',
    unsupported: 'Este backend no permite hacer eso.',
    aborted: 'Se canceló la solicitud.',
  },
  metadataLabels: {
    source: 'Origen',
    firstMessageAt: 'Primer mensaje',
    resolution: 'Resolución',
  },
  metadataSources: {
    organic: 'Orgánico',
    campaign: 'Campaña',
    ad_click: 'Clic en anuncio',
    qr_code: 'Código QR',
    website_widget: 'Widget de la web',
  },
  yes: 'Sí',
  no: 'No',
  views: 'Vistas',
  viewAll: 'Todas',
  viewWithCount: (view, count) => `${view}, ${conversationCount(count)}`,
  optionWithCount: (option, count) => `${option} (${count})`,
};
