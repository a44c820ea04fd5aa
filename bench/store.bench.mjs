#!/usr/bin/env node
/* global process, console, URL */
/**
 * Store benchmarks in Node (part of `npm run bench`; alone: `node bench/store.bench.mjs`).
 *
 * Bundles the store and the memory backend from src with Vite (bench/results/store-build/store.js,
 * no test runner involved), then times:
 * - 1,000 pushed updates (memory `simulate.incomingMessage`) applied to a mounted
 *   store over a 100,000-conversation backend: with the first pages of the list
 *   loaded, and with all 100,000 loaded; and the backend alone, for the split;
 * - the memory backend listing 100,000 conversations: pages, deep pages, filters.
 */
import { fileURLToPath, pathToFileURL } from 'node:url';
import { normalize } from 'node:path';
import { performance } from 'node:perf_hooks';
import v8 from 'node:v8';
import vm from 'node:vm';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const N = 100_000;
const UPDATES = 1000;
const SEED = 7;
// A fixed clock (ms) for the data, so every run has the same conversations.
const ANCHOR = Date.UTC(2026, 0, 15, 12);

async function bundle(build) {
  const out = here('./results/store-build/store.js');
  if (build) {
    const { build: viteBuild } = await import('vite');
    await viteBuild({
      configFile: false,
      logLevel: 'warn',
      define: { 'process.env.NODE_ENV': JSON.stringify('production'), __INBOXKIT_VERSION__: '"bench"' },
      build: {
        outDir: here('./results/store-build'),
        emptyOutDir: true,
        minify: false,
        target: 'node20',
        reportCompressedSize: false,
        lib: { entry: here('./store-entry.ts'), formats: ['es'], fileName: () => 'store.js' },
        rolldownOptions: { external: [/^zustand/] },
      },
    });
  }
  return import(pathToFileURL(out).href);
}

// A full GC before each timed block, also when Node was started without --expose-gc.
v8.setFlagsFromString('--expose-gc');
const gc = globalThis.gc ?? vm.runInNewContext('gc');

/** Runs `fn` repeatedly for about `ms` (after a warm-up) and returns ops/s. */
async function opsPerSecond(fn, ms = 400) {
  for (let i = 0; i < 5; i++) await fn();
  let ops = 0;
  const t0 = performance.now();
  let t = t0;
  while (t - t0 < ms) {
    await fn();
    ops++;
    t = performance.now();
  }
  return { ops, seconds: (t - t0) / 1000, opsPerSecond: ops / ((t - t0) / 1000), meanMs: (t - t0) / ops };
}

/**
 * A mounted store over a 100,000-conversation backend with `pages` pages of
 * 100 loaded through store.loadMore (with `seedAll`, all 100,000), then
 * `updates` pushed messages.
 */
async function pushedUpdates(lib, { pages = 5, seedAll = false, updates = UPDATES }) {
  let clock = ANCHOR;
  const adapter = lib.createMemoryAdapter({ seed: SEED, size: N, now: () => clock });
  const store = lib.createInboxStore({ adapter, pollIntervalMs: 0, storage: lib.createMemoryStorage() });
  const query = { limit: 100 };
  const key = lib.listKey(query);
  const t0 = performance.now();
  await store.fetchList(query);
  // Paged in as a host would; loadMore is linear, so even 1,000 pages take about a second.
  const limit = seedAll ? N / 100 : pages;
  for (let page = 1; page < limit && store.state.getState().lists[key].hasNext; page++) await store.loadMore(query);
  const loadMs = performance.now() - t0;
  const loaded = store.state.getState().lists[key].ids.length;
  const stop = store.mount();
  let notified = 0;
  const unsubscribe = store.state.subscribe(() => notified++);
  gc();
  const t1 = performance.now();
  for (let i = 0; i < updates; i++) {
    clock += 1000;
    adapter.simulate.incomingMessage();
  }
  const totalMs = performance.now() - t1;
  unsubscribe();
  stop();
  const list = store.state.getState().lists[key];
  return { loaded, pages, seedAll, loadMs, updates, totalMs, perUpdateMs: totalMs / updates, opsPerSecond: updates / (totalMs / 1000), notified, listLength: list.ids.length };
}

