// (a) examples/next, a Next.js App Router app, as a host developer runs it:
// its own package.json installs the packed tarball, `next build`, then
// `next start` against the mock Waply server. The page is a server component
// that fetches page 1 with an adapter from `inboxkit` (the react-server
// condition) and hands `store.dehydrate()` to a client inbox; the browser's
// adapter talks to a same-origin route handler that adds the key.
import { copyFileSync, cpSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import type { Browser } from 'playwright';
import { HOST_DEPS, freePort, launchChromium, run, serve } from './helpers';
import type { HostDep, Served } from './helpers';

const example = fileURLToPath(new URL('../../examples/next', import.meta.url));
const KEY = 'inboxkit-mock-token';
// What the repository's own checkout leaves in the example (installs, builds): never copied.
const LOCAL = new Set(['node_modules', '.next', 'next-env.d.ts', 'inboxkit.tgz', 'package-lock.json']);

interface MockServer {
  baseUrl: string;
  close(): Promise<void>;
}

let dir: string;
let buildOutput: string;
let mock: MockServer;
let app: Served;
let origin: string;
let browser: Browser | undefined;

beforeAll(async () => {
  dir = join(inject('hostsDir'), 'next-app');
  cpSync(example, dir, { recursive: true, filter: (path) => !LOCAL.has(basename(path)) });
  copyFileSync(inject('tarball'), join(dir, 'inboxkit.tgz'));
  let started = Date.now();
  // The example's own package.json, as a developer would install it (the npm cache keeps Next for the next run).
  await run(dir, 'npm', ['install', '--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--loglevel=error']);
  const installSeconds = (Date.now() - started) / 1000;
  started = Date.now();
  // NODE_ENV as a developer's shell has it (Vitest sets "test", which makes Next compile JSX for development).
  buildOutput = await run(dir, 'node', ['node_modules/next/dist/bin/next', 'build'], { NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' });
  console.log(`examples/next: npm install ${installSeconds.toFixed(0)} s, next build ${((Date.now() - started) / 1000).toFixed(0)} s`);

  // The mock Waply API from the installed package, as the app's upstream.
  const { startMockServer } = (await import(pathToFileURL(join(dir, 'node_modules/inboxkit/dist/lib/mock-server/server.js')).href)) as {
    startMockServer(options: { flavour: 'waply'; port: number; seed: number; size: number }): Promise<MockServer>;
  };
  mock = await startMockServer({ flavour: 'waply', port: 0, seed: 11, size: 120 });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  app = await serve(dir, 'node_modules/next/dist/bin/next', ['start', '-p', String(port), '-H', '127.0.0.1'], `${origin}/api/waply/health`, {
    NEXT_TELEMETRY_DISABLED: '1',
    NODE_ENV: 'production',
    WAPLY_BASE_URL: mock.baseUrl,
    WAPLY_API_KEY: KEY,
  });
}, 900_000);

afterAll(async () => {
  await browser?.close();
  await app?.stop();
  await mock?.close();
});

describe('Next.js host (examples/next)', () => {
  it('pins the versions the rest of the host suite uses', () => {
    const pkg = JSON.parse(readFileSync(join(example, 'package.json'), 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> };
    const pins = { ...pkg.dependencies, ...pkg.devDependencies };
    expect(pins.inboxkit).toBe('file:inboxkit.tgz');
    for (const [name, version] of Object.entries(pins)) if (name !== 'inboxkit') expect(version, name).toBe(HOST_DEPS[name as HostDep]);
  });

  it('builds: the page is rendered per request, the proxy is a route handler', () => {
    // Next's route table: ƒ marks a server-rendered (dynamic) route.
    expect(buildOutput).toMatch(/ƒ \/\s/);
    expect(buildOutput).toMatch(/ƒ \/api\/waply\/\[\.\.\.path\]/);
  });

  it('serves the rows in the server HTML: no skeleton, no key', async () => {
    const response = await fetch(`${origin}/`);
    const html = await response.text();
    expect(response.status, `next start said:\n${app.output()}`).toBe(200);
    expect(html.match(/role="option"/g)?.length ?? 0).toBeGreaterThanOrEqual(5);
    expect(html).not.toContain('data-slot="skeleton"');
    expect(html).toMatch(/role="tablist"/);
    // The key stays on the server: not in the page, not in its data.
    expect(html).not.toContain(KEY);
  });

  it('proxies only the inbox routes, with the key added on the server', async () => {
    const list = await fetch(`${origin}/api/waply/conversations?limit=2&status=all`);
    expect(list.status).toBe(200);
    const body = (await list.json()) as { data: unknown[]; total: number };
    expect(body.data).toHaveLength(2);
    expect(body.total).toBe(120);
    expect((await fetch(`${origin}/api/waply/contacts`)).status).toBe(404);
    expect((await fetch(`${origin}/api/waply/conversations`, { method: 'POST', body: '{}' })).status).toBe(404);
  });

  it('hydrates in Chromium without asking for page 1 again, and works through the proxy (and with no error, in another time zone)', async () => {
    browser = await launchChromium();
    // A browser far from the server's time zone (UTC+14): the server's "Yesterday" can be today here,
    // which must not break hydration.
    const context = await browser.newContext({ timezoneId: 'Pacific/Kiritimati' });
    const page = await context.newPage();
    const problems: string[] = [];
    const lists: string[] = [];
    const calls: string[] = [];
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
    });
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (!url.pathname.startsWith('/api/waply/')) return;
      calls.push(`${request.method()} ${url.pathname}${url.search}`);
      if ((request.headers().authorization ?? '').includes(KEY)) problems.push(`the browser sent the key: ${url.pathname}`);
      // Page 1 of a list (the views' counts ask for one row, limit=1; scrolling loads page 2 and on).
      const listPage = url.pathname === '/api/waply/conversations' && url.searchParams.get('limit') !== '1';
      if (listPage && (url.searchParams.get('page') ?? '1') === '1') lists.push(url.search);
    });
    await page.goto(`${origin}/`);
    const rows = page.locator('[role="option"]');
    await rows.first().waitFor();
    // Interactive: opening a conversation fetches it through the proxy.
    const detail = page.waitForResponse((r) => /\/api\/waply\/conversations\/[^/?]+$/.test(new URL(r.url()).pathname));
    await rows.first().click();
    expect((await detail).status()).toBe(200);
    await page.locator('.ik-inbox-view-pane h2').waitFor();
    await page.waitForLoadState('networkidle');
    expect(lists, `list requests from the browser: ${calls.join(', ')}`).toEqual([]);
    expect(problems).toEqual([]);
    await context.close();
  });
});
