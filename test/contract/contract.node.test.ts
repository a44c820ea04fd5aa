import { createMemoryAdapter, createWaplyAdapter, createWhatsAppAdapter } from 'inboxkit';
import { startMockServer } from 'inboxkit/mock-server';
import { describeAdapterContract } from './suite.js';

const SIZE = 120;

describeAdapterContract('memory adapter', async () => {
  const adapter = createMemoryAdapter({ seed: 11, size: SIZE });
  return { adapter, assignees: await adapter.listAssignees() };
});

describeAdapterContract('WhatsApp adapter over the mock server', async () => {
  const server = await startMockServer({ flavour: 'whatsapp', port: 0, seed: 12, size: SIZE });
  const adapter = createWhatsAppAdapter({ baseUrl: server.baseUrl, headers: { Authorization: `Bearer ${server.token}` }, retry: false });
  return { adapter, assignees: await server.backend.listAssignees!(), close: server.close };
});

describeAdapterContract('Waply adapter over the mock server', async () => {
  const server = await startMockServer({ flavour: 'waply', port: 0, seed: 13, size: SIZE });
  const adapter = createWaplyAdapter({ apiKey: server.token, baseUrl: server.baseUrl, retry: false });
  return { adapter, assignees: await server.backend.listAssignees!(), close: server.close };
});
