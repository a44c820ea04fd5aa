/**
 * The only code that writes a conversation, and the one place that decides
 * whether an answer is newer than what the store holds.
 *
 * Every source goes through here: list pages, polls, focus refetches, a
 * full read, a pushed change, a mutation's optimistic change, its answer and
 * its rollback. What the store shows for a conversation is its *base* (the
 * newest server truth it has) with the patches of mutations still in flight
 * laid over it. An answer is judged against the base:
 *
 * - by `updatedAt` compared as instants: an older one writes nothing;
 * - at the same instant (or where one is missing), by request order, the
 *   sequence number its request took when it was sent: an answer to an older
 *   request may only fill in what the store lacks (history, contact details),
 *   never overwrite it.
 *
 * A mutation's patch covers the fields it changed. Of two mutations of one
 * field, the one sent last owns the field: the earlier one's patch and answer
 * no longer touch it, whatever order they settle in. A failed mutation drops
 * its patch, so it reverts exactly its own fields, over whatever newer truth
 * reached the base meanwhile.
 */
import type { Conversation, ConversationUpdate } from '../core/types.js';
import type { StoreCore } from './core.js';
import { mergeConversation, mergeUpdate, reconcileLists } from './merge.js';
import type { ListPlacement } from './merge.js';
import { instant, matchesList } from './queries.js';
import type { ListQuery } from './queries.js';
import { replaceEqualDeep } from './structural.js';
import type { ListState, MutationKind } from './types.js';

/** Where a write comes from (the `source` of the `conversation.updated` event it causes). */
export type WriteSource = 'server' | 'push';

/** How an answer compares with what the store holds. */
export type Verdict = 'newer' | 'fill' | 'older';

/** A mutation in flight, as `begin` returns it. */
export interface MutationTicket {
  readonly id: string;
  readonly kind: MutationKind;
  seq: number;
  readonly fields: Partial<Conversation>;
  placement: ListPlacement;
}

interface Layers {
  base: Conversation;
  patches: MutationTicket[];
}

/** Whether an answer to a request with order `seq`, saying `updatedAt`, is newer than `held` (last written by request `heldSeq`). */
export function judge(held: Conversation | undefined, heldSeq: number, updatedAt: string | undefined, seq: number): Verdict {
  if (!held) return 'newer';
  const incoming = instant(updatedAt);
  const current = instant(held.updatedAt);
  if (!Number.isNaN(incoming) && !Number.isNaN(current) && incoming !== current) return incoming > current ? 'newer' : 'older';
  return seq >= heldSeq ? 'newer' : 'fill';
}

function isRow(value: unknown): value is Conversation {
  return typeof value === 'object' && value !== null && typeof (value as Record<string, unknown>).id === 'string';
}

// Fields whose change can move a conversation between lists or within one.
const PLACEMENT_FIELDS = ['status', 'assignee', 'channel', 'updatedAt'] as const;

/** How many conversations the agent acted on are remembered as holding their place (the oldest go first). */
const MAX_PINS = 1000;

