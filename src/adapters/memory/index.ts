/**
 * The in-memory backend: a complete, seeded conversations backend for demos,
 * tests, stories and offline development, and the store behind the mock HTTP
 * server. It behaves like a server (latency, failures, ids checked, copies
 * handed out) and can push changes to subscribers.
 */
import type {
  AdapterEvent,
  AdapterEventListener,
  Assignee,
  Conversation,
  ConversationPage,
  ConversationQuery,
  ConversationStatus,
  ConversationsAdapter,
  ConversationUpdate,
  Message,
  Note,
  RequestOptions,
  ResolveOptions,
} from '../../core/types.js';
import { CONVERSATION_STATUSES } from '../../core/types.js';
import { InboxError } from '../../core/errors.js';
import { assertValidId } from '../../core/ids.js';
import { computeHasNext, normalizeQuery } from '../../core/query.js';
import type { LocaleCode } from './corpus.js';
import { copyAssignee, copyConversation, copyMessage, copyNote } from './copy.js';
import { freshConversation, generateConversations, generateDirectory, generateHistory, generateNotes, generationTables, localeOf } from './generate.js';
import type { GenerateContext } from './generate.js';
import type { MemoryProfile } from './profiles.js';
import { hasAi, hasUnreadCounts, isMemoryProfile, profileCapabilities } from './profiles.js';
import { chance, mixSeed, mulberry32, pick, ulidLike } from './random.js';
import type { SortKey } from './sortedIndex.js';
import { SortedIndex } from './sortedIndex.js';

export type { MemoryProfile } from './profiles.js';

/** Options of `createMemoryAdapter`. Every one is optional. */
export interface MemoryAdapterOptions {
  /** Seed of everything generated (data, failures, demo traffic); the same seed gives the same data. Default `1`. */
  seed?: number | undefined;
  /** How many conversations to generate; ignored when `conversations` is given. Default `300`. */
  size?: number | undefined;
  /** Conversations to serve instead of generated ones (copied in; history/unread adjusted to the profile). Default: generated. */
  conversations?: Conversation[] | undefined;
  /** Users and teams that can be assigned. Default: a built-in directory of 12 users and 4 teams. */
  assignees?: Assignee[] | undefined;
  /** Artificial delay of every adapter call, in ms; the call's signal aborts it. Default `0`. */
  latencyMs?: number | undefined;
  /** Share of calls (0 to 1) that fail with `server` (500) or `rate_limited` (429), decided by the seed. Default `0`. */
  failureRate?: number | undefined;
  /** The clock in ms since the epoch; generated timestamps lie in the 30 days before it. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Which backend to imitate, in capabilities and in data: `'full'`, `'whatsapp'` or `'waply'`. Default `'full'`. */
  profile?: MemoryProfile | undefined;
  /** Id of the agent acting in this backend: `closedBy` of resolved conversations and author of new notes. Default none (`closedBy: null`). */
  actorId?: string | undefined;
}

/** Ways to make things happen in a memory backend, as if customers, the AI or other agents acted. */
export interface MemorySimulation {
  /**
   * A new inbound message (random conversation and text by default): appended
   * to the history, `lastMessage`, unread + 1, `updatedAt` now; a resolved
   * conversation reopens. Emits `message.created`.
   */
  incomingMessage(conversationId?: string, text?: string): Conversation;
  /** A new conversation with one inbound message. Emits `conversation.created`. */
  newConversation(): Conversation;
  /** Sets a status as the backend itself would (e.g. the AI escalates). Emits `conversation.updated`. */
  setStatus(id: string, status: ConversationStatus): Conversation;
  /** Demo traffic every `intervalMs` (default `3000`): messages, new conversations, escalations. Returns a stop function. */
  start(intervalMs?: number): () => void;
}

