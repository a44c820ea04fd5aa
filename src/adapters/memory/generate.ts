/**
 * Seeded demo data: a directory of agents and teams, conversations with
 * contacts from many locales, message histories made on demand, a few notes.
 * Deterministic: the same seed and clock give the same data; the clock only
 * shifts timestamps.
 */
import type { AdapterCapabilities, Assignee, Channel, Contact, Conversation, ConversationStatus, Message, MessageDirection, Note } from '../../core/types.js';
import type { Locale, LocaleCode } from './corpus.js';
import {
  CONTACT_LABELS,
  CONVERSATION_LABELS,
  DIRECTORY_TEAMS,
  DIRECTORY_USERS,
  LOCALES,
  MAIL_DOMAINS,
  NAME_EMOJI,
  NOTE_LINES,
  SOURCES,
  SPECIAL_CONTACTS,
} from './corpus.js';
import type { MemoryProfile } from './profiles.js';
import { hasAi, hasUnreadCounts } from './profiles.js';
import type { Random } from './random.js';
import { chance, int, mixSeed, mulberry32, pick, ulidLike, weighted } from './random.js';

const SECOND = 1000;
const DAY = 86_400 * SECOND;
/** How far back generated conversations start. */
const SPAN_DAYS = 30;

/** What generation needs to know about the backend it fills. */
export interface GenerateContext {
  readonly profile: MemoryProfile;
  readonly capabilities: AdapterCapabilities;
  /** Users conversations may be assigned to. */
  readonly users: readonly Assignee[];
  /** Teams conversations may be assigned to (empty when the profile has none). */
  readonly teams: readonly Assignee[];
  /** Each locale's share of contacts (from `generationTables`). */
  readonly localeWeights: readonly (readonly [LocaleCode, number])[];
  /** Email slugs of names seen so far: names repeat a lot across 100,000 contacts (from `generationTables`). */
  readonly slugs: Map<string, string>;
}

/**
 * The tables generation works from, made per memory adapter: nothing is
 * built at import, so a bundle that never creates a memory adapter drops the
 * whole corpus.
 */
export function generationTables(): Pick<GenerateContext, 'localeWeights' | 'slugs'> {
  return { localeWeights: LOCALES.map((locale) => [locale.code, locale.weight] as const), slugs: new Map() };
}

/** One generated conversation plus what its history will be made from. */
export interface Generated {
  readonly conversation: Conversation;
  readonly locale: LocaleCode;
  /** Seed of the history still to be generated; null when there is none to make. */
  readonly historySeed: number | null;
  /** `updatedAt` in ms, so indexing need not parse it back. */
  readonly updatedMs: number;
}

export function localeOf(code: LocaleCode): Locale {
  // Sixteen entries: a scan is as quick as a Map, and needs nothing built at import.
  return LOCALES.find((locale) => locale.code === code) ?? (LOCALES[0] as Locale);
}

/** `Date.UTC(9999, 11, 31, 23, 59, 59, 999)`: the last instant with a four-digit year. */
const LAST_ISO_MS = 253_402_300_799_999;

/**
 * `new Date(ms).toISOString()`, several times faster: generation formats
 * 200,000 timestamps for 100,000 conversations, spread over only ~30 days, so
 * the date part is formatted once per day and kept (per formatter).
 */
export function isoFormatter(): (ms: number) => string {
  const prefixes = new Map<number, string>();
  const twoDigits = Array.from({ length: 100 }, (_, n) => String(n).padStart(2, '0'));
  const threeDigits = Array.from({ length: 1000 }, (_, n) => String(n).padStart(3, '0'));
  return (ms) => {
    if (!Number.isInteger(ms) || ms < 0 || ms > LAST_ISO_MS) return new Date(ms).toISOString();
    const day = Math.floor(ms / DAY);
    let prefix = prefixes.get(day);
    if (prefix === undefined) {
      prefix = new Date(day * DAY).toISOString().slice(0, 11);
      prefixes.set(day, prefix);
    }
    let rest = ms - day * DAY;
    const hours = Math.floor(rest / 3_600_000);
    rest -= hours * 3_600_000;
    const minutes = Math.floor(rest / 60_000);
    rest -= minutes * 60_000;
    const seconds = Math.floor(rest / 1000);
    return `${prefix}${twoDigits[hours]}:${twoDigits[minutes]}:${twoDigits[seconds]}.${threeDigits[rest - seconds * 1000]}Z`;
  };
}

