import { describe, expect, it, vi } from 'vitest';
// The package root also exports the React bindings, so this file imports the
// store and the memory backend by path: the point is that nothing they pull in imports React.
import { createInboxStore } from '../../src/store/createInboxStore.js';
import { createMemoryAdapter } from '../../src/adapters/memory/index.js';
import { listKey } from '../../src/store/queries.js';

vi.mock('react', () => {
  throw new Error('react must not be imported by the store');
});
vi.mock('react-dom', () => {
  throw new Error('react-dom must not be imported by the store');
});

describe('the store without React', () => {
  it('react really is unavailable in this file', async () => {
    // Vitest wraps the factory's error in its own "error when mocking a module".
    await expect(import('react')).rejects.toThrow();
  });

  it('loads a list and runs a mutation', async () => {
    const memory = createMemoryAdapter({ seed: 8, size: 25 });
    const store = createInboxStore({ adapter: memory, pollIntervalMs: 0 });
    const stopMount = store.mount();
    const stop = store.observeList({ status: 'open' });
    await store.fetchList({ status: 'open' });
    const list = store.state.getState().lists[listKey({ status: 'open' })]!;
    expect(list.status).toBe('success');
    const id = list.ids[0]!;

    await store.resolve(id);
    expect(store.state.getState().conversations[id]!.status).toBe('resolved');
    expect(store.state.getState().lists[listKey({ status: 'open' })]!.ids).not.toContain(id);
    expect((await memory.getConversation(id)).status).toBe('resolved');
    stop();
    stopMount();
  });
});
