import '@testing-library/jest-dom/vitest';
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import {
  InboxProvider,
  createMemoryAdapter,
  createMemoryStorage,
  createMockHandler,
  createWaplyAdapter,
  createWhatsAppAdapter,
  useAssignees,
  useCapabilities,
} from 'inboxkit';
import type { AssigneeDirectory, ConversationsAdapter } from 'inboxkit';

afterEach(cleanup);

function AssigneeList() {
  const { assignees, status, currentUser } = useAssignees();
  if (status !== 'success') return <p>Loading people…</p>;
  return (
    <div>
      <p>Me: {currentUser?.name ?? 'nobody'}</p>
      <ul aria-label="Assignees">
        {assignees.map((a) => (
          <li key={`${a.type}:${a.id}`}>
            {a.type}:{a.id}
          </li>
        ))}
      </ul>
    </div>
  );
}

const entries = () => within(screen.getByRole('list', { name: 'Assignees' })).getAllByRole('listitem').map((li) => li.textContent);

const directory: AssigneeDirectory = {
  users: [
    { id: 'user_ana', name: 'Ana' },
    { id: 'user_me', name: 'Me' },
  ],
  teams: [{ id: 'team_billing', name: 'Billing' }],
};

function renderAssignees(adapter: ConversationsAdapter, dir?: AssigneeDirectory) {
  render(
    <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()} currentUser={{ id: 'user_me', name: 'Me' }} directory={dir}>
      <AssigneeList />
    </InboxProvider>,
  );
}

describe('useAssignees', () => {
  it('lists the memory backend’s users and teams, with the current user first', async () => {
    const backend = createMemoryAdapter({ size: 1 });
    const known = await backend.listAssignees();
    renderAssignees(backend);
    expect(screen.getByText('Loading people…')).toBeInTheDocument();
    expect(await screen.findByText('Me: Me')).toBeInTheDocument();
    const users = known.filter((a) => a.type === 'user').map((a) => `user:${a.id}`);
    const teams = known.filter((a) => a.type === 'team').map((a) => `team:${a.id}`);
    expect(teams.length).toBeGreaterThan(0);
    expect(entries()).toEqual(['user:user_me', ...users, ...teams]);
  });

  it('uses the directory for WhatsApp, current user first and no teams (WhatsApp has none)', async () => {
    const backend = createMemoryAdapter({ size: 1, profile: 'whatsapp' });
    const adapter = createWhatsAppAdapter({
      baseUrl: 'http://mock.test',
      headers: { Authorization: 'Bearer inboxkit-mock-token' },
      fetch: createMockHandler({ flavour: 'whatsapp', backend }),
    });
    renderAssignees(adapter, directory);
    expect(await screen.findByText('Me: Me')).toBeInTheDocument();
    expect(entries()).toEqual(['user:user_me', 'user:user_ana']);
  });

  it('uses the directory for Waply, teams included', async () => {
    const backend = createMemoryAdapter({ size: 1, profile: 'waply' });
    const adapter = createWaplyAdapter({ apiKey: 'inboxkit-mock-token', fetch: createMockHandler({ flavour: 'waply', backend }) });
    renderAssignees(adapter, directory);
    expect(await screen.findByText('Me: Me')).toBeInTheDocument();
    expect(entries()).toEqual(['user:user_me', 'user:user_ana', 'team:team_billing']);
  });
});

function CapabilityList() {
  const capabilities = useCapabilities();
  return (
    <dl>
      <dt>notes</dt>
      <dd data-testid="notes">{String(capabilities.notes)}</dd>
      <dt>teams</dt>
      <dd data-testid="teams">{String(capabilities.teams)}</dd>
      <dt>statuses</dt>
      <dd data-testid="statuses">{capabilities.statuses.join(',')}</dd>
    </dl>
  );
}

describe('useCapabilities', () => {
  it('reports what each backend can do', () => {
    const whatsapp = createWhatsAppAdapter({ baseUrl: 'http://mock.test', headers: {} });
    const waply = createWaplyAdapter({ apiKey: 'k' });
    const cases = [
      { adapter: createMemoryAdapter({ size: 1 }), notes: 'true', teams: 'true', statuses: 'open,ai_handling,escalated,resolved' },
      { adapter: whatsapp, notes: 'false', teams: 'false', statuses: 'open,ai_handling,escalated,resolved' },
      { adapter: waply, notes: 'true', teams: 'true', statuses: 'open,resolved' },
    ];
    for (const { adapter, notes, teams, statuses } of cases) {
      render(
        <InboxProvider adapter={adapter} pollIntervalMs={0} storage={createMemoryStorage()}>
          <CapabilityList />
        </InboxProvider>,
      );
      expect(screen.getByTestId('notes')).toHaveTextContent(notes);
      expect(screen.getByTestId('teams')).toHaveTextContent(teams);
      expect(screen.getByTestId('statuses')).toHaveTextContent(statuses);
      cleanup();
    }
  });
});
