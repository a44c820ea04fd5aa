/**
 * The data every contender shows: the memory backend's conversations for one
 * seed and one clock, read back in list order (newest activity first). All
 * pages of a run get the same seed and clock, so they show identical rows.
 */
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import type { MemoryAdapter } from '../../src/adapters/memory/index.js';
import type { Conversation } from '../../src/core/types.js';

export const SEED = 7;
/** The text of the message that arrives in the update step. */
export const UPDATE_TEXT = 'Hi again, any news on my order? I still have not received the tracking number.';

export interface BenchParams {
  /** How many conversations the list holds. */
  n: number;
  /** The clock of the data (ms): generated activity lies in the 30 days before it. */
  anchor: number;
}

export function readParams(): BenchParams {
  const search = new URLSearchParams(location.search);
  const n = Number(search.get('n') ?? 1000);
  const anchor = Number(search.get('anchor') ?? Date.UTC(2026, 0, 15, 12));
  return { n, anchor };
}

/** A clock the update step can move: the incoming message is the newest activity. */
export interface Clock {
  now: number;
}

export function makeAdapter(params: BenchParams, clock: Clock, conversations?: Conversation[]): MemoryAdapter {
  return createMemoryAdapter({ seed: SEED, size: params.n, conversations, now: () => clock.now });
}

/**
 * Every conversation of the seed in list order, read page by page (100 at a
 * time, the largest page). Avatar URLs are dropped: the machine is offline,
 * and every contender shows initials, so no row waits for or falls back from
 * an image.
 */
export async function makeConversations(params: BenchParams): Promise<Conversation[]> {
  const adapter = makeAdapter(params, { now: params.anchor });
  const out: Conversation[] = [];
  for (let page = 1; ; page++) {
    const result = await adapter.listConversations({ page, limit: 100 });
    for (const c of result.conversations) {
      if (c.contact?.avatarUrl !== undefined) {
        const { avatarUrl: _dropped, ...contact } = c.contact;
        out.push({ ...c, contact });
      } else out.push(c);
    }
    if (!result.hasNext) return out;
  }
}

/** Which conversation the update step changes: one from the middle of the list (far off screen). */
export const targetIndex = (n: number) => Math.floor(n / 2);

/** The time of the page's update number `k` (from 0): k + 1 seconds after the data's clock, so each is the newest activity. */
export const updateTime = (params: BenchParams, k = 0) => params.anchor + 1000 * (k + 1);

/**
 * What a host-managed list does when a message arrives for one conversation:
 * the same change the memory backend makes (preview, unread + 1, activity),
 * and the conversation moved to the top. Used by every host-managed contender.
 */
export function applyIncoming(list: readonly Conversation[], index: number, at: number): Conversation[] {
  const previous = list[index]!;
  const iso = new Date(at).toISOString();
  let updated: Conversation = {
    ...previous,
    lastMessage: { text: UPDATE_TEXT, timestamp: iso, direction: 'inbound' },
    unreadCount: previous.unreadCount === null ? null : previous.unreadCount + 1,
    updatedAt: iso,
  };
  // A message reopens a resolved conversation, as in the memory backend.
  if (previous.status === 'resolved') updated = { ...updated, status: 'open', aiHandling: false, closedAt: null, closedBy: null };
  const next = new Array<Conversation>(list.length);
  next[0] = updated;
  for (let i = 0, j = 1; i < list.length; i++) if (i !== index) next[j++] = list[i]!;
  return next;
}