const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * The default directory: 12 users, then 4 teams. Ids come from a fixed seed,
 * so they are the same whatever seed the data uses.
 */
export function generateDirectory(): Assignee[] {
  const random = mulberry32(0x1d1ec7);
  const users: Assignee[] = DIRECTORY_USERS.map(({ name, email }) => ({ type: 'user', id: ulidLike(random, 'user'), name, email }));
  const teams: Assignee[] = DIRECTORY_TEAMS.map((name) => ({ type: 'team', id: ulidLike(random, 'team'), name }));
  return [...users, ...teams];
}

function composeName(random: Random, locale: Locale): string {
  const given = pick(random, locale.given);
  if (locale.family.length === 0) return given;
  const family = pick(random, locale.family);
  return locale.order === 'familygiven' ? `${family}${given}` : `${given} ${family}`;
}

function slugOf(name: string, slugs: Map<string, string>): string {
  let slug = slugs.get(name);
  if (slug !== undefined) return slug;
  slug = name
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ß/g, 'ss')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '.')
    .replace(/^\.+|\.+$/g, '');
  if (slugs.size < 10_000) slugs.set(name, slug);
  return slug;
}

function emailLocalPart(name: string, random: Random, slugs: Map<string, string>): string {
  const slug = slugOf(name, slugs);
  return slug === '' ? `customer${int(random, 100, 99_999)}` : slug;
}

function phoneNumber(random: Random, locale: Locale): string {
  const code = pick(random, locale.callingCodes);
  // E.164: at most 15 digits; NANP numbers have 10 after the `1`.
  const length = code === '1' ? 10 : 9;
  let digits = String(int(random, 2, 9));
  while (digits.length < length) digits += String(int(random, 0, 9));
  return `+${code}${digits}`;
}

function makeContact(random: Random, locale: Locale, channel: Channel, special: (typeof SPECIAL_CONTACTS)[number] | undefined, slugs: Map<string, string>): Contact {
  const id = ulidLike(random, 'contact');
  let name = special?.name ?? composeName(random, locale);
  if (special === undefined && chance(random, 0.05)) {
    const emoji = pick(random, NAME_EMOJI);
    name = chance(random, 0.5) ? `${name} ${emoji}` : `${emoji} ${name}`;
  }
  const contact: Contact = { id, name };
  if (channel === 'whatsapp' || chance(random, 0.4)) contact.phone = phoneNumber(random, locale);
  if (special === undefined && chance(random, locale.latin ? 0.45 : 0.15)) {
    contact.email = `${emailLocalPart(name, random, slugs)}@${pick(random, MAIL_DOMAINS)}`;
  }
  // No generated avatars: pointing at an image host would make every demo page send requests
  // that fail. The draw stays, so every seed keeps giving the same data.
  if (special?.avatarUrl !== undefined) contact.avatarUrl = special.avatarUrl;
  else chance(random, 0.35);
  if (chance(random, 0.3)) {
    const first = pick(random, CONTACT_LABELS);
    const second = pick(random, CONTACT_LABELS);
    contact.labels = chance(random, 0.3) && second !== first ? [first, second] : [first];
  }
  return contact;
}

function pickStatus(random: Random, capabilities: AdapterCapabilities): ConversationStatus {
  if (!hasAi(capabilities)) return weighted(random, [['open', 55], ['resolved', 45]]);
  return weighted(random, [['open', 45], ['resolved', 33], ['ai_handling', 13], ['escalated', 9]]);
}

function pickChannel(random: Random, capabilities: AdapterCapabilities): Channel {
  if (capabilities.channels.length === 1) return capabilities.channels[0] as Channel;
  return weighted(random, [['whatsapp', 55], ['instagram', 18], ['messenger', 12], ['webchat', 15]]);
}

function pickAssignee(random: Random, status: ConversationStatus, context: GenerateContext): Assignee | null {
  // The AI works alone on most of its conversations.
  if (chance(random, status === 'ai_handling' ? 0.85 : 0.25)) return null;
  const useTeam = context.teams.length > 0 && (context.users.length === 0 || chance(random, 0.2));
  const pool = useTeam ? context.teams : context.users;
  // Shared, not copied: stored entities are never edited, and reads hand out copies.
  return pool.length === 0 ? null : pick(random, pool);
}

