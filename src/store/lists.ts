import { normalizeQuery } from '../core/query.js';
import type { Conversation, ConversationPage, ConversationQuery } from '../core/types.js';
import { cancel, putEntry, retain, runOnce } from './core.js';
import type { Holders, Inflight, StoreCore } from './core.js';
import type { Entities } from './entities.js';
import { DEFAULT_POLL_INTERVAL_MS } from './options.js';
import { comesBefore, instant, listKey, toListQuery } from './queries.js';
import type { ListQuery } from './queries.js';
import type { ListState } from './types.js';

/** How many pages a revalidation (poll, focus, mount) reloads at most. */
export const REVALIDATE_PAGES = 5;

/** A total as a count, or `undefined` when the server's is not one (negative, fractional, not a number). */
export function sanitizeTotal(total: unknown): number | undefined {
  return typeof total === 'number' && Number.isSafeInteger(total) && total >= 0 ? total : undefined;
}

const sameIds = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((id, i) => id === b[i]);

/**
 * Reconciles the rows a list holds with a fresh read of its head. With
 * `complete` the head is the whole list. Otherwise the rows held after the
 * last revalidated row stay after the head, in their order and without
 * repeats; the rows held before it that the head no longer has left the
 * list (the server listed that stretch without them), unless `leftAbove`
 * says the row, as the store knows it, sorts below the head's last row: the
 * head ended on a row held out of order (the agent's own, kept where it was
 * clicked) and did not reach it. Identity, not offsets: rows that slid across
 * the page boundary are neither lost nor doubled.
 */
export function reviseIds(held: readonly string[], head: readonly string[], complete: boolean, leftAbove: (id: string) => boolean = () => true): readonly string[] {
  if (complete) return sameIds(held, head) ? held : head;
  // The common case (nothing new at the top): keep the array, without rebuilding 100,000 ids.
  if (head.length <= held.length && head.every((id, i) => id === held[i])) return held;
  let cut = -1;
  let positions: Map<string, number> | null = null;
  for (let i = head.length - 1, tries = 0; i >= 0 && cut === -1; i--, tries++) {
    if (tries === 8) positions = new Map(held.map((id, at) => [id, at]));
    cut = positions ? (positions.get(head[i]!) ?? -1) : held.indexOf(head[i]!);
  }
  const inHead = new Set(head);
  const ids = [...head];
  for (let i = 0; i < held.length; i++) if (!inHead.has(held[i]!) && (i > cut || !leftAbove(held[i]!))) ids.push(held[i]!);
  return sameIds(held, ids) ? held : ids;
}

/** The newest `updatedAt` among rows, as an instant; `NaN` when none has one. */
function newest(rows: readonly unknown[]): number {
  let max = Number.NaN;
  for (const row of rows) {
    const at = typeof row === 'object' && row !== null ? instant((row as Conversation).updatedAt) : Number.NaN;
    if (!Number.isNaN(at) && !(at <= max)) max = at;
  }
  return max;
}

/**
 * Puts `id` after the last of `ids` not older than it (newest activity first, ties in the server's order),
 * looking from the end; `rows`: the store's. A row `holdsPlace` (the agent's own, kept where they clicked
 * it, newer since their action) is passed over: stopping at it would put `id` below older rows.
 */
function insertSorted(ids: string[], id: string, rows: Readonly<Record<string, Conversation>>, holdsPlace: (id: string) => boolean = () => false): void {
  const at = instant(rows[id]?.updatedAt);
  let i = ids.length;
  let below = i; // where `id` goes: below the last row passed that does not hold its place
  while (i > 0) {
    const other = ids[i - 1]!;
    if (holdsPlace(other)) i--;
    else if (at > instant(rows[other]?.updatedAt)) below = --i;
    else break;
  }
  ids.splice(below, 0, id);
}

/** The head in its order with every row held that it lacks, each where it sorts: a read that may have missed rows drops none. */
function keepHeld(held: readonly string[], head: readonly string[], rows: Readonly<Record<string, Conversation>>, holdsPlace?: (id: string) => boolean): readonly string[] {
  const inHead = new Set(head);
  const ids = [...head];
  for (const id of held) if (!inHead.has(id)) insertSorted(ids, id, rows, holdsPlace);
  return sameIds(held, ids) ? held : ids;
}

const emptyList = (key: string, query: ListQuery): ListState => ({
  key,
  query,
  ids: [],
  total: 0,
  hasNext: false,
  pagesLoaded: 0,
  status: 'loading',
  error: null,
  isFetching: true,
  isFetchingMore: false,
  loadMoreError: null,
});

