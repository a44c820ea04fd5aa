// (c) A strict TypeScript host: exactOptionalPropertyTypes, skipLibCheck off
// (so our .d.ts files are checked too), under moduleResolution bundler and
// nodenext. Its wrappers forward their own optional props to ours, which is
// what failed with TS2375 before every optional prop said `| undefined`; it
// imports the stylesheet with no `*.css` declaration of its own.
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, install, packageJson, run } from './helpers';

const compilerOptions = {
  strict: true,
  exactOptionalPropertyTypes: true,
  noUncheckedIndexedAccess: true,
  skipLibCheck: false,
  noEmit: true,
  jsx: 'react-jsx',
  target: 'ES2022',
  lib: ['ES2022', 'DOM', 'DOM.Iterable'],
  types: ['node'],
  verbatimModuleSyntax: true,
};

const wrappers = `import 'inboxkit/styles.css';
import { AssignMenu, ConversationList, Inbox, InboxProvider, NoteComposer, createWaplyAdapter, createWhatsAppAdapter } from 'inboxkit';
import type { ConversationQuery, CurrentUser, InboxMessages } from 'inboxkit';
import { createInboxStore, createMemoryAdapter, InboxError } from 'inboxkit/core';
import { mountInbox } from 'inboxkit/widget';
import { startMockServer } from 'inboxkit/mock-server';

/** The host's own props, all optional, forwarded as they are (possibly undefined). */
export interface HostInboxProps {
  className?: string;
  query?: ConversationQuery;
  value?: string | null;
  onValueChange?: (id: string | null) => void;
  theme?: 'light' | 'dark' | 'auto';
  pollIntervalMs?: number;
  currentUser?: CurrentUser | null;
  messages?: Partial<InboxMessages>;
  baseUrl?: string;
  timeoutMs?: number;
  status?: ConversationQuery['status'];
}

export function HostInbox({ className, query, value, onValueChange, theme, pollIntervalMs, currentUser, messages, baseUrl, timeoutMs, status }: HostInboxProps) {
  const adapter = createWaplyAdapter({ apiKey: 'key', baseUrl, timeoutMs, retry: timeoutMs === undefined ? undefined : { retries: 1 } });
  return (
    <InboxProvider adapter={adapter} pollIntervalMs={pollIntervalMs} currentUser={currentUser} messages={messages}>
      <Inbox className={className} query={query ?? { status, page: undefined }} value={value} onValueChange={onValueChange} theme={theme} />
    </InboxProvider>
  );
}

export function HostList({ query, label, rowHeight }: { query?: ConversationQuery; label?: string; rowHeight?: number }) {
  return <ConversationList query={query} label={label} rowHeight={rowHeight} />;
}

export function HostParts({ id, open }: { id: string; open?: boolean }) {
  return (
    <>
      <AssignMenu conversationId={id} open={open} />
      <NoteComposer conversationId={id} />
    </>
  );
}

export const whatsapp = (headers?: Record<string, string>) => createWhatsAppAdapter({ baseUrl: '/api/whatsapp', headers: headers ?? {} });
export const store = (size?: number) => createInboxStore({ adapter: createMemoryAdapter({ size, seed: undefined }) });
export const error = new InboxError('network', 'offline', { status: undefined });
export const widget = (el?: Element) => mountInbox(el, { adapter: { flavour: 'memory' } });
export const server = () => startMockServer({ flavour: 'waply', port: 0 });
`;

// A control: the same forwarding into a prop typed without \`| undefined\` must fail, or the check proves nothing.
const control = `interface Strict { label?: string }
export function forward({ label }: { label?: string }): Strict {
  return { label };
}
`;

let dir: string;

beforeAll(async () => {
  dir = createApp('typescript-app', {
    'package.json': packageJson('typescript-app'),
    'src/wrappers.tsx': wrappers,
    'control/control.ts': control,
    'tsconfig.bundler.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'ESNext', moduleResolution: 'bundler' }, include: ['src'] }, null, 2),
    'tsconfig.nodenext.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'NodeNext', moduleResolution: 'nodenext' }, include: ['src'] }, null, 2),
    // Our .d.ts files play no part in the control, so it skips lib checks (tsc is slow on a busy machine).
    'tsconfig.control.json': JSON.stringify({ compilerOptions: { ...compilerOptions, module: 'NodeNext', moduleResolution: 'nodenext', skipLibCheck: true, types: [] }, include: ['control'] }, null, 2),
  });
  await install(dir, ['react', 'react-dom', 'typescript', '@types/react', '@types/react-dom', '@types/node']);
}, 300_000);

describe('TypeScript host (exactOptionalPropertyTypes, skipLibCheck off)', () => {
  it('type-checks with moduleResolution bundler', async () => {
    await run(dir, 'npx', ['tsc', '-p', 'tsconfig.bundler.json']);
  });

  it('type-checks with moduleResolution nodenext', async () => {
    await run(dir, 'npx', ['tsc', '-p', 'tsconfig.nodenext.json']);
  });

  it('would fail on an optional prop without | undefined (the control)', async () => {
    await expect(run(dir, 'npx', ['tsc', '-p', 'tsconfig.control.json'])).rejects.toThrow(/TS2375|TS2322/);
  });
});
