import { toInboxError } from '../core/errors.js';
import type { InboxError } from '../core/errors.js';
import type { Assignee, ConversationUpdate } from '../core/types.js';
import type { StoreCore } from './core.js';
import { createSlots } from './holds.js';
import type { Gate, ResolveCall } from './mutations.js';
import { isUndone } from './mutations.js';

/** What `store.bulk` does to each conversation. */
export type BulkAction =
  | { type: 'assign'; assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee> }
  | { type: 'resolve'; resolution?: string | undefined };

/** How one conversation of a batch ended. */
export type BulkOutcome =
  /** The server has it. */
  | 'succeeded'
  /** Refused or failed; rolled back alone (see `error`). */
  | 'failed'
  /** Never sent: the batch was stopped before its turn, and it is left as it was. */
  | 'skipped'
  /** Undone inside the undo window: nothing was sent. */
  | 'undone';

/** One conversation's result in a batch. */
export interface BulkResult {
  id: string;
  outcome: BulkOutcome;
  error: InboxError | null;
  update: ConversationUpdate | null;
}

/** Options of `store.bulk`. */
export interface BulkOptions {
  /** Stops the batch: what was sent stays sent, the rest is left untouched (`skipped`). */
  signal?: AbortSignal | undefined;
  /** For resolve: the undo window, shown at once for every conversation. Default: the store's `undoMs`. */
  undoMs?: number | undefined;
}

/** Requests a batch sends at once at the most (there is no bulk endpoint: one request per conversation). */
export const BULK_CONCURRENCY = 4;

interface Mutators {
  assign(id: string, assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>, gate?: Gate): Promise<ConversationUpdate>;
  resolve(id: string, options?: ResolveCall, gate?: Gate): Promise<ConversationUpdate>;
}

/**
 * Runs one action over many conversations, each its own optimistic mutation
 * (shown at once, rolled back alone), at most `BULK_CONCURRENCY` requests at
 * a time. Never rejects: resolves to one result per distinct id, in order.
 */
export function createBulk(core: StoreCore, mutators: Mutators) {
  return async function bulk(ids: readonly string[], action: BulkAction, { signal, undoMs }: BulkOptions = {}): Promise<BulkResult[]> {
    const unique = [...new Set(ids)];
    // destroy() stops the batch too: what waits for its turn is never sent.
    const life = core.open();
    const stopped = signal ? AbortSignal.any([signal, life.signal]) : life.signal;
    const gate: Gate = createSlots(BULK_CONCURRENCY, stopped).acquire;
    const run = (id: string): Promise<ConversationUpdate> =>
      action.type === 'assign'
        ? mutators.assign(id, action.assignee, gate)
        : mutators.resolve(id, { resolution: action.resolution, undoMs }, gate);
    const results = Promise.all(
      unique.map(async (id): Promise<BulkResult> => {
        try {
          const update = await run(id);
          return { id, outcome: 'succeeded', error: null, update };
        } catch (caught) {
          const error = toInboxError(caught);
          if (isUndone(error)) {
            return { id, outcome: stopped.aborted ? 'skipped' : 'undone', error: null, update: null };
          }
          return { id, outcome: 'failed', error, update: null };
        }
      }),
    );
    try {
      return await results;
    } finally {
      life.close();
    }
  };
}