export function createLists(core: StoreCore, entities: Entities) {
  const { adapter, capabilities } = core;
  // Reads by list key; a list's loadMore under its key with a "+" before it.
  const reads = new Map<string, Inflight>();
  const observers: Holders<ConversationQuery> = new Map();
  // The last page loadMore asked for that brought nothing new, per list.
  // With the server's total then: a stall counts only while the list has not shrunk on the server.
  const stalledPage = new Map<string, { page: number; total: number | undefined; reread: boolean }>();
  // The server's total at each list's latest page read: a later page counting fewer means rows left.
  const servedAt = new Map<string, { total: number; seq: number }>();
  /** Records the total a page of request order `seq` served, unless a page asked for later already did. */
  const noteServed = (key: string, total: number | undefined, seq: number) => {
    if (total !== undefined && !((servedAt.get(key)?.seq ?? -1) > seq)) servedAt.set(key, { total, seq });
  };
  // When hydrated data was fetched, per list: shown without a request while fresh.
  const hydratedAt = new Map<string, number>();
  // The newest activity (an instant) each list's last read from the top saw: below it, the server's
  // clock had not yet reached, so what came or changed since is newer (see fetchList).
  const readMarks = new Map<string, number>();
  // The total (as the list counts it) each list's paging ended at: a later read revives paging only
  // where the server counts more than that, not each poll of a server whose count is off.
  const endedAt = new Map<string, number>();
  // The id set of each ids array, so appending page after page stays linear.
  const idSets = new WeakMap<readonly string[], Set<string>>();

  const setList = (key: string, patch: Partial<ListState> | ((list: ListState) => Partial<ListState>)) =>
    putEntry(core, 'lists', key, (list) => list && { ...list, ...(typeof patch === 'function' ? patch(list) : patch) });

  /** One page, its request order taken as it is sent. */
  async function requestPage(query: ListQuery, page: number, signal: AbortSignal): Promise<{ page: ConversationPage; seq: number }> {
    const normalized = normalizeQuery({ ...query, page }, capabilities);
    const seq = core.nextSeq();
    return { page: await adapter.listConversations(normalized, { signal }), seq };
  }

  /** The total to show: the server's (less the rows the store knows left), never fewer than the rows shown. */
  const totalOf = (served: unknown, excluded: number, current: ListState, shown: number) => {
    const total = sanitizeTotal(served);
    return Math.max(total === undefined ? current.total : total - excluded, shown);
  };

  function fetchList(query: ConversationQuery, { background = false, revalidate = false } = {}): Promise<void> {
    const key = listKey(query);
    const listQuery = toListQuery(query);
    const { limit } = listQuery;
    return runOnce(
      core,
      reads,
      key,
      async (signal) => {
        const existing = core.get().lists[key];
        if (!existing) putEntry(core, 'lists', key, () => emptyList(key, listQuery));
        else if (!background) setList(key, { isFetching: true, ...(existing.status === 'error' && { status: 'loading' }) });
        // A reload fetches every page shown; a revalidation only the first REVALIDATE_PAGES,
        // where new activity lands. Rows held beyond stay (see reviseIds). Pages shown are
        // counted from the rows shown: rows that joined the list since its last read (a push,
        // the agent's own change) take room on its pages too.
        const loaded = Math.max(1, existing?.pagesLoaded ?? 1, Math.ceil((existing?.ids.length ?? 0) / limit));
        let pagesToLoad = revalidate ? Math.min(loaded, REVALIDATE_PAGES) : loaded;
        const mark = readMarks.get(key);
        const pages: Array<{ page: ConversationPage; seq: number }> = [];
        let complete = false;
        // Whether every page read joins the one before it (see below); when not, no row held is dropped.
        let joined = true;
        for (let page = 1, restarts = 0; page <= pagesToLoad && !complete; page++) {
          const answer = await requestPage(listQuery, page, signal);
          const total = sanitizeTotal(answer.page.total);
          const before = pages.length ? sanitizeTotal(pages[pages.length - 1]!.page.total) : undefined;
          if (total !== undefined && before !== undefined && total < before) {
            // Rows left the list while its pages were read: the later pages slid up, so a row may have slid
            // from this page onto the one read before, and been in neither. Read from the top again (twice
            // at most); after that, keep what is held rather than drop rows this read may have missed.
            if (restarts++ < 2) {
              pages.length = 0;
              page = 0;
              continue;
            }
            joined = false;
          }
          pages.push(answer);
          // An empty page, or the last page the total allows, ends the list.
          complete = !answer.page.hasNext || answer.page.conversations.length === 0 || (total !== undefined && page >= Math.ceil(total / limit));
          // A read from the top (a revalidation, or a reload of every page shown) stops on a row older than
          // anything the last read of this list saw. Every row that came or changed since sorts above it, so
          // none slipped between the pages read and the rows held. Ending on a newer row, more rows moved
          // meanwhile than the pages read hold: one may have sunk past, and paging by offset would never
          // reach it. Read on, at most REVALIDATE_PAGES past the pages shown.
          if (!complete && page === pagesToLoad && pagesToLoad < loaded + REVALIDATE_PAGES && mark !== undefined && !(newest([answer.page.conversations.at(-1)]) <= mark)) pagesToLoad++;
        }
        if (signal.aborted) return;
        // Read from the top: the agent's own rows pinned before this read take the server's order here now.
        entities.readTop(key, pages[0]!.seq);
        const head = new Set<string>();
        let excluded = 0;
        for (const { page, seq } of pages) {
          const written = entities.writeRows(page.conversations ?? [], seq, listQuery);
          excluded += written.excluded;
          for (const id of written.ids) head.add(id);
        }
        const last = pages[pages.length - 1]!.page;
        stalledPage.delete(key);
        hydratedAt.delete(key);
        noteServed(key, sanitizeTotal(last.total), pages[pages.length - 1]!.seq);
        const headIds = [...head];
        const seen = newest(pages.flatMap(({ page }) => page.conversations ?? []));
        if (!Number.isNaN(seen)) readMarks.set(key, Math.max(seen, mark ?? seen));
        const { conversations } = core.get();
        const end = conversations[headIds[headIds.length - 1]!];
        const leftAbove = (id: string) => {
          const row = conversations[id];
          return !row || !end || comesBefore(row, end);
        };
        putEntry(core, 'lists', key, (current = emptyList(key, listQuery)) => {
          const ids = joined ? reviseIds(current.ids, headIds, complete, leftAbove) : keepHeld(current.ids, headIds, conversations, (id) => entities.holdsPlace(key, id));
          const total = totalOf(last.total, excluded, current, ids.length);
          if (complete) endedAt.set(key, total);
          const next: ListState = {
            ...current,
            ids,
            total,
            // Beyond the head, paging goes on as it was, or again where the server now counts more rows
            // than the list holds and than when its paging ended.
            hasNext: complete ? false : ids.length > head.size ? current.hasNext || (total > ids.length && total > (endedAt.get(key) ?? Infinity)) : last.hasNext,
            pagesLoaded: complete ? pages.length : Math.max(pages.length, Math.ceil(ids.length / limit)),
            status: 'success',
            error: null,
            isFetching: false,
          };
          return (Object.keys(next) as Array<keyof ListState>).every((k) => next[k] === current[k]) ? current : next;
        });
      },
      (error) =>
        putEntry(core, 'lists', key, (current = emptyList(key, listQuery)) => ({
          ...current,
          status: current.status === 'success' ? 'success' : 'error',
          error,
          isFetching: false,
        })),
      'list',
    );
  }

  function loadMore(query: ConversationQuery): Promise<void> {
    const key = listKey(query);
    const listQuery = toListQuery(query);
    const { limit } = listQuery;
    return runOnce(
      core,
      reads,
      `+${key}`,
      async (signal) => {
        const list = core.get().lists[key];
        if (list?.status !== 'success' || !list.hasNext) return;
        // Page by what is shown, not by pages loaded: when rows left the list here, the server's
        // later pages slid up. Overlap is harmless (ids are de-duplicated); a page that added
        // nothing is not asked for again, so this always moves forward.
        // The stall this page skips past, as it was when asked: a revalidation meanwhile forgets it, and
        // the answer must still be checked against it.
        const stall = stalledPage.get(key);
        const byRows = Math.floor(list.ids.length / limit) + 1;
        const last = Math.ceil(list.total / limit);
        let page = Math.max(byRows, (stall?.page ?? 0) + 1);
        // Skipping a page that brought nothing leads past the last page: where rows left since it was read,
        // the rows after it slid up onto it, so the pages are read again from the rows shown (once a stall)
        // rather than paging ending without them.
        const reread = page > last && byRows <= last && !!stall && !stall.reread && stall.total !== undefined && stall.total > list.total;
        if (reread) page = byRows;
        // Never past the last page the total allows.
        if (page > last) {
          endedAt.set(key, list.total);
          return setList(key, { hasNext: false });
        }
        setList(key, { isFetchingMore: true, loadMoreError: null });
        const { page: result, seq } = await requestPage(listQuery, page, signal);
        if (signal.aborted) return;
        const served = sanitizeTotal(result.total);
        if (stall && page === stall.page + 1 && served !== undefined && stall.total !== undefined && served < stall.total) {
          // Rows left the list on the server since the stalled page was read: the rows after it slid up,
          // and the one that slid onto that page was never seen. Appending this page would skip it, so
          // it is dropped and the next loadMore reads from the rows shown again.
          stalledPage.delete(key);
          return setList(key, { isFetchingMore: false });
        }
        // Compared with a page asked for before this one only: a read sent later may count rows that came since.
        const before = servedAt.get(key);
        noteServed(key, served, seq);
        const pagesRead = [{ page: result, seq }];
        if (served !== undefined && before && before.seq < seq && served < before.total && page > 1) {
          // Rows left the list on the server since its last page was read, unseen here: the rows after that
          // page slid up, as many as left, onto pages read before they came. Appending this page alone would
          // skip them, so the pages before it are read again too (overlap is harmless).
          const back = Math.min(page - 1, Math.ceil((before.total - served) / limit));
          for (let earlier = page - back; earlier < page; earlier++) pagesRead.splice(-1, 0, await requestPage(listQuery, earlier, signal));
          if (signal.aborted) return;
        }
        const rows = result.conversations ?? [];
        const newIds: string[] = [];
        let excluded = 0; // of this page, whose total is the one counted
        for (const read of pagesRead) {
          const written = entities.writeRows(read.page.conversations ?? [], read.seq, listQuery);
          newIds.push(...written.ids);
          excluded = written.excluded;
        }
        setList(key, (current) => {
          // Placed by identity: whatever revalidated the list meanwhile, a row shows once, after the rows held.
          let present = idSets.get(current.ids);
          if (!present) idSets.set(current.ids, (present = new Set(current.ids)));
          const appended = newIds.filter((id) => !present.has(id));
          if (appended.length === 0) stalledPage.set(key, { page, total: served, reread });
          else stalledPage.delete(key);
          let ids = current.ids;
          if (appended.length) {
            // The set moves on to the new array (the old one, if asked again, is counted anew): copying it
            // each page made paging in 100,000 rows quadratic (a minute, against five seconds).
            idSets.delete(current.ids);
            if (appended.length === newIds.length) ids = current.ids.concat(appended);
            else {
              // The page overlaps the rows held (rows came above since): its new rows go where they sort among them.
              const copy = current.ids.slice();
              const { conversations } = core.get();
              for (const id of appended) insertSorted(copy, id, conversations, (other) => entities.holdsPlace(key, other));
              ids = copy;
            }
            for (const id of appended) present.add(id);
            idSets.set(ids, present);
          }
          // An empty page ends paging, whatever the server claims about more.
          const ended = rows.length === 0;
          const counted = totalOf(result.total, excluded, current, ids.length);
          const total = ended ? ids.length : counted;
          // The pages are the server's: a row left out here (one the agent is resolving, say) still takes its
          // place on them, so the last page is the one the server's total allows, not the count shown.
          const hasNext = !ended && result.hasNext === true && page < Math.ceil((served ?? total) / limit);
          if (!hasNext) endedAt.set(key, counted);
          return {
            ids,
            total,
            hasNext,
            pagesLoaded: Math.max(current.pagesLoaded, page),
            isFetchingMore: false,
            loadMoreError: null,
          };
        });
      },
      (error) => setList(key, { isFetchingMore: false, loadMoreError: error }),
      'list',
    );
  }

  function observeList(query: ConversationQuery): () => void {
    const key = listKey(query);
    let timer: ReturnType<typeof setTimeout> | undefined;
    const release = retain(observers, key, query, (last) => {
      clearTimeout(timer);
      if (!last) return;
      // Nobody shows this list any more: stop its requests and ignore their answers.
      const stopped = cancel(reads, key);
      if (cancel(reads, `+${key}`) || stopped) {
        putEntry(core, 'lists', key, (list) => (list?.status === 'success' ? { ...list, isFetching: false, isFetchingMore: false } : undefined));
      }
    });
    const at = hydratedAt.get(key);
    if (at !== undefined && core.now() - at < (core.settings.pollIntervalMs || DEFAULT_POLL_INTERVAL_MS)) {
      // Data from the server render, still fresh: shown as it is; the next poll revalidates it.
    } else if (core.get().lists[key]?.status === 'success') {
      // Cached data shows at once; its revalidation waits a task, so the first paint is not held up by it.
      timer = setTimeout(() => void fetchList(query, { revalidate: true }), 0);
    } else void fetchList(query, { revalidate: true });
    return release;
  }

  /** Shows a list fetched elsewhere (hydration), as fresh as `fetchedAt`. */
  function hydrate(list: Pick<ListState, 'query' | 'ids' | 'total' | 'hasNext' | 'pagesLoaded'>, fetchedAt: number) {
    const key = listKey(list.query);
    const { ids, total, hasNext, pagesLoaded } = list;
    putEntry(core, 'lists', key, () => ({ ...emptyList(key, toListQuery(list.query)), ids, total, hasNext, pagesLoaded, status: 'success', isFetching: false }));
    hydratedAt.set(key, fetchedAt);
  }

  return { fetchList, loadMore, observeList, hydrate, observed: () => [...observers.values()].map((o) => o.value) };
}

export type Lists = ReturnType<typeof createLists>;
