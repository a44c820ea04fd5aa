/**
 * Seeded randomized fault test: hundreds of interleaved operations against a
 * memory backend with latency jitter and a 30% failure rate. Afterwards, once
 * a refresh succeeds, the store must equal the backend's truth, nothing may be
 * left pending, and no submitted note may be lost.
 *
 * Replay one seed: INBOXKIT_FAULT_SEED=1234 npx vitest run test/store/faults.test.ts
 * (a list or a range sweeps several: INBOXKIT_FAULT_SEED=1-100)
 * Fake timers drive the jitter, so a seed replays the same interleaving.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { InboxError, createInboxStore, createMemoryAdapter, listKey } from 'inboxkit';
import { prng, seedsFrom } from '../support/seeded.js';
import type { Assignee, ConversationQuery, ConversationsAdapter, ConversationStatus, RequestOptions } from 'inboxkit';

const SEEDS = seedsFrom(process.env.INBOXKIT_FAULT_SEED) ?? [1, 2, 3, 5, 21];
const OPERATIONS = Number(process.env.INBOXKIT_FAULT_OPERATIONS ?? 300);
const FAILURE_RATE = 0.3;
const STRANGER: Assignee = { type: 'user', id: 'user_01STRANGERNOTINDIRECTORY0' };

beforeEach(() => {
  vi.useFakeTimers();
});

afterEach(() => {
  vi.useRealTimers();
});

describe('faults: randomized interleavings against a flaky backend', () => {
  for (const seed of SEEDS) {
    it(`seed ${seed} (replay with INBOXKIT_FAULT_SEED=${seed})`, async () => {
      const tag = `[seed ${seed}]`;
      const random = prng(seed);
      const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;

      const memory = createMemoryAdapter({ seed, size: 150, profile: 'full' });
      const directory = await memory.listAssignees();
      const users = directory.filter((a) => a.type === 'user');

      // ---- the flaky wrapper: jitter, failures before the server, and (for writes) failures after it ----
      let chaos = true;
      const sleep = (ms: number, signal: AbortSignal | undefined) =>
        new Promise<void>((resolve, reject) => {
          if (signal?.aborted) return reject(new InboxError('aborted', 'The request was cancelled.'));
          const timer = setTimeout(resolve, ms);
          signal?.addEventListener('abort', () => {
            clearTimeout(timer);
            reject(new InboxError('aborted', 'The request was cancelled.'));
          });
        });
      const failure = () =>
        random() < 0.5
          ? new InboxError('server', 'The server failed (injected).', { status: 500 })
          : new InboxError('rate_limited', 'Too many requests (injected).', { status: 429, retryAfterMs: 1000 });
      async function flaky<T>(signal: AbortSignal | undefined, call: () => Promise<T>, write = false): Promise<T> {
        if (!chaos) return call();
        await sleep(Math.floor(random() * 9), signal);
        if (chaos && random() < FAILURE_RATE) {
          // A third of failed writes fail after the server applied them (the answer was lost).
          if (write && random() < 1 / 3) {
            await call();
            throw new InboxError('server', 'The answer was lost (injected).', { status: 502 });
          }
          throw failure();
        }
        return call();
      }
      const adapter: ConversationsAdapter = {
        flavour: memory.flavour,
        capabilities: memory.capabilities,
        listConversations: (query: ConversationQuery, options?: RequestOptions) => flaky(options?.signal, () => memory.listConversations(query)),
        getConversation: (id, options) => flaky(options?.signal, () => memory.getConversation(id)),
        assignConversation: (id, assignee, options) => flaky(options?.signal, () => memory.assignConversation(id, assignee), true),
        resolveConversation: (id, options) => flaky(options?.signal, () => memory.resolveConversation(id, options?.resolution === undefined ? {} : { resolution: options.resolution }), true),
        addNote: (id, content, options) => flaky(options?.signal, () => memory.addNote(id, content), true),
        listNotes: (id, options) => flaky(options?.signal, () => memory.listNotes(id)),
        listAssignees: (options) => flaky(options?.signal, () => memory.listAssignees()),
        subscribe: (listener) => memory.subscribe(listener),
      };

      const store = createInboxStore({ adapter, pollIntervalMs: 40, currentUser: { id: users[0]!.id } });
      const unmount = store.mount();

      const settled: Array<Promise<unknown>> = [];
      let open = 0;
      const track = (promise: Promise<unknown>) => {
        open++;
        settled.push(
          promise.then(
            () => open--,
            () => open--,
          ),
        );
      };
      const observed: Array<{ query: ConversationQuery; stop: () => void }> = [];
      const detailStops: Array<() => void> = [];
      const submitted: Array<{ id: string; text: string }> = [];
      const statuses: Array<ConversationStatus | 'all'> = ['all', 'all', 'open', 'open', 'ai_handling', 'escalated', 'resolved'];
      const randomQuery = (): ConversationQuery => {
        const query: ConversationQuery = { status: pick(statuses), limit: pick([10, 20]) };
        if (random() < 0.15) query.assigneeId = pick(users).id;
        if (random() < 0.1) query.channel = pick(memory.capabilities.channels);
        return query;
      };
      const cachedIds = () => Object.keys(store.state.getState().conversations);

      // ---- the storm -------------------------------------------------------------------------
      for (let op = 0; op < OPERATIONS; op++) {
        const roll = random();
        const ids = cachedIds();
        if (roll < 0.12 || observed.length === 0) {
          const query = randomQuery();
          observed.push({ query, stop: store.observeList(query) });
          track(store.fetchList(query));
        } else if (roll < 0.2) {
          if (observed.length > 1) observed.splice(Math.floor(random() * observed.length), 1)[0]!.stop();
        } else if (roll < 0.32) {
          track(store.loadMore(pick(observed).query));
        } else if (roll < 0.47 && ids.length) {
          const assignee = random() < 0.1 ? STRANGER : pick(directory);
          track(store.assign(pick(ids), assignee));
        } else if (roll < 0.57 && ids.length) {
          track(store.resolve(pick(ids)));
        } else if (roll < 0.69 && ids.length) {
          const id = pick(ids);
          // A user cannot send twice at once; the composer waits for the note being sent.
          if (!store.state.getState().mutations[id]?.note?.pending) {
            const text = `note ${seed}/${op}`;
            const draft = store.state.getState().drafts[id];
            // A draft left by a failed send is kept: the user writes on after it.
            store.setDraft(id, draft ? `${draft}\n${text}` : text);
            submitted.push({ id, text });
            track(store.addNote(id));
          }
        } else if (roll < 0.77) {
          memory.simulate.incomingMessage();
        } else if (roll < 0.81) {
          memory.simulate.newConversation();
        } else if (roll < 0.86 && ids.length) {
          if (detailStops.length > 2) detailStops.shift()!();
          detailStops.push(store.observeConversation(pick(ids)));
        } else if (roll < 0.9) {
          window.dispatchEvent(new Event('focus'));
        } else if (roll < 0.93) {
          track(store.loadAssignees());
        } else if (ids.length) {
          track(store.fetchConversation(pick(ids)));
        }
        await vi.advanceTimersByTimeAsync(Math.floor(random() * 3));
      }

      // ---- calm: let everything settle, then turn failures off --------------------------------
      for (let i = 0; i < 1000 && open > 0; i++) await vi.advanceTimersByTimeAsync(10);
      expect(open, `${tag} operations still running after the storm`).toBe(0);
      await Promise.all(settled);
      // Polls and focus refetches are not tracked: stop them, and let those in flight land.
      chaos = false;
      unmount();
      await vi.advanceTimersByTimeAsync(100);

      // Refresh until it succeeds (with failures off, the first one does).
      for (let attempt = 0; attempt < 3; attempt++) {
        await store.refresh();
        for (const id of cachedIds()) await store.fetchConversation(id);
        const lists = Object.values(store.state.getState().lists);
        if (lists.every((l) => l.error === null) && Object.values(store.state.getState().details).every((d) => d.error === null)) break;
      }

      // ---- the store equals the backend's truth -------------------------------------------------
      const state = store.state.getState();
      for (const id of Object.keys(state.conversations)) {
        const truth = await memory.getConversation(id);
        const mine = state.conversations[id]!;
        expect(mine.status, `${tag} status of ${id}`).toBe(truth.status);
        expect(mine.assignee?.id ?? null, `${tag} assignee of ${id}`).toBe(truth.assignee?.id ?? null);
        expect(mine.updatedAt, `${tag} updatedAt of ${id}`).toBe(truth.updatedAt);
      }
      expect(observed.length, `${tag} no list observed at the end`).toBeGreaterThan(0);
      for (const { query } of observed) {
        const key = listKey(query);
        const list = state.lists[key]!;
        expect(list, `${tag} list ${key} missing`).toBeDefined();
        expect(list.status, `${tag} list ${key} status`).toBe('success');
        // The server's whole list, to its last page.
        const ids: string[] = [];
        let total: number;
        for (let page = 1; ; page++) {
          const result = await memory.listConversations({ ...query, page });
          ids.push(...result.conversations.map((c) => c.id));
          total = result.total;
          if (!result.hasNext) break;
        }
        // Paging goes by the rows shown, so the last page held may be partial (rows that slid past the
        // pages read stay): the rows held are the server's first ones, in order, none missing.
        expect([...list.ids], `${tag} ids of list ${key}`).toEqual(ids.slice(0, list.ids.length));
        // Every page counted as loaded holds rows (the first of an empty list excepted).
        expect(list.ids.length, `${tag} rows of list ${key}`).toBeGreaterThanOrEqual(Math.min(ids.length, (list.pagesLoaded - 1) * query.limit! + 1));
        expect(list.total, `${tag} total of list ${key}`).toBe(total);
        expect(list.hasNext, `${tag} hasNext of list ${key}`).toBe(list.ids.length < ids.length);
        expect(list.isFetching || list.isFetchingMore, `${tag} list ${key} still fetching`).toBe(false);
      }

      // ---- nothing pending, nothing lost ---------------------------------------------------------
      for (const [id, kinds] of Object.entries(state.mutations)) {
        for (const [kind, mutation] of Object.entries(kinds)) {
          expect(mutation?.pending, `${tag} ${kind} of ${id} still pending`).toBe(false);
        }
      }
      for (const [id, notes] of Object.entries(state.notes)) {
        expect(
          notes.items.filter((n) => n.pending),
          `${tag} notes of ${id} still pending`,
        ).toEqual([]);
      }
      expect(submitted.length, `${tag} the storm sent no notes`).toBeGreaterThan(0);
      const lost: string[] = [];
      for (const { id, text } of submitted) {
        const stored = (await memory.listNotes(id)).some((n) => n.content.includes(text));
        const drafted = (state.drafts[id] ?? '').includes(text);
        if (!stored && !drafted) lost.push(`${id}: ${text}`);
      }
      expect(lost, `${tag} notes neither stored nor in a draft`).toEqual([]);

      for (const { stop } of observed) stop();
      for (const stop of detailStops) stop();
      store.destroy();
    }, 20_000);
  }
});