/** A conversations backend held in memory, with a directory, notes, pushed events and a simulator. */
export interface MemoryAdapter extends ConversationsAdapter {
  readonly flavour: 'memory';
  readonly profile: MemoryProfile;
  /** Notes of a conversation, oldest first. Rejects `unsupported` where the profile cannot list notes. */
  listNotes(id: string, options?: RequestOptions): Promise<Note[]>;
  /** Users, then teams (no teams where the profile has none). */
  listAssignees(options?: RequestOptions): Promise<Assignee[]>;
  /** Calls `listener` synchronously after every change. Returns an unsubscribe function. */
  subscribe(listener: AdapterEventListener): () => void;
  readonly simulate: MemorySimulation;
}

/** One stored conversation. Never edited: every change stores a new record. */
interface StoredConversation extends SortKey {
  readonly conversation: Conversation;
  readonly locale: LocaleCode;
  /** Seed of the history still to be generated on first read; null once made (or when none is due). */
  readonly historySeed: number | null;
}

type BucketKey = ConversationStatus | 'all';

const DEFAULT_SIZE = 300;
const DEFAULT_DEMO_INTERVAL_MS = 3000;
const NOT_FOUND = 'Conversation not found';
const NOT_MEMBER = 'User is not a member of this organization';

const iso = (ms: number): string => new Date(ms).toISOString();

function notFound(): InboxError {
  return new InboxError('not_found', NOT_FOUND, { status: 404, serverMessage: NOT_FOUND });
}

function aborted(signal: AbortSignal): InboxError {
  return new InboxError('aborted', 'The request was cancelled.', { cause: signal.reason });
}

function invalidOption(message: string): InboxError {
  return new InboxError('invalid_input', message);
}