async function backendAlone(lib) {
  let clock = ANCHOR;
  const adapter = lib.createMemoryAdapter({ seed: SEED, size: N, now: () => clock });
  gc();
  const t0 = performance.now();
  for (let i = 0; i < UPDATES; i++) {
    clock += 1000;
    adapter.simulate.incomingMessage();
  }
  const totalMs = performance.now() - t0;
  return { loaded: 0, updates: UPDATES, totalMs, perUpdateMs: totalMs / UPDATES, opsPerSecond: UPDATES / (totalMs / 1000) };
}

export async function runStoreBench({ build = true } = {}) {
  const lib = await bundle(build);
  const results = { n: N, updates: UPDATES, push: {}, list: [] };

  results.push.backendAlone = await backendAlone(lib);
  results.push.firstPages = await pushedUpdates(lib, { pages: 5 });
  results.push.tenThousand = await pushedUpdates(lib, { pages: 100, updates: 200 });
  results.push.allLoaded = await pushedUpdates(lib, { seedAll: true, updates: 20 });

  const t0 = performance.now();
  const adapter = lib.createMemoryAdapter({ seed: SEED, size: N, now: () => ANCHOR });
  results.createMs = performance.now() - t0;
  const someone = (await adapter.listAssignees())[0].id;
  const cases = [
    ['first page (20)', {}],
    ['first page (100)', { limit: 100 }],
    ['page 500 of 100 (rows 49,901–50,000)', { page: 500, limit: 100 }],
    ['last page of 100', { page: N / 100, limit: 100 }],
    ['status = open, page 1', { status: 'open' }],
    ['status = resolved, page 100 of 100', { status: 'resolved', page: 100, limit: 100 }],
    ['channel = whatsapp, page 1 (scan)', { channel: 'whatsapp' }],
    ['channel = instagram, page 50 of 100 (scan)', { channel: 'instagram', page: 50, limit: 100 }],
    [`assignee = ${someone}, page 1 (scan)`, { assigneeId: someone }],
    ['status = open + channel = webchat + assignee, page 1 (scan)', { status: 'open', channel: 'webchat', assigneeId: someone }],
  ];
  for (const [label, query] of cases) {
    const page = await adapter.listConversations(query);
    const stat = await opsPerSecond(() => adapter.listConversations(query));
    results.list.push({ label, query, total: page.total, rows: page.conversations.length, ...stat });
  }
  return results;
}

const fmt = (v, digits = 0) => v.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });

export function storeTable(r) {
  const lines = [];
  lines.push(`#### ${fmt(r.updates)} pushed updates (memory \`simulate.incomingMessage\`, random recent conversations), backend of ${fmt(r.n)}\n`);
  lines.push('| setup | conversations in the store | updates | total | per update | updates/s |');
  lines.push('|---|---|---|---|---|---|');
  const row = (label, x) => lines.push(`| ${label} | ${fmt(x.loaded)} | ${fmt(x.updates)} | ${fmt(x.totalMs, 1)} ms | ${fmt(x.perUpdateMs, 3)} ms | ${fmt(x.opsPerSecond)} |`);
  row('backend alone (no store subscribed)', r.push.backendAlone);
  row(`**mounted store, first 5 pages of 100 loaded** (${fmt(r.push.firstPages.loadMs, 0)} ms to load)`, r.push.firstPages);
  row(`mounted store, 100 pages paged in with loadMore (${fmt(r.push.tenThousand.loadMs / 1000, 1)} s to page in)`, r.push.tenThousand);
  row(`mounted store, all ${fmt(r.n)} paged in with loadMore (${fmt(r.push.allLoaded.loadMs / 1000, 1)} s to page in)`, r.push.allLoaded);
  lines.push(`\n#### Memory backend \`listConversations\` over ${fmt(r.n)} conversations\n`);
  lines.push('| query | matches | rows | ops/s | mean |');
  lines.push('|---|---|---|---|---|');
  for (const c of r.list) lines.push(`| ${c.label} | ${fmt(c.total)} | ${c.rows} | ${fmt(c.opsPerSecond)} | ${fmt(c.meanMs, 3)} ms |`);
  return lines.join('\n');
}

if (process.argv[1] && fileURLToPath(import.meta.url) === normalize(process.argv[1])) {
  const results = await runStoreBench({ build: !process.argv.includes('--skip-build') });
  console.log(storeTable(results));
}
