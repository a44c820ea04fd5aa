// What the Node store benchmarks import: bundled by bench/store.bench.mjs into bench/results/store-build/store.js.
export { createMemoryAdapter } from '../src/adapters/memory/index.js';
export { createInboxStore } from '../src/store/createInboxStore.js';
export { createMemoryStorage } from '../src/store/drafts.js';
export { listKey } from '../src/store/queries.js';
