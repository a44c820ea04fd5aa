import type { Assignee, Conversation, ConversationUpdate } from '../core/types.js';
import { comesBefore, matchesList } from './queries.js';
import type { ListState } from './types.js';
import { equalDeep, replaceEqualDeep } from './structural.js';
import { copyDict, dict, mergeOwn } from './records.js';

function sameAssignee(a: Assignee | null | undefined, b: Assignee | null | undefined): boolean {
  return !!a && !!b && a.type === b.type && a.id === b.id;
}

/**
 * Merges what a read returned into the cached conversation. Reads differ in
 * how much they carry (a WhatsApp list row has no email, labels, metadata or
 * assignee name; a Waply row no history), so a thinner answer never blanks
 * what a fuller one already told us.
 */
export function mergeConversation(existing: Conversation | undefined, incoming: Conversation): Conversation {
  if (!existing) return incoming;
  // The common answer (a revalidation, a poll) is the row as held: the merge below would build a copy only to
  // find it equal. It could differ only by dropping a raw status or channel a known one replaces.
  if (!('rawStatus' in existing) && !('rawChannel' in existing) && equalDeep(existing, incoming)) return existing;
  const merged: Conversation = { ...existing, ...incoming };
  if ((incoming.messages === null || incoming.messages.length === 0) && existing.messages && existing.messages.length > 0) {
    merged.messages = existing.messages;
  }
  if (!incoming.contact && existing.contact) merged.contact = existing.contact;
  else if (incoming.contact && existing.contact && incoming.contact.id === existing.contact.id) {
    merged.contact = { ...existing.contact, ...incoming.contact };
  }
  if (sameAssignee(incoming.assignee, existing.assignee)) merged.assignee = { ...existing.assignee!, ...incoming.assignee! };
  // Own keys only: a `__proto__` key in metadata stays data, never a prototype.
  merged.metadata = mergeOwn<Record<string, unknown>>(existing.metadata, incoming.metadata);
  if (incoming.labels.length === 0) merged.labels = existing.labels;
  if (incoming.status !== 'unknown') delete merged.rawStatus;
  if (incoming.channel !== 'unknown') delete merged.rawChannel;
  return replaceEqualDeep(existing, merged);
}

/** Merges a mutation's answer (only the fields the server reported) into the cached conversation. */
export function mergeUpdate(existing: Conversation, update: ConversationUpdate): Conversation {
  const merged: Conversation = { ...existing, ...update };
  if (update.assignee && sameAssignee(update.assignee, existing.assignee)) merged.assignee = { ...existing.assignee!, ...update.assignee };
  if (update.status !== undefined && update.status !== 'unknown') delete merged.rawStatus;
  return replaceEqualDeep(existing, merged);
}

/** Where one list changed when a conversation changed, so a rollback can put it back in place. */
export type ListPlacement = Record<string, number>;

/**
 * Keeps every loaded list true to one conversation's change: it leaves the
 * lists it no longer matches, joins those it now matches at its place by
 * activity (if that place is within what is loaded), moves up when its
 * activity changed, unless `holdsPlace` says it keeps its place in that list
 * (the agent's own action), and totals follow membership. `hints` put a
 * conversation back exactly where it was (rollback). Returns the indexes it
 * was removed at.
 */
export function reconcileLists(
  lists: Record<string, ListState>,
  conversations: Record<string, Conversation>,
  prev: Conversation | undefined,
  next: Conversation,
  hints: ListPlacement = {},
  holdsPlace?: (key: string, id: string) => boolean,
): { lists: Record<string, ListState>; removed: ListPlacement } {
  let out = lists;
  const removed: ListPlacement = dict();
  const { id } = next;
  for (const [key, list] of Object.entries(lists)) {
    if (list.status !== 'success') continue;
    const index = list.ids.indexOf(id);
    const wasMember = prev ? matchesList(list.query, prev) : false;
    const isMember = matchesList(list.query, next);
    let ids = list.ids;
    let total = list.total;
    if (isMember !== wasMember) total += isMember ? 1 : -1;
    const moved = prev !== undefined && prev.updatedAt !== next.updatedAt && !(index !== -1 && isMember && holdsPlace?.(key, id));
    const leaves = index !== -1 && (!isMember || moved);
    if (leaves) {
      // Copy and splice, natively: a filter's callback per id cost 30 ms a change at 100,000 rows.
      const copy = ids.slice();
      copy.splice(index, 1);
      ids = copy;
      removed[key] = index;
    }
    if (isMember && (index === -1 || moved)) {
      const hint = hints[key];
      let at: number;
      if (hint !== undefined) at = Math.min(hint, ids.length);
      else {
        at = ids.findIndex((id) => {
          const other = conversations[id];
          return other !== undefined && comesBefore(next, other);
        });
        if (at === -1) at = list.hasNext ? -1 : ids.length; // past the loaded pages: the next page will bring it
      }
      // Back where it was: keep the old array, so the list does not re-render for nothing.
      if (leaves && at === index) ids = list.ids;
      else if (at !== -1) {
        const copy = leaves ? (ids as string[]) : ids.slice(); // the copy made above, or a first one
        copy.splice(at, 0, id);
        ids = copy;
      }
    }
    total = Math.max(total, ids.length);
    if (ids !== list.ids || total !== list.total) {
      if (out === lists) out = copyDict(lists);
      out[key] = { ...list, ids, total };
    }
  }
  return { lists: out, removed };
}
