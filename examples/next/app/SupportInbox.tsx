'use client';
// The inbox itself, a client component. The browser's adapter talks to our own route handler
// (app/api/waply), which adds the key: the browser never has it.
import { useState } from 'react';
import { Inbox, InboxProvider, createWaplyAdapter } from 'inboxkit';
import type { AssigneeDirectory, CurrentUser, DehydratedInbox } from 'inboxkit';

// Your signed-in agent and the people to offer in the assign menu (the Waply API cannot list them).
// These are the mock server's demo organisation.
const me: CurrentUser = { id: 'user_01AVR05JBADNPSBECWHNYFV74W', name: 'Alice Support', email: 'alice@example.com' };
const directory: AssigneeDirectory = {
  users: [
    { id: 'user_01AVR05JBADNPSBECWHNYFV74W', name: 'Alice Support', email: 'alice@example.com' },
    { id: 'user_01NW9F9E8AJT1W9SRCSKEZDTNC', name: 'Priya Raghunathan', email: 'priya.r@example.com' },
  ],
  teams: [{ id: 'team_01ZN0PNW93D7VTEVQZYWA35CQC', name: 'Billing' }],
};

export function SupportInbox({ initialState }: { initialState: DehydratedInbox | null }) {
  // Made once per mount (not per render); the placeholder key is replaced by the proxy.
  const [adapter] = useState(() => createWaplyAdapter({ apiKey: 'unused-behind-proxy', baseUrl: '/api/waply' }));
  return (
    <InboxProvider adapter={adapter} initialState={initialState} currentUser={me} directory={directory}>
      <Inbox />
    </InboxProvider>
  );
}
