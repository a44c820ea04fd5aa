import { toInboxError } from '../core/errors.js';
import type { Assignee } from '../core/types.js';
import type { StoreCore } from './core.js';

/** Who can be assigned: from the adapter where it lists them, plus the host's directory. */
export function createAssignees(core: StoreCore) {
  const { adapter, capabilities } = core;
  let running: Promise<void> | null = null;

  function directoryAssignees(): Assignee[] {
    const directory = core.settings.directory ?? {};
    return [...(directory.users ?? []).map((u) => ({ ...u, type: 'user' as const })), ...(directory.teams ?? []).map((t) => ({ ...t, type: 'team' as const }))];
  }

  function order(found: readonly Assignee[]): Assignee[] {
    const me = core.get().currentUser;
    const users = found.filter((a) => a.type === 'user' && a.id !== me?.id);
    const mine = me ? [found.find((a) => a.type === 'user' && a.id === me.id) ?? me] : [];
    const teams = capabilities.teams ? found.filter((a) => a.type === 'team') : [];
    return [...mine, ...users, ...teams];
  }

  function loadAssignees(): Promise<void> {
    if (running) return running;
    if (!adapter.listAssignees) {
      core.set({ assignees: { status: 'success', items: order(directoryAssignees()), error: null } });
      return Promise.resolve();
    }
    const listAssignees = adapter.listAssignees.bind(adapter);
    core.set((s) => ({ assignees: { ...s.assignees, status: s.assignees.status === 'success' ? 'success' : 'loading', error: null } }));
    const request = core.open();
    running = (async () => {
      try {
        const found = await listAssignees({ signal: request.signal });
        // The host's directory adds people the backend does not list.
        const known = new Set(found.map((a) => `${a.type}:${a.id}`));
        const extra = directoryAssignees().filter((a) => !known.has(`${a.type}:${a.id}`));
        core.set({ assignees: { status: 'success', items: order([...found, ...extra]), error: null } });
      } catch (caught) {
        const error = toInboxError(caught);
        core.set((s) => ({ assignees: { ...s.assignees, status: s.assignees.items.length ? 'success' : 'error', error } }));
        core.emit({ type: 'query.failed', query: 'assignees', key: 'assignees', error });
      } finally {
        request.close();
        running = null;
      }
    })();
    return running;
  }

  /** Fills a bare `{ type, id }` with the name and email we know, for the optimistic row. */
  function describe(assignee: Pick<Assignee, 'type' | 'id'> & Partial<Assignee>): Assignee {
    const known = [...core.get().assignees.items, ...directoryAssignees()].find((a) => a.type === assignee.type && a.id === assignee.id);
    return { ...known, ...assignee } as Assignee;
  }

  return { loadAssignees, describe };
}

export type Assignees = ReturnType<typeof createAssignees>;
