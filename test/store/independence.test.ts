import { describe, expect, it } from 'vitest';
import { createInboxStore, createMemoryAdapter, createMemoryStorage, listKey } from 'inboxkit';
import type { InboxEvent } from 'inboxkit';

describe('two stores on one page', () => {
  it('keep their own state and events', async () => {
    const memoryA = createMemoryAdapter({ seed: 1, size: 20 });
    const memoryB = createMemoryAdapter({ seed: 2, size: 20 });
    const storage = createMemoryStorage();
    const a = createInboxStore({ adapter: memoryA, storage, storageKey: 'inbox-a', pollIntervalMs: 0 });
    const b = createInboxStore({ adapter: memoryB, storage, storageKey: 'inbox-b', pollIntervalMs: 0 });
    const stopA = a.mount();
    const stopB = b.mount();
    const eventsA: InboxEvent[] = [];
    const eventsB: InboxEvent[] = [];
    a.subscribe((e) => eventsA.push(e));
    b.subscribe((e) => eventsB.push(e));

    await a.fetchList({});
    expect(a.state.getState().lists[listKey({})]?.status).toBe('success');
    expect(b.state.getState().lists).toEqual({});
    expect(b.state.getState().conversations).toEqual({});

    const id = a.state.getState().lists[listKey({})]!.ids[0]!;
    await a.resolve(id);
    a.setDraft(id, 'Only in A');
    memoryA.simulate.newConversation();

    expect(eventsA.length).toBeGreaterThan(0);
    expect(eventsB).toEqual([]);
    expect(b.state.getState().drafts).toEqual({});
    expect(b.state.getState().mutations).toEqual({});
    expect(JSON.parse(storage.getItem('inbox-a')!)).toEqual({ [id]: 'Only in A' });
    expect(storage.getItem('inbox-b')).toBeNull();

    // B's backend pushes reach B only.
    await b.fetchList({});
    const countA = Object.keys(a.state.getState().conversations).length;
    const created = memoryB.simulate.newConversation();
    expect(b.state.getState().conversations[created.id]).toBeDefined();
    expect(a.state.getState().conversations[created.id]).toBeUndefined();
    expect(Object.keys(a.state.getState().conversations)).toHaveLength(countA);
    stopA();
    stopB();
  });
});

describe('assignees', () => {
  it('come from adapter.listAssignees with the current user first', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 5 });
    const all = await memory.listAssignees();
    const me = all.filter((x) => x.type === 'user')[3]!;
    const store = createInboxStore({ adapter: memory, currentUser: { id: me.id, name: 'Me' } });
    await store.loadAssignees();
    const { items, status } = store.state.getState().assignees;
    expect(status).toBe('success');
    expect(items[0]).toMatchObject({ type: 'user', id: me.id });
    expect(items).toHaveLength(all.length);
    expect(items.filter((x) => x.id === me.id)).toHaveLength(1);
    expect(new Set(items.map((x) => `${x.type}:${x.id}`))).toEqual(new Set(all.map((x) => `${x.type}:${x.id}`)));
    // Users before teams.
    const firstTeam = items.findIndex((x) => x.type === 'team');
    expect(firstTeam).toBeGreaterThan(0);
    expect(items.slice(firstTeam).every((x) => x.type === 'team')).toBe(true);
  });

  it('put a current user the backend does not list first anyway', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 5 });
    const store = createInboxStore({ adapter: memory, currentUser: { id: 'user_host_only', name: 'Host' } });
    await store.loadAssignees();
    expect(store.state.getState().assignees.items[0]).toMatchObject({ type: 'user', id: 'user_host_only', name: 'Host' });
  });

  it('come from the directory for the HTTP adapters, without teams where the backend has none', async () => {
    // WhatsApp capabilities (no teams) and no listAssignees, as the HTTP adapters have it.
    const memory = createMemoryAdapter({ seed: 1, size: 5, profile: 'whatsapp' });
    const { listAssignees: _listAssignees, ...adapter } = memory;
    const store = createInboxStore({
      adapter,
      currentUser: { id: 'user_me', name: 'Me' },
      directory: {
        users: [
          { id: 'user_ann', name: 'Ann' },
          { id: 'user_me', name: 'Me', email: 'me@example.com' },
        ],
        teams: [{ id: 'team_billing', name: 'Billing' }],
      },
    });
    await store.loadAssignees();
    expect(store.state.getState().assignees).toMatchObject({ status: 'success', error: null });
    expect(store.state.getState().assignees.items).toEqual([
      { type: 'user', id: 'user_me', name: 'Me', email: 'me@example.com' },
      { type: 'user', id: 'user_ann', name: 'Ann' },
    ]);
  });

  it('include the directory teams where the backend has teams', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 5, profile: 'waply' });
    const { listAssignees: _listAssignees, ...adapter } = memory;
    const store = createInboxStore({
      adapter,
      directory: { users: [{ id: 'user_ann', name: 'Ann' }], teams: [{ id: 'team_billing', name: 'Billing' }] },
    });
    await store.loadAssignees();
    expect(store.state.getState().assignees.items).toEqual([
      { type: 'user', id: 'user_ann', name: 'Ann' },
      { type: 'team', id: 'team_billing', name: 'Billing' },
    ]);
  });

  it('omit teams from a memory backend with the whatsapp profile', async () => {
    const memory = createMemoryAdapter({ seed: 1, size: 5, profile: 'whatsapp' });
    const store = createInboxStore({ adapter: memory });
    await store.loadAssignees();
    const items = store.state.getState().assignees.items;
    expect(items.length).toBeGreaterThan(0);
    expect(items.some((x) => x.type === 'team')).toBe(false);
  });
});