function pickUnread(random: Random, status: ConversationStatus): number {
  if (status === 'resolved') return chance(random, 0.95) ? 0 : 1;
  const roll = random();
  if (roll < 0.55) return 0;
  if (roll < 0.93) return int(random, 1, 12);
  if (roll < 0.98) return int(random, 13, 60);
  return 250;
}

/**
 * A generated conversation. `special` places one of the contacts that prove
 * the UI (markup as a name, very long names).
 */
function generateConversation(
  random: Random,
  now: number,
  context: GenerateContext,
  special: (typeof SPECIAL_CONTACTS)[number] | undefined,
  iso: (ms: number) => string,
): Generated {
  const { capabilities, profile } = context;
  const id = ulidLike(random, 'conv');
  const localeCode = special?.locale ?? weighted(random, context.localeWeights);
  const locale = localeOf(localeCode);
  const channel = pickChannel(random, capabilities);
  const contact = makeContact(random, locale, channel, special, context.slugs);
  const status = pickStatus(random, capabilities);
  const assignee = pickAssignee(random, status, context);
  const unread = pickUnread(random, status);

  // Whole seconds back from now, so the clock only shifts timestamps. Squaring
  // skews activity towards the recent past, as in a real inbox.
  const createdAgo = int(random, 60, SPAN_DAYS * 86_400) * SECOND;
  const fraction = random();
  const updatedAgo = Math.floor((createdAgo / SECOND) * fraction * fraction) * SECOND;
  const updatedMs = now - updatedAgo;
  const createdAt = iso(now - createdAgo);
  const updatedAt = iso(updatedMs);

  const direction: MessageDirection = unread > 0 ? 'inbound' : chance(random, status === 'ai_handling' ? 0.6 : 0.45) ? 'outbound' : 'inbound';
  const text = pick(random, direction === 'inbound' ? locale.inbound : locale.outbound);
  const labels = chance(random, 0.4) ? [pick(random, CONVERSATION_LABELS)] : [];
  const source = pick(random, SOURCES);
  let closedBy: string | null = null;
  if (status === 'resolved') {
    if (assignee?.type === 'user') closedBy = assignee.id;
    else if (context.users.length > 0 && chance(random, 0.7)) closedBy = pick(random, context.users).id;
  }
  const historySeed = capabilities.messageHistory ? Math.floor(random() * 0x100000000) : null;

  const conversation: Conversation = {
    id,
    contactId: contact.id,
    contact,
    channel,
    status,
    assignee,
    lastMessage: { text, timestamp: updatedAt, direction },
    // Made on first read (see `generateHistory`): 100,000 histories up front would be slow and mostly unread.
    messages: null,
    unreadCount: hasUnreadCounts(profile) ? unread : null,
    aiHandling: status === 'ai_handling',
    labels,
    metadata: { source, firstMessageAt: createdAt },
    createdAt,
    updatedAt,
    closedAt: status === 'resolved' ? updatedAt : null,
    closedBy,
  };
  return { conversation, locale: localeCode, historySeed, updatedMs };
}

/** The data set of a seed: `size` conversations, in generation order (the adapter indexes them). */
export function generateConversations(seed: number, size: number, now: number, context: GenerateContext): Generated[] {
  const random = mulberry32(mixSeed(seed, 1));
  const format = isoFormatter();
  const out: Generated[] = [];
  for (let index = 0; index < size; index++) {
    // Specials at 3, 10, 17, …: present in any set of a few dozen.
    const special = index % 7 === 3 ? SPECIAL_CONTACTS[(index - 3) / 7] : undefined;
    out.push(generateConversation(random, now, context, special, format));
  }
  return out;
}

/** A handful of internal notes on some of the conversations, oldest first per conversation. */
export function generateNotes(seed: number, generated: readonly Generated[], context: GenerateContext): Note[] {
  if (generated.length === 0) return [];
  const random = mulberry32(mixSeed(seed, 2));
  const notes: Note[] = [];
  const count = Math.min(12, Math.ceil(generated.length / 25));
  const chosen = new Set<number>();
  while (chosen.size < count) chosen.add(Math.floor(random() * generated.length));
  for (const index of [...chosen].sort((a, b) => a - b)) {
    const { conversation } = generated[index] as Generated;
    const from = Date.parse(conversation.createdAt);
    const to = Date.parse(conversation.updatedAt);
    const times = [random(), random()].slice(0, int(random, 1, 2)).sort((a, b) => a - b);
    for (const fraction of times) {
      const note: Note = {
        id: ulidLike(random, 'note'),
        conversationId: conversation.id,
        content: pick(random, NOTE_LINES),
        createdAt: iso(Math.floor(from + (to - from) * fraction)),
      };
      if (context.users.length > 0) {
        const author = pick(random, context.users);
        note.author = author.name === undefined ? { id: author.id } : { id: author.id, name: author.name };
      }
      notes.push(note);
    }
  }
  return notes;
}

