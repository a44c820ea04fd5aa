// (b) A Vite app under React StrictMode (development: StrictMode's double
// renders and effect re-runs happen only there), on the packed tarball, in
// Chromium: the inbox on the memory backend and on Waply through Vite's
// proxy to the mock server, with a triage loop of clicks, and not one console
// error or warning.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright';
import { createApp, freePort, install, launchChromium, packageJson, serve } from './helpers';
import type { Served } from './helpers';

const main = `import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Inbox, InboxProvider, createMemoryAdapter, createWaplyAdapter } from 'inboxkit';
import 'inboxkit/styles.css';

const waply = new URLSearchParams(location.search).has('waply');
const adapter = waply
  ? createWaplyAdapter({ apiKey: 'inboxkit-mock-token', baseUrl: '/v1' })
  : createMemoryAdapter({ seed: 3, size: 200 });
const me = { id: 'user_01AVR05JBADNPSBECWHNYFV74W', name: 'Alice Support' };
const directory = { users: [me, { id: 'user_01NW9F9E8AJT1W9SRCSKEZDTNC', name: 'Priya Raghunathan' }], teams: [] };

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <div style={{ height: '100vh' }}>
      <InboxProvider adapter={adapter} currentUser={me} directory={directory}>
        <Inbox />
      </InboxProvider>
    </div>
  </StrictMode>,
);
`;

const viteConfig = `import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/v1': process.env.MOCK_URL } },
});
`;

interface MockServer {
  url: string;
  close(): Promise<void>;
}

let dir: string;
let mock: MockServer;
let dev: Served;
let origin: string;
let browser: Browser;

beforeAll(async () => {
  dir = createApp('vite-app', {
    'package.json': packageJson('vite-app'),
    // An icon of its own, so the browser asks for no /favicon.ico (a 404 the app, not the inbox, would log).
    'index.html': '<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>vite host</title></head><body style="margin:0"><div id="root"></div><script type="module" src="/src/main.tsx"></script></body></html>\n',
    'src/main.tsx': main,
    'vite.config.ts': viteConfig,
  });
  await install(dir, ['react', 'react-dom', 'vite', '@vitejs/plugin-react']);
  const { startMockServer } = (await import(pathToFileURL(join(dir, 'node_modules/inboxkit/dist/lib/mock-server/server.js')).href)) as {
    startMockServer(options: { flavour: 'waply'; port: number; size: number }): Promise<MockServer>;
  };
  mock = await startMockServer({ flavour: 'waply', port: 0, size: 60 });
  const port = await freePort();
  origin = `http://127.0.0.1:${port}`;
  dev = await serve(dir, 'node_modules/vite/bin/vite.js', ['--port', String(port), '--strictPort', '--host', '127.0.0.1'], `${origin}/`, { MOCK_URL: mock.url, NODE_ENV: 'development' });
  browser = await launchChromium();
}, 600_000);

afterAll(async () => {
  await browser?.close();
  await dev?.stop();
  await mock?.close();
});

/** Opens the app, runs the triage loop with clicks, and returns every console error and warning. */
async function triage(page: Page, path: string): Promise<string[]> {
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
  // The first visit makes Vite optimise the dependencies; it may reload the page once meanwhile.
  await page.goto(`${origin}${path}`);
  const rows = page.locator('[role="option"]');
  await rows.first().waitFor({ timeout: 60_000 });
  await rows.nth(1).click();
  await page.locator('.ik-inbox-view-pane h2').waitFor();
  // The assign menu (a lazy chunk) opens and closes.
  await page.locator('[data-slot="assign-trigger"]').click();
  await page.locator('[role="menu"]').waitFor();
  await page.keyboard.press('Escape');
  await page.locator('[role="menu"]').waitFor({ state: 'detached' });
  // j/k from the inbox, a draft typed and kept.
  await page.keyboard.press('j');
  const note = page.locator('textarea');
  if ((await note.count()) > 0) await note.fill('Called back');
  await page.keyboard.press('k');
  await page.waitForLoadState('networkidle');
  return problems;
}

describe('Vite host under StrictMode (dev server)', () => {
  it('renders the inbox on the memory backend with no console error or warning', async () => {
    const page = await browser.newPage();
    expect(await triage(page, '/')).toEqual([]);
    await page.close();
  });

  it('renders the inbox on Waply (mock, through the dev proxy) with no console error or warning', async () => {
    const page = await browser.newPage();
    expect(await triage(page, '/?waply')).toEqual([]);
    await page.close();
  });
});