export function createEntities(core: StoreCore) {
  /** Request order of the newest server write accepted, per conversation. */
  const clocks = new Map<string, number>();
  /** Base and patches of conversations with mutations in flight. */
  const layered = new Map<string, Layers>();
  /** Per conversation and field, the order of the last mutation sent that changes it. */
  const lastSent = new Map<string, Map<string, number>>();
  const open = new Map<string, number>();
  /**
   * The agent's own assigns and resolves, by the request order they were sent with: such a row
   * keeps its place in a list (new activity would move it to the top) until that list is next read
   * from its first page by a request sent later. A row jumping away from under the agent's own
   * action loses their place; the next read from the top is where a new order is expected.
   */
  const pins = new Map<string, number>();
  /** Per list, the request order of the first page of its latest read from the top. */
  const readFromTop = new Map<string, number>();

  function pin(id: string, seq: number) {
    pins.delete(id); // re-inserted last: the map stays in request order, oldest first
    pins.set(id, seq);
    if (pins.size > MAX_PINS) pins.delete(pins.keys().next().value!);
  }

  /** Whether `id` keeps its place in list `key`: pinned since that list was last read from the top, or its mutation is still open. */
  function holdsPlace(key: string, id: string): boolean {
    const pinned = pins.get(id);
    return pinned !== undefined && (open.has(id) || pinned > (readFromTop.get(key) ?? 0));
  }

  const baseOf = (id: string): Conversation | undefined => layered.get(id)?.base ?? core.get().conversations[id];

  /** The base with every patch laid over it, each field from the mutation that owns it; what is shown keeps its unchanged parts. */
  function compose(id: string, layer: Layers, shown: Conversation | undefined): Conversation {
    const owners = lastSent.get(id);
    let view = layer.base;
    for (const patch of layer.patches) {
      let copy: Record<string, unknown> | null = null;
      for (const field of Object.keys(patch.fields)) {
        if (owners?.get(field) !== patch.seq) continue;
        copy ??= { ...view };
        copy[field] = (patch.fields as Record<string, unknown>)[field];
      }
      if (copy) view = copy as unknown as Conversation;
    }
    return shown ? replaceEqualDeep(shown, view) : view;
  }

  /** Shows a mutation's `next` (optimistic, its answer, its rollback), keeps every list true to it and says so. */
  function show(next: Conversation, source: 'server' | 'optimistic' | 'rollback', hints?: ListPlacement): ListPlacement {
    let removed: ListPlacement = {};
    let changed = false;
    core.set((s) => {
      const prev = s.conversations[next.id];
      if (prev === next) return {};
      changed = true;
      s.conversations[next.id] = next; // in place, see writeRows()
      const result = reconcileLists(s.lists, s.conversations, prev ?? next, next, hints, holdsPlace);
      removed = result.removed;
      return { conversationsVersion: s.conversationsVersion + 1, lists: result.lists };
    });
    if (changed) core.emit({ type: 'conversation.updated', conversation: next, source });
    return removed;
  }

  /**
   * Writes what reads brought (request order `seq`) in one update. A page's rows
   * (no `source`) are placed by the page: a row new to the store joins no other
   * list, and one already held moves only where a field that places it changed.
   * A single write (`source`: a full read, a push) finds its place in every
   * list; a conversation not cached before counts as already in the lists'
   * totals unless `isNew`. Returns the ids once each, without rows the store
   * knows to have left `query`'s list since (a stale row, or one a mutation in
   * flight moved out), and how many were left out so.
   */
  function writeRows(rows: readonly unknown[], seq: number, query?: ListQuery, source?: WriteSource, isNew = false): { ids: string[]; excluded: number } {
    const ids: string[] = [];
    let excluded = 0;
    if (core.isDestroyed()) return { ids, excluded };
    const seen = new Set<string>();
    const changedRows: Conversation[] = [];
    core.set((s) => {
      let lists: Record<string, ListState> = s.lists;
      let changed = false;
      for (const row of rows) {
        if (!isRow(row) || seen.has(row.id)) continue;
        const { id } = row;
        seen.add(id);
        const shown = s.conversations[id];
        const layer = layered.get(id);
        const held = layer?.base ?? shown;
        const verdict = judge(held, clocks.get(id) ?? 0, row.updatedAt, seq);
        let next = held!;
        if (verdict === 'fill') next = replaceEqualDeep(held, mergeConversation(row, held!));
        else if (verdict === 'newer') {
          clocks.set(id, Math.max(seq, clocks.get(id) ?? 0));
          next = mergeConversation(held, row);
        }
        if (layer) next = compose(id, Object.assign(layer, { base: next }), shown);
        if (next !== shown) {
          // In place (the entity itself is new): copying 100,000 entries per change would dominate every update.
          s.conversations[id] = next;
          changed = true;
          if (shown || source) changedRows.push(next);
          if (source || (shown && PLACEMENT_FIELDS.some((f) => shown[f] !== next[f]))) {
            lists = reconcileLists(lists, s.conversations, shown ?? (isNew ? undefined : next), next, undefined, holdsPlace).lists;
          }
        }
        if (query && (verdict !== 'newer' || layer) && !matchesList(query, next)) excluded++;
        else ids.push(id);
      }
      return changed ? { conversationsVersion: s.conversationsVersion + 1, lists } : {};
    });
    for (const conversation of changedRows) core.emit({ type: 'conversation.updated', conversation, source: source ?? 'server' });
    return { ids, excluded };
  }

  /** Writes one conversation a full read or a push brought (request order `seq`). Returns what is shown. */
  function write(incoming: Conversation, seq: number, source: WriteSource, isNew = false): Conversation | undefined {
    writeRows([incoming], seq, undefined, source, isNew);
    return isRow(incoming) && !core.isDestroyed() ? core.get().conversations[incoming.id] : undefined;
  }

  /** Shows a mutation's change at once, laid over the base until it settles. */
  function begin(id: string, kind: MutationKind, fields: Partial<Conversation>, seq: number): MutationTicket {
    const ticket: MutationTicket = { id, kind, seq, fields, placement: {} };
    let owners = lastSent.get(id);
    if (!owners) lastSent.set(id, (owners = new Map()));
    for (const field of Object.keys(fields)) owners.set(field, seq);
    open.set(id, (open.get(id) ?? 0) + 1);
    pin(id, seq);
    const shown = core.get().conversations[id];
    if (!shown || core.isDestroyed()) return ticket;
    let layer = layered.get(id);
    if (!layer) layered.set(id, (layer = { base: shown, patches: [] }));
    layer.patches.push(ticket);
    ticket.placement = show(compose(id, layer, shown), 'optimistic');
    return ticket;
  }

  /** Takes a settled mutation's patch off; the conversation stops being layered once none is left. Returns its layer (patches left, base). */
  function settle(ticket: MutationTicket): Layers | undefined {
    const layer = layered.get(ticket.id);
    if (layer) {
      layer.patches = layer.patches.filter((p) => p !== ticket);
      if (layer.patches.length === 0) layered.delete(ticket.id);
    }
    const left = (open.get(ticket.id) ?? 1) - 1;
    if (left > 0) open.set(ticket.id, left);
    else {
      open.delete(ticket.id);
      lastSent.delete(ticket.id);
    }
    return layer;
  }

  /** Fields of `fields` this mutation still owns (no mutation of them was sent after it). */
  function owned<T extends object>(ticket: MutationTicket, fields: T): Partial<T> {
    const owners = lastSent.get(ticket.id);
    const out: Record<string, unknown> = {};
    for (const field of Object.keys(fields)) {
      if ((owners?.get(field) ?? 0) <= ticket.seq) out[field] = (fields as Record<string, unknown>)[field];
    }
    return out as Partial<T>;
  }

  /** A mutation succeeded: its answer counts from when it was sent, and only for the fields it still owns. */
  function succeed(ticket: MutationTicket, update: ConversationUpdate): void {
    if (core.isDestroyed()) return;
    const { id } = ticket;
    const answer = { ...owned(ticket, update), id } as ConversationUpdate;
    const fold = owned(ticket, ticket.fields);
    const held = baseOf(id);
    const layer = settle(ticket) ?? { base: held!, patches: [] };
    if (!held) return;
    // An answer without `updatedAt` (WhatsApp's partial close) cannot be placed in time: it is the
    // server's word on this request, so its fields stand over older reads.
    if (update.updatedAt === undefined || judge(held, clocks.get(id) ?? 0, update.updatedAt, ticket.seq) === 'newer') {
      layer.base = mergeUpdate({ ...held, ...fold } as Conversation, answer);
      clocks.set(id, Math.max(ticket.seq, clocks.get(id) ?? 0));
    }
    show(compose(id, layer, core.get().conversations[id]), 'server');
  }

  /** A mutation failed: its patch goes, and the conversation shows its base and the other patches. */
  function fail(ticket: MutationTicket): void {
    if (core.isDestroyed()) return;
    const layer = settle(ticket);
    if (layer) show(compose(ticket.id, layer, core.get().conversations[ticket.id]), 'rollback', ticket.placement);
  }

  /**
   * A held mutation (undo window, bulk turn) is being sent now: its answer counts
   * from now. It keeps only the fields no later mutation has taken since.
   */
  function restamp(ticket: MutationTicket, seq: number): void {
    const owners = lastSent.get(ticket.id);
    for (const field of Object.keys(ticket.fields)) {
      if (owners?.get(field) === ticket.seq) owners.set(field, seq);
    }
    ticket.seq = seq;
    // Sent only now: a list read from the top meanwhile could not know of it.
    pin(ticket.id, seq);
  }

  /** List `key` was read from its first page by a request of order `seq`: rows pinned before it take the server's order there again. */
  function readTop(key: string, seq: number): void {
    readFromTop.set(key, Math.max(seq, readFromTop.get(key) ?? 0));
  }

  return { write, writeRows, begin, succeed, fail, restamp, readTop, holdsPlace };
}

export type Entities = ReturnType<typeof createEntities>;