/**
 * The message history of a generated conversation, oldest first, made from
 * its own seed so it is the same whenever it is first read. It runs from
 * `createdAt` to the conversation's `lastMessage`, which it ends with; unread
 * messages are the trailing inbound ones.
 */
export function generateHistory(conversation: Conversation, localeCode: LocaleCode, historySeed: number): Message[] {
  const random = mulberry32(historySeed);
  const locale = localeOf(localeCode);
  const last = conversation.lastMessage;
  const start = Date.parse(conversation.createdAt);
  const end = last === null ? Date.parse(conversation.updatedAt) : Date.parse(last.timestamp);
  const unread = conversation.unreadCount ?? 0;
  const trailingInbound = Math.min(unread, 5);
  const count = Math.max(int(random, 2, 12), trailingInbound + 1);

  const fractions: number[] = [];
  for (let i = 0; i < count - 2; i++) fractions.push(random());
  fractions.sort((a, b) => a - b);
  const times = [start, ...fractions.map((f) => Math.floor(start + (end - start) * f)), end];

  const directions: MessageDirection[] = [];
  for (let i = 0; i < count; i++) {
    const previous = directions[i - 1];
    if (i === 0) directions.push('inbound');
    else if (i >= count - trailingInbound) directions.push('inbound');
    else directions.push(previous !== undefined && chance(random, 0.35) ? previous : previous === 'inbound' ? 'outbound' : 'inbound');
  }
  if (last !== null) directions[count - 1] = last.direction;

  const lastInbound = directions.lastIndexOf('inbound');
  const idBody = conversation.id.slice(conversation.id.indexOf('_') + 1);
  const messages: Message[] = [];
  for (let i = 0; i < count; i++) {
    const direction = directions[i] as MessageDirection;
    const isLast = i === count - 1;
    const photo = !isLast && direction === 'inbound' && chance(random, 0.05);
    const text = isLast && last !== null ? last.text : photo ? '📷 Photo' : pick(random, direction === 'inbound' ? locale.inbound : locale.outbound);
    const message: Message = {
      // Unique by construction: the conversation's id and the position.
      id: `msg_${idBody}-${i + 1}`,
      conversationId: conversation.id,
      direction,
      type: photo ? 'image' : 'text',
      text,
      createdAt: iso(times[i] ?? end),
    };
    if (direction === 'outbound') {
      // The contact has read everything before their latest reply.
      message.status = i < lastInbound ? 'read' : isLast ? pick(random, ['sent', 'delivered', 'read']) : pick(random, ['delivered', 'read']);
    }
    messages.push(message);
  }
  return messages;
}

/** A conversation that starts now, with its first inbound message (for `simulate.newConversation`). */
export function freshConversation(random: Random, now: number, context: GenerateContext): { generated: Generated; message: Message } {
  const { capabilities, profile } = context;
  const id = ulidLike(random, 'conv');
  const localeCode = weighted(random, context.localeWeights);
  const locale = localeOf(localeCode);
  const channel = pickChannel(random, capabilities);
  const contact = makeContact(random, locale, channel, undefined, context.slugs);
  const status: ConversationStatus = hasAi(capabilities) && chance(random, 0.35) ? 'ai_handling' : 'open';
  const at = iso(now);
  const message: Message = {
    id: ulidLike(random, 'msg'),
    conversationId: id,
    direction: 'inbound',
    type: 'text',
    text: pick(random, locale.inbound),
    createdAt: at,
  };
  const conversation: Conversation = {
    id,
    contactId: contact.id,
    contact,
    channel,
    status,
    assignee: null,
    lastMessage: { text: message.text, timestamp: at, direction: 'inbound' },
    messages: capabilities.messageHistory ? [message] : null,
    unreadCount: hasUnreadCounts(profile) ? 1 : null,
    aiHandling: status === 'ai_handling',
    labels: [],
    metadata: { source: pick(random, SOURCES), firstMessageAt: at },
    createdAt: at,
    updatedAt: at,
    closedAt: null,
    closedBy: null,
  };
  return { generated: { conversation, locale: localeCode, historySeed: null, updatedMs: now }, message };
}
