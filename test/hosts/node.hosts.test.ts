// (d) Plain Node, from the installed tarball: `import` and `require` of the
// root, `inboxkit/core` and the root's react-server condition in an app
// without React at all, and the shape of the built files ("use client" where
// React is used, never in the core's module graph).
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createApp, install, packageJson, run } from './helpers';

const CLIENT_IMPORT = /^(react|react-dom|zustand|@radix-ui\/[^/]+)(\/.*)?$/;
const imports = (code: string) => [...code.matchAll(/^(?:import|export)\s[^;]*?from\s*"([^"]+)"|^import\s*"([^"]+)"/gm)].map((m) => m[1] ?? m[2]!);
const startsWithUseClient = (code: string) => /^['"]use client['"];/.test(code);

let withReact: string;
let withoutReact: string;

beforeAll(async () => {
  withReact = createApp('node-app', { 'package.json': packageJson('node-app') });
  withoutReact = createApp('node-server-app', { 'package.json': packageJson('node-server-app') });
  await Promise.all([install(withReact, ['react', 'react-dom']), install(withoutReact, [], { withoutPeers: true })]);
}, 300_000);

describe('Node host', () => {
  it('imports and requires the root, with every public name', async () => {
    const script = `
      import * as esm from 'inboxkit';
      import { createRequire } from 'node:module';
      const cjs = createRequire(import.meta.url)('inboxkit');
      const core = await import('inboxkit/core');
      console.log(JSON.stringify({ esm: Object.keys(esm).sort(), cjs: Object.keys(cjs).sort(), core: Object.keys(core).sort() }));`;
    const out = JSON.parse(await run(withReact, 'node', ['--input-type=module', '-e', script])) as Record<'esm' | 'cjs' | 'core', string[]>;
    expect(out.cjs).toEqual(out.esm);
    for (const name of ['Inbox', 'InboxProvider', 'ConversationList', 'useConversations', 'createInboxStore', 'createWaplyAdapter', 'createWhatsAppAdapter', 'createMemoryAdapter', 'createMockHandler', 'InboxError']) {
      expect(out.esm).toContain(name);
    }
    // The root keeps every name of the core.
    expect(out.esm).toEqual(expect.arrayContaining(out.core));
    // A plain .cjs file, as an older host's config or script would be.
    createApp('node-app', { 'require.cjs': "const { createWaplyAdapter, Inbox } = require('inboxkit');\nconsole.log(typeof createWaplyAdapter, typeof Inbox);\n" });
    expect((await run(withReact, 'node', ['require.cjs'])).trim()).toMatch(/^function (function|object)$/);
  });

  it('runs the core without React installed: an adapter over the mock handler, a store', async () => {
    createApp('node-server-app', {
      'core.mjs': `
        import { createInboxStore, createMemoryAdapter, createMockHandler, createWaplyAdapter } from 'inboxkit/core';
        const handler = createMockHandler({ flavour: 'waply', backend: createMemoryAdapter({ seed: 7, size: 30, profile: 'waply' }) });
        const adapter = createWaplyAdapter({ apiKey: 'inboxkit-mock-token', baseUrl: 'http://mock.test/v1', fetch: (input, init) => handler(new Request(input, init)) });
        const page = await adapter.listConversations({ limit: 5 });
        const store = createInboxStore({ adapter, pollIntervalMs: 0 });
        store.destroy();
        console.log(JSON.stringify({ rows: page.conversations.length, total: page.total }));`,
    });
    expect(() => readFileSync(join(withoutReact, 'node_modules/react/package.json'))).toThrow();
    expect(JSON.parse(await run(withoutReact, 'node', ['core.mjs']))).toEqual({ rows: 5, total: 30 });
  });

  it("maps the root to the core under the react-server condition, as a server component's bundler does", async () => {
    const script = "const k = await import('inboxkit'); console.log(JSON.stringify({ adapter: typeof k.createWaplyAdapter, inbox: typeof k.Inbox }));";
    expect(JSON.parse(await run(withoutReact, 'node', ['--conditions=react-server', '--input-type=module', '-e', script]))).toEqual({ adapter: 'function', inbox: 'undefined' });
    // Without the condition the root needs React, which this app does not have.
    await expect(run(withoutReact, 'node', ['--input-type=module', '-e', script])).rejects.toThrow(/react/);
  });

  it('ships "use client" on every module that uses React, and none in the core graph', () => {
    const lib = join(withReact, 'node_modules/inboxkit/dist/lib');
    const files = (readdirSync(lib, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    const code = new Map(files.map((f) => [resolve(lib, f), readFileSync(join(lib, f), 'utf8')]));
    const local = (from: string, spec: string) => resolve(dirname(from), spec);
    // Client: imports React (or a React library) or a client module, and is not an entry barrel.
    const barrels = new Set(['index.js', 'core-entry.js'].map((f) => resolve(lib, f)));
    const client = new Set<string>();
    for (let changed = true; changed; ) {
      changed = false;
      for (const [file, text] of code) {
        if (client.has(file) || barrels.has(file)) continue;
        if (imports(text).some((s) => CLIENT_IMPORT.test(s) && s !== 'zustand/vanilla' || (s.startsWith('.') && client.has(local(file, s))))) {
          client.add(file);
          changed = true;
        }
      }
    }
    expect(client.size).toBeGreaterThan(10);
    const missing = [...client].filter((file) => !startsWithUseClient(code.get(file)!)).map((f) => relative(lib, f));
    expect(missing, 'React modules without "use client"').toEqual([]);

    const graph = new Set<string>();
    const walk = (file: string) => {
      if (graph.has(file)) return;
      graph.add(file);
      for (const spec of imports(code.get(file) ?? '')) if (spec.startsWith('.')) walk(local(file, spec));
    };
    walk(resolve(lib, 'core-entry.js'));
    expect(graph.size).toBeGreaterThan(20);
    const tainted = [...graph].filter((f) => startsWithUseClient(code.get(f)!) || imports(code.get(f)!).some((s) => CLIENT_IMPORT.test(s) && s !== 'zustand/vanilla'));
    expect(tainted.map((f) => relative(lib, f)), 'core modules that are client modules or import React').toEqual([]);
  });

  it('ships production JSX: no jsxDEV call, which a host\'s production React does not have', () => {
    const lib = join(withReact, 'node_modules/inboxkit/dist/lib');
    const files = (readdirSync(lib, { recursive: true }) as string[]).filter((f) => f.endsWith('.js'));
    expect(files.filter((f) => readFileSync(join(lib, f), 'utf8').includes('jsxDEV'))).toEqual([]);
  });

  it('types the stylesheet, and exports it', () => {
    const pkg = JSON.parse(readFileSync(join(withReact, 'node_modules/inboxkit/package.json'), 'utf8')) as { exports: Record<string, Record<string, string>> };
    const styles = pkg.exports['./styles.css']!;
    expect(readFileSync(join(withReact, 'node_modules/inboxkit', styles.types!), 'utf8')).toContain('export {}');
    expect(readFileSync(join(withReact, 'node_modules/inboxkit', styles.default!), 'utf8')).toContain('@layer inboxkit');
  });
});