/** Waits `ms`, or rejects `aborted` as soon as the signal fires. */
function sleep(ms: number, signal: AbortSignal | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(aborted(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** The conversation with a known status; a stale `rawStatus` goes with the old one. */
function withStatus(conversation: Conversation, status: ConversationStatus): Conversation {
  const { rawStatus: _rawStatus, ...rest } = conversation;
  return { ...rest, status };
}

function readOptions(options: MemoryAdapterOptions) {
  const seed = options.seed ?? 1;
  if (typeof seed !== 'number' || !Number.isFinite(seed)) throw invalidOption(`seed must be a finite number, got ${String(seed)}.`);
  const size = options.size ?? DEFAULT_SIZE;
  if (!Number.isInteger(size) || size < 0) throw invalidOption(`size must be a whole number from 0 up, got ${String(size)}.`);
  const latencyMs = options.latencyMs ?? 0;
  if (typeof latencyMs !== 'number' || !Number.isFinite(latencyMs) || latencyMs < 0) throw invalidOption(`latencyMs must be a number from 0 up, got ${String(latencyMs)}.`);
  const failureRate = options.failureRate ?? 0;
  if (typeof failureRate !== 'number' || !(failureRate >= 0 && failureRate <= 1)) throw invalidOption(`failureRate must be a number from 0 to 1, got ${String(failureRate)}.`);
  const profile = options.profile ?? 'full';
  if (!isMemoryProfile(profile)) throw invalidOption(`profile must be 'full', 'whatsapp' or 'waply', got ${String(profile)}.`);
  if (options.actorId !== undefined) assertValidId(options.actorId, 'actor');
  // Fractional or huge seeds still give a stable 32-bit seed.
  return { seed: Math.trunc(seed) >>> 0, size, latencyMs, failureRate, profile, actorId: options.actorId };
}

/**
 * Creates an in-memory conversations backend, generated from a seed (or
 * serving the given conversations), shaped like one of the real backends.
 */
export function createMemoryAdapter(options: MemoryAdapterOptions = {}): MemoryAdapter {
  const { seed, size, latencyMs, failureRate, profile, actorId } = readOptions(options);
  const now = options.now ?? (() => Date.now());
  const capabilities = profileCapabilities(profile);

  // Independent streams, so e.g. turning failures on does not change the data.
  const failureRandom = mulberry32(mixSeed(seed, 3));
  const idRandom = mulberry32(mixSeed(seed, 4));
  const simRandom = mulberry32(mixSeed(seed, 5));

  const directory: Assignee[] = (options.assignees ?? generateDirectory()).map((entry) => {
    if (entry.type !== 'user' && entry.type !== 'team') throw invalidOption(`An assignee's type must be 'user' or 'team', got ${String(entry.type)}.`);
    assertValidId(entry.id, entry.type);
    return copyAssignee(entry);
  });
  const users = directory.filter((entry) => entry.type === 'user');
  const teams = capabilities.teams ? directory.filter((entry) => entry.type === 'team') : [];
  const context: GenerateContext = { profile, capabilities, users, teams, ...generationTables() };

  // --- State -----------------------------------------------------------------

  const records = new Map<string, StoredConversation>();
  const notes = new Map<string, readonly Note[]>();
  const listeners = new Set<AdapterEventListener>();

  const record = (conversation: Conversation, locale: LocaleCode, historySeed: number | null, t = Date.parse(conversation.updatedAt)): StoredConversation => {
    if (Number.isNaN(t)) throw invalidOption(`Conversation ${conversation.id} has no valid updatedAt: ${String(conversation.updatedAt)}.`);
    return { t, id: conversation.id, conversation, locale, historySeed };
  };

  const initial: StoredConversation[] = [];
  if (options.conversations !== undefined) {
    for (const given of options.conversations) {
      assertValidId(given?.id);
      if (records.has(given.id)) throw invalidOption(`Conversation ${given.id} appears twice.`);
      const conversation = copyConversation(given);
      // The profile decides what this backend reports, whatever the data holds.
      if (!capabilities.messageHistory) conversation.messages = null;
      else if (conversation.messages === null) conversation.messages = [];
      if (!hasUnreadCounts(profile)) conversation.unreadCount = null;
      const stored = record(conversation, 'en', null);
      records.set(stored.id, stored);
      initial.push(stored);
    }
  } else {
    const generated = generateConversations(seed, size, now(), context);
    for (const { conversation, locale, historySeed, updatedMs } of generated) {
      const stored = record(conversation, locale, historySeed, updatedMs);
      records.set(stored.id, stored);
      initial.push(stored);
    }
    if (capabilities.listNotes) {
      for (const note of generateNotes(seed, generated, context)) {
        notes.set(note.conversationId, [...(notes.get(note.conversationId) ?? []), note]);
      }
    }
  }

  // Lists are served from these, kept sorted as conversations change: a
  // request picks a bucket and slices, it never sorts.
  const all = new SortedIndex(initial);
  const byStatus = new Map<ConversationStatus, StoredConversation[]>(CONVERSATION_STATUSES.map((status) => [status, []]));
  for (const stored of all) {
    if (stored.conversation.status !== 'unknown') byStatus.get(stored.conversation.status)?.push(stored);
  }
  const buckets = new Map<BucketKey, SortedIndex<StoredConversation>>([['all', all]]);
  for (const [status, sorted] of byStatus) buckets.set(status, new SortedIndex(sorted, true));
  const bucketOf = (conversation: Conversation) => (conversation.status === 'unknown' ? undefined : buckets.get(conversation.status));

  /** Stores a new version of a conversation (or a new one) and re-files it. */
  function put(next: StoredConversation, previous?: StoredConversation): void {
    records.set(next.id, next);
    if (previous === undefined) {
      all.insert(next);
      bucketOf(next.conversation)?.insert(next);
      return;
    }
    all.replace(previous, next);
    const from = bucketOf(previous.conversation);
    const to = bucketOf(next.conversation);
    if (from === to) {
      from?.replace(previous, next);
    } else {
      from?.remove(previous);
      to?.insert(next);
    }
  }

  /** Replaces a conversation by a changed copy. */
  function update(previous: StoredConversation, conversation: Conversation): StoredConversation {
    const next = record(conversation, previous.locale, previous.historySeed);
    put(next, previous);
    return next;
  }

  /** Makes a generated conversation's history on first need. */
  function withHistory(stored: StoredConversation): StoredConversation {
    if (stored.historySeed === null) return stored;
    const messages = generateHistory(stored.conversation, stored.locale, stored.historySeed);
    const next = record({ ...stored.conversation, messages }, stored.locale, null);
    put(next, stored);
    return next;
  }

  function find(id: string): StoredConversation {
    const stored = records.get(id);
    if (stored === undefined) throw notFound();
    return stored;
  }

  /** A runtime id. Random bodies from one stream do not repeat; new conversations check anyway. */
  const newId = (prefix: 'msg' | 'note'): string => ulidLike(idRandom, prefix);

  function emit(event: AdapterEvent): void {
    // A snapshot: a listener that unsubscribes (or subscribes) mid-emit changes the next event, not this one.
    for (const listener of [...listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken listener must not stop the others or undo the change.
        console.error('[inboxkit] A memory adapter listener threw:', error);
      }
    }
  }

  const emitUpdated = (stored: StoredConversation) => emit({ type: 'conversation.updated', conversation: copyConversation(stored.conversation) });

  /** What every call goes through, after its own checks: the delay, then maybe a failure. */
  async function serve(signal: AbortSignal | undefined): Promise<void> {
    if (signal?.aborted) throw aborted(signal);
    if (latencyMs > 0) await sleep(latencyMs, signal);
    if (failureRate > 0 && failureRandom() < failureRate) {
      if (failureRandom() < 0.5) {
        throw new InboxError('server', 'The server failed (simulated). Try again.', { status: 500, serverMessage: 'Internal server error' });
      }
      throw new InboxError('rate_limited', 'Too many requests (simulated). Try again in a second.', {
        status: 429,
        retryAfterMs: 1000,
        serverMessage: 'Rate limit exceeded',
      });
    }
  }

  // --- Adapter -----------------------------------------------------------------

  async function listConversations(query: ConversationQuery, requestOptions?: RequestOptions): Promise<ConversationPage> {
    const normalized = normalizeQuery(query ?? {}, capabilities);
    await serve(requestOptions?.signal);
    const { page, limit, status, channel, assigneeId, unassigned } = normalized;
    const bucket = buckets.get(status) as SortedIndex<StoredConversation>;
    const start = (page - 1) * limit;
    let total: number;
    let rows: StoredConversation[];
    if (channel === undefined && assigneeId === undefined && !unassigned) {
      total = bucket.size;
      rows = bucket.slice(start, start + limit);
    } else {
      // Filters beyond status scan the (already ordered) bucket once.
      total = 0;
      rows = [];
      for (const stored of bucket) {
        const { conversation } = stored;
        if (channel !== undefined && conversation.channel !== channel) continue;
        if (assigneeId !== undefined && conversation.assignee?.id !== assigneeId) continue;
        if (unassigned && conversation.assignee !== null) continue;
        if (total >= start && rows.length < limit) rows.push(stored);
        total++;
      }
    }
    return {
      // List rows carry no history (`messages: null`); `getConversation` has it.
      conversations: rows.map((stored) => copyConversation(stored.conversation, false)),
      total,
      page,
      limit,
      hasNext: computeHasNext(page, limit, total, rows.length),
    };
  }

  async function getConversation(id: string, requestOptions?: RequestOptions): Promise<Conversation> {
    assertValidId(id);
    await serve(requestOptions?.signal);
    return copyConversation(withHistory(find(id)).conversation);
  }

  async function assignConversation(
    id: string,
    assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>,
    requestOptions?: RequestOptions,
  ): Promise<ConversationUpdate> {
    assertValidId(id);
    if (assignee === null || typeof assignee !== 'object') throw new InboxError('invalid_input', 'Say whom to assign the conversation to.');
    if (assignee.type !== 'user' && assignee.type !== 'team') {
      throw new InboxError('invalid_input', `An assignee is a 'user' or a 'team', got ${String(assignee.type)}.`);
    }
    assertValidId(assignee.id, assignee.type);
    if (assignee.type === 'team' && !capabilities.teams) throw new InboxError('unsupported', 'This backend cannot assign conversations to teams.');
    await serve(requestOptions?.signal);
    const stored = withHistory(find(id));
    const member = directory.find((entry) => entry.id === assignee.id && entry.type === assignee.type);
    if (member === undefined) {
      const message = assignee.type === 'user' ? NOT_MEMBER : 'Team is not part of this organization';
      throw new InboxError('forbidden', message, { status: 403, serverMessage: message });
    }
    const previous = stored.conversation;
    let next: Conversation = { ...previous, assignee: copyAssignee(member), updatedAt: iso(now()) };
    if (member.type === 'user' && (previous.status === 'ai_handling' || previous.status === 'escalated')) {
      // A human takes over from the AI (the WhatsApp API answers `open`).
      next = { ...withStatus(next, 'open'), aiHandling: false };
    } else if (profile === 'waply' && previous.status === 'resolved') {
      // Waply: "You can reopen a resolved conversation by assigning or replying to it."
      next = { ...withStatus(next, 'open'), closedAt: null, closedBy: null };
    }
    const saved = update(stored, next);
    emitUpdated(saved);
    return copyConversation(saved.conversation);
  }

  async function resolveConversation(id: string, resolveOptions: ResolveOptions = {}): Promise<ConversationUpdate> {
    assertValidId(id);
    const { resolution } = resolveOptions;
    if (resolution !== undefined) {
      if (!capabilities.resolution) throw new InboxError('unsupported', 'This backend takes no resolution text.');
      if (typeof resolution !== 'string') throw new InboxError('invalid_input', 'A resolution must be text.');
    }
    await serve(resolveOptions.signal);
    const stored = withHistory(find(id));
    const previous = stored.conversation;
    const wasResolved = previous.status === 'resolved';
    // Resolving twice changes nothing (and tells no one).
    if (wasResolved && (resolution === undefined || previous.metadata.resolution === resolution)) return copyConversation(previous);
    const at = iso(now());
    const next: Conversation = {
      ...withStatus(previous, 'resolved'),
      aiHandling: false,
      closedAt: wasResolved ? previous.closedAt : at,
      closedBy: wasResolved ? previous.closedBy : (actorId ?? null),
      updatedAt: at,
      metadata: resolution === undefined ? previous.metadata : { ...previous.metadata, resolution },
    };
    const saved = update(stored, next);
    emitUpdated(saved);
    return copyConversation(saved.conversation);
  }

  function author(): Note['author'] {
    if (actorId === undefined) return undefined;
    const name = directory.find((entry) => entry.id === actorId)?.name;
    return name === undefined ? { id: actorId } : { id: actorId, name };
  }

  async function addNote(id: string, content: string, requestOptions?: RequestOptions): Promise<Note> {
    if (!capabilities.notes) throw new InboxError('unsupported', 'This backend has no internal notes.');
    assertValidId(id);
    if (typeof content !== 'string' || content.trim() === '') throw new InboxError('invalid_input', 'A note cannot be empty.');
    await serve(requestOptions?.signal);
    find(id);
    const note: Note = { id: newId('note'), conversationId: id, content, createdAt: iso(now()) };
    const by = author();
    if (by !== undefined) note.author = by;
    notes.set(id, [...(notes.get(id) ?? []), note]);
    emit({ type: 'note.created', note: copyNote(note) });
    return copyNote(note);
  }

  async function listNotes(id: string, requestOptions?: RequestOptions): Promise<Note[]> {
    if (!capabilities.listNotes) throw new InboxError('unsupported', 'This backend cannot list notes.');
    assertValidId(id);
    await serve(requestOptions?.signal);
    find(id);
    return (notes.get(id) ?? []).map(copyNote);
  }

  async function listAssignees(requestOptions?: RequestOptions): Promise<Assignee[]> {
    await serve(requestOptions?.signal);
    return [...users, ...teams].map(copyAssignee);
  }

  function subscribe(listener: AdapterEventListener): () => void {
    if (typeof listener !== 'function') throw new InboxError('invalid_input', 'subscribe() needs a listener function.');
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
    };
  }

  // --- Simulation ----------------------------------------------------------------

  /** A random conversation, biased towards recent ones (as a live inbox is). */
  function randomConversation(): StoredConversation | undefined {
    if (all.size === 0) return undefined;
    const reach = Math.min(all.size, 50);
    const roll = simRandom();
    return all.at(Math.floor(roll * roll * reach));
  }

  function incomingMessage(conversationId?: string, text?: string): Conversation {
    let target: StoredConversation | undefined;
    if (conversationId !== undefined) {
      assertValidId(conversationId);
      target = find(conversationId);
    } else {
      target = randomConversation();
      if (target === undefined) throw new InboxError('not_found', 'There is no conversation to receive a message.');
    }
    if (text !== undefined && (typeof text !== 'string' || text.trim() === '')) throw new InboxError('invalid_input', 'A message cannot be empty.');
    const stored = withHistory(target);
    const previous = stored.conversation;
    const at = iso(now());
    const message: Message = {
      id: newId('msg'),
      conversationId: previous.id,
      direction: 'inbound',
      type: 'text',
      text: text ?? pick(simRandom, localeOf(stored.locale).inbound),
      createdAt: at,
    };
    let next: Conversation = {
      ...previous,
      messages: previous.messages === null ? null : [...previous.messages, message],
      lastMessage: { text: message.text, timestamp: at, direction: 'inbound' },
      unreadCount: previous.unreadCount === null ? null : previous.unreadCount + 1,
      updatedAt: at,
    };
    if (previous.status === 'resolved') next = { ...withStatus(next, 'open'), aiHandling: false, closedAt: null, closedBy: null };
    const saved = update(stored, next);
    emit({ type: 'message.created', conversation: copyConversation(saved.conversation), message: copyMessage(message) });
    return copyConversation(saved.conversation);
  }

  function newConversation(): Conversation {
    for (;;) {
      const { generated } = freshConversation(simRandom, now(), context);
      if (records.has(generated.conversation.id)) continue;
      const stored = record(generated.conversation, generated.locale, null);
      put(stored);
      emit({ type: 'conversation.created', conversation: copyConversation(stored.conversation) });
      return copyConversation(stored.conversation);
    }
  }

  function setStatus(id: string, status: ConversationStatus): Conversation {
    assertValidId(id);
    if (!capabilities.statuses.includes(status)) throw new InboxError('unsupported', `This backend has no status "${String(status)}".`);
    const stored = withHistory(find(id));
    const previous = stored.conversation;
    const at = iso(now());
    const resolved = status === 'resolved';
    const stays = previous.status === 'resolved' && resolved;
    const next: Conversation = {
      ...withStatus(previous, status),
      aiHandling: status === 'ai_handling',
      closedAt: stays ? previous.closedAt : resolved ? at : null,
      closedBy: stays ? previous.closedBy : null,
      updatedAt: at,
    };
    const saved = update(stored, next);
    emitUpdated(saved);
    return copyConversation(saved.conversation);
  }

  function demoTick(): void {
    const roll = simRandom();
    if (all.size === 0 || roll < 0.15) {
      newConversation();
      return;
    }
    if (roll < 0.3 && hasAi(capabilities)) {
      const handledByAi = buckets.get('ai_handling') as SortedIndex<StoredConversation>;
      const escalate = handledByAi.at(Math.floor(simRandom() * Math.min(handledByAi.size, 50)));
      if (escalate !== undefined) {
        setStatus(escalate.id, 'escalated');
        return;
      }
    }
    const target = randomConversation();
    // Now and then a customer writes again after the conversation was closed.
    if (target !== undefined && (target.conversation.status !== 'resolved' || chance(simRandom, 0.2))) incomingMessage(target.id);
    else incomingMessage();
  }

  function start(intervalMs = DEFAULT_DEMO_INTERVAL_MS): () => void {
    if (typeof intervalMs !== 'number' || !Number.isFinite(intervalMs) || intervalMs <= 0) {
      throw new InboxError('invalid_input', `intervalMs must be a positive number, got ${String(intervalMs)}.`);
    }
    const timer = setInterval(() => {
      try {
        demoTick();
      } catch (error) {
        console.error('[inboxkit] Memory adapter demo traffic failed:', error);
      }
    }, intervalMs);
    return () => clearInterval(timer);
  }

  return {
    flavour: 'memory',
    profile,
    capabilities,
    listConversations,
    getConversation,
    assignConversation,
    resolveConversation,
    addNote,
    listNotes,
    listAssignees,
    subscribe,
    simulate: { incomingMessage, newConversation, setStatus, start },
  };
}
