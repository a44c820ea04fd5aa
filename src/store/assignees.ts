import type { Assignee } from '../core/types.js';
import { runOnce } from './core.js';
import type { Inflight, StoreCore } from './core.js';

/** Who can be assigned: from the adapter where it lists them, plus the host's directory. */
export function createAssignees(core: StoreCore) {
  const { adapter, capabilities } = core;
  const reads = new Map<string, Inflight>();

  function directoryAssignees(): Assignee[] {
    const { users = [], teams = [] } = core.settings.directory ?? {};
    return [...users.map((u) => ({ ...u, type: 'user' as const })), ...teams.map((t) => ({ ...t, type: 'team' as const }))];
  }

  /** The current user first (as listed, else as signed in), then users, then teams where the backend has them. */
  function show(found: readonly Assignee[]) {
    const me = core.get().currentUser;
    const isMe = (a: Assignee) => a.type === 'user' && a.id === me?.id;
    const items = [
      ...(me ? [found.find(isMe) ?? me] : []),
      ...found.filter((a) => a.type === 'user' && !isMe(a)),
      ...(capabilities.teams ? found.filter((a) => a.type === 'team') : []),
    ];
    core.set({ assignees: { status: 'success', items, error: null } });
  }

  function loadAssignees(): Promise<void> {
    if (!adapter.listAssignees) {
      show(directoryAssignees());
      return Promise.resolve();
    }
    const listAssignees = adapter.listAssignees.bind(adapter);
    return runOnce(
      core,
      reads,
      'assignees',
      async (signal) => {
        core.set((s) => ({ assignees: { ...s.assignees, status: s.assignees.status === 'success' ? 'success' : 'loading', error: null } }));
        const found = await listAssignees({ signal });
        // The host's directory adds people the backend does not list.
        const known = new Set(found.map((a) => `${a.type}:${a.id}`));
        show([...found, ...directoryAssignees().filter((a) => !known.has(`${a.type}:${a.id}`))]);
      },
      (error) => core.set((s) => ({ assignees: { ...s.assignees, status: s.assignees.items.length ? 'success' : 'error', error } })),
      'assignees',
    );
  }

  /** Fills a bare `{ type, id }` with the name and email we know, for the optimistic row. */
  function describe(assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>): Assignee {
    const known = [...core.get().assignees.items, ...directoryAssignees()].find((a) => a.type === assignee.type && a.id === assignee.id);
    return { ...known, ...assignee } as Assignee;
  }

  return { loadAssignees, describe };
}

export type Assignees = ReturnType<typeof createAssignees>;
