/* global window, performance, getComputedStyle -- page.evaluate callbacks run in the page */
// Loads the built widget (dist/widget: the classic-script loader and its ES
// module chunks) in Debian's Chromium, in plain pages, and checks what a
// host page sees: the inbox renders in its shadow root with no page errors,
// from any path, in a page of any charset, fetching only what it needs.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';
import { startMockServer } from 'inboxkit/mock-server';

const root = resolve('.');
const widgetDir = join(root, 'dist/widget');
// No charset on purpose: a classic script is then decoded in the page's own charset.
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

const mock = await startMockServer({ flavour: 'waply', port: 0 });
const waply = `{ flavour: 'waply', apiKey: 'inboxkit-mock-token', baseUrl: '${mock.url}/v1' }`;
// Neither HTTP API lists agents: the host names them (the widget's `directory` option).
const agents = (await mock.backend.listAssignees()).filter((a) => a.type === 'user').slice(0, 3);
const directory = JSON.stringify({ users: agents.map((a) => ({ id: a.id, name: a.name ?? a.id })) });

// Host pages, served from nested folders; the widget's files from other nested folders.
const pages = {
  // windows-1252, the widget three folders away from the page: its chunks must resolve against the script, not the page.
  '/pages/a/b/legacy.html': `<!doctype html><html><head><meta charset="windows-1252"><title>legacy</title></head><body>
    <div id="inbox" style="height:600px"></div>
    <script src="/static/v2/vendor/inboxkit/inboxkit.iife.js"></script>
    <script>window.inbox = InboxKit.mount(document.getElementById('inbox'), { adapter: ${waply}, theme: 'light', directory: ${directory} });</script>
  </body></html>`,
  // No charset at all, a strict script CSP (no eval, no inline script without the nonce), and a slow runtime chunk:
  // mount, update and unmount all happen before the inbox's code has arrived.
  '/pages/early.html': `<!doctype html><html><head>
    <meta http-equiv="Content-Security-Policy" content="script-src 'self' 'nonce-smoke'">
    <title>early</title></head><body>
    <div id="kept" style="height:500px"></div><div id="dropped" style="height:300px"></div>
    <script src="/slow/inboxkit.iife.js"></script>
    <script nonce="smoke">
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
      window.kept = InboxKit.mount(document.getElementById('kept'), { adapter: ${waply}, theme: 'light' });
      window.kept.update({ theme: 'dark' });
      window.dropped = InboxKit.mount(document.getElementById('dropped'), { adapter: ${waply} });
      window.dropped.unmount();
      window.renderedEarly = !!document.getElementById('kept').shadowRoot.querySelector('.ik-inbox');
    </script>
  </body></html>`,
  // The strictest CSP a page is likely to have: scripts and styles from 'self' only, no inline style at
  // all (the page's own styles are a file too). The widget must render styled, in German, with no violation.
  '/pages/strict.html': `<!doctype html><html><head><meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'nonce-strict'; style-src 'self'; connect-src 'self' ${mock.url}">
    <link rel="stylesheet" href="/pages/strict.css">
    <title>strict</title></head><body>
    <div id="inbox"></div>
    <script nonce="strict">
      window.violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.violations.push(e.violatedDirective + ' ' + e.blockedURI));
    </script>
    <script src="/static/v2/vendor/inboxkit/inboxkit.iife.js"></script>
    <script nonce="strict">window.inbox = InboxKit.mount(document.getElementById('inbox'), { adapter: ${waply}, theme: 'light', locale: 'de-DE' });</script>
  </body></html>`,
  '/pages/strict.css': '#inbox { display: block; height: 600px; }',
};

function widgetFile(pathname) {
  for (const prefix of ['/static/v2/vendor/inboxkit/', '/slow/']) if (pathname.startsWith(prefix)) return join(widgetDir, pathname.slice(prefix.length));
  return null;
}

const server = createServer(async (req, res) => {
  try {
    const { pathname } = new URL(req.url, 'http://x');
    if (pages[pathname]) {
      res.writeHead(200, { 'Content-Type': pathname.endsWith('.css') ? 'text/css' : 'text/html' });
      res.end(pages[pathname]);
      return;
    }
    const file = widgetFile(pathname) ?? join(root, decodeURIComponent(pathname));
    if (!file.startsWith(root)) throw new Error('outside');
    const body = await readFile(file);
    // The slow path holds the runtime chunk back, so the page acts before the inbox can render.
    if (pathname.startsWith('/slow/chunks/runtime-')) await sleep(1500);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const origin = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

/** A fresh page that records its errors and every request to our server. */
async function open(path) {
  const page = await browser.newPage();
  const errors = [];
  const consoleErrors = [];
  const requests = [];
  const missing = [];
  page.on('pageerror', (error) => errors.push(error.message));
  page.on('console', (message) => message.type() === 'error' && consoleErrors.push(message.text()));
  page.on('request', (request) => request.url().startsWith(origin) && requests.push(new URL(request.url()).pathname));
  page.on('response', (response) => response.status() >= 400 && missing.push(`${response.status()} ${response.url()}`));
  await page.goto(`${origin}${path}`);
  return { page, errors, consoleErrors, requests, missing };
}

function check(condition, message) {
  if (!condition) throw new Error(message);
}

const scenarios = {
  async 'examples/widget.html (memory backend, the page one folder from dist)'() {
    const { page, errors, requests } = await open('/examples/widget.html');
    await page.locator('#inbox [role="option"]').first().waitFor({ timeout: 15_000 });
    const rows = await page.locator('#inbox [role="option"]').count();
    await page.locator('#inbox [role="option"]').first().click();
    await page.locator('#inbox h2').waitFor({ timeout: 5_000 });
    const sheets = await page.evaluate(() => document.styleSheets.length);
    // What a screen reader is given: Chromium's own accessibility tree (not a JS model of it). Each row's
    // name is one sentence, times in words ("4 minutes ago"), never a unit a reader says as metres ("4m").
    const cdp = await page.context().newCDPSession(page);
    const { nodes } = await cdp.send('Accessibility.getFullAXTree');
    const byId = new Map(nodes.map((n) => [n.nodeId, n]));
    const listbox = nodes.find((n) => n.role?.value === 'listbox' && n.name?.value === 'Conversations');
    check(listbox, 'no listbox named "Conversations" in the accessibility tree');
    const names = [];
    for (const queue = [...(listbox.childIds ?? [])]; queue.length > 0; ) {
      const node = byId.get(queue.shift());
      if (!node) continue;
      if (node.role?.value === 'option') names.push(String(node.name?.value ?? ''));
      else queue.push(...(node.childIds ?? []));
    }
    const shown = await page.locator('#inbox .ik-row-name').first().textContent();
    check(names.length > 0, 'no option in the accessibility tree');
    check(names[0].startsWith(`${shown},`), `the first row's name does not start with its contact: ${JSON.stringify(names[0])}`);
    for (const name of names) {
      // The row's sentence, then its checkbox's own name ("Select <name>"), which the row's contents include.
      check(/[\p{Po}\p{Pe}\p{Pf}] Select .+$/u.test(name), `a row's name is not a sentence then its checkbox: ${JSON.stringify(name)}`);
      check(!/\b\d+[smhdw]\b/.test(name), `a row's name has a unit for a time: ${JSON.stringify(name)}`);
    }
    check(errors.length === 0, `page errors: ${errors.join('; ')}`);
    check(sheets === 1, `the widget changed the page's stylesheets (${sheets})`);
    check(requests.some((p) => p.includes('/chunks/lazy/memory-')), 'the memory backend chunk was never fetched for a memory page');
    await page.close();
    return `${rows} rows, a conversation opened; the first row in the accessibility tree: ${JSON.stringify(names[0])}`;
  },

  async 'a windows-1252 page, the script three folders away, an HTTP backend'() {
    const { page, errors, consoleErrors, requests, missing } = await open('/pages/a/b/legacy.html');
    const option = page.locator('#inbox [role="option"]').first();
    await option.waitFor({ timeout: 15_000 });
    await option.click();
    await page.locator('#inbox .ik-composer-scope').waitFor({ timeout: 5_000 });
    // The UI's own typography, through a page that decodes classic scripts as windows-1252.
    const scope = await page.locator('#inbox .ik-composer-scope').textContent();
    check(scope.includes('\u00b7'), `the middle dot came out as ${JSON.stringify(scope)}`);
    await page.locator('#inbox .ik-inbox').press('?');
    const help = await page.locator('#inbox [role="dialog"]').textContent({ timeout: 5_000 });
    check(help.includes('\u2191 / \u2193'), `the arrows came out as ${JSON.stringify(help.slice(0, 80))}`);
    // Idle prefetch fetches the assign menu; nothing else beyond the first load.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.includes('/lazy/AssignMenuPopup-')), null, { timeout: 10_000 });
    // The built assign menu (Radix, with the modal-only parts left out of the widget): Escape closes it with
    // focus back on its trigger; choosing a person closes it and assigns.
    await page.keyboard.press('Escape');
    await page.locator('#inbox [role="dialog"]').waitFor({ state: 'detached', timeout: 5_000 });
    const trigger = page.locator('#inbox .ik-view-header [data-slot="assign-trigger"]');
    const before = await trigger.textContent();
    await trigger.click();
    const menu = page.locator('#inbox [data-slot="assign-menu"]');
    await menu.waitFor({ timeout: 5_000 });
    await page.keyboard.press('Escape');
    await menu.waitFor({ state: 'detached', timeout: 5_000 });
    check(await trigger.evaluate((el) => el.getRootNode().activeElement === el), 'Escape did not return focus to the assign trigger');
    await trigger.click();
    await menu.waitFor({ timeout: 5_000 });
    await menu.locator('[role="menuitemradio"][aria-checked="false"]').first().click();
    await menu.waitFor({ state: 'detached', timeout: 5_000 });
    await page.waitForFunction(
      (was) => document.getElementById('inbox').shadowRoot.querySelector('.ik-view-header [data-slot="assign-trigger"]')?.textContent !== was,
      before,
      { timeout: 5_000 },
    );
    const widget = requests.filter((p) => p.includes('inboxkit') || p.includes('/chunks/'));
    check(widget.every((p) => p.startsWith('/static/v2/vendor/inboxkit/')), `a chunk was fetched from outside the script's folder: ${widget.join(', ')}`);
    check(!requests.some((p) => p.includes('/lazy/memory-')), 'the memory backend chunk was fetched for an HTTP backend');
    check(!requests.some((p) => p.includes('/lazy/locale-')), 'a UI catalog was fetched for English');
    check(missing.length === 0, `missing files: ${missing.join(', ')}`);
    check(errors.length === 0 && consoleErrors.length === 0, `page errors: ${[...errors, ...consoleErrors].join('; ')}`);
    await page.close();
    return `${widget.length} widget files, all under the script's folder: ${widget.map((p) => p.split('/').pop().replace(/-[\w-]{8}\.js$/, '')).join(', ')}`;
  },

  async 'no charset, a script CSP, mount, update and unmount before the code arrives'() {
    const { page, errors, consoleErrors, missing } = await open('/pages/early.html');
    check((await page.evaluate(() => window.renderedEarly)) === false, 'the inbox rendered before its code could have arrived');
    const inbox = page.locator('#kept .ik-inbox');
    await inbox.waitFor({ timeout: 15_000 });
    check((await inbox.getAttribute('data-theme')) === 'dark', 'an update before the code arrived was lost');
    await page.locator('#kept [role="option"]').first().waitFor({ timeout: 10_000 });
    await sleep(300);
    const dropped = await page.evaluate(() => document.getElementById('dropped').shadowRoot.childNodes.length);
    check(dropped === 0, `an inbox unmounted before the code arrived still rendered (${dropped} nodes)`);
    const violations = await page.evaluate(() => window.violations);
    check(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    check(missing.length === 0, `missing files: ${missing.join(', ')}`);
    check(errors.length === 0 && consoleErrors.length === 0, `page errors: ${[...errors, ...consoleErrors].join('; ')}`);
    await page.close();
    return 'the update was honoured, the unmounted one never rendered, no CSP violation';
  },

  async "a strict CSP (style-src 'self', no inline style): styled, in German, no violation"() {
    const { page, errors, consoleErrors, requests, missing } = await open('/pages/strict.html');
    const option = page.locator('#inbox [role="option"]').first();
    await option.waitFor({ timeout: 15_000 });
    const styled = await page.evaluate(() => {
      const shadow = document.getElementById('inbox').shadowRoot;
      const row = shadow.querySelector('[role="option"]');
      return {
        adopted: shadow.adoptedStyleSheets.length,
        styleElements: shadow.querySelectorAll('style').length,
        rowHeight: row.getBoundingClientRect().height,
        // The inbox lays out as flex (its stylesheet), not as the block a <div> is without it.
        display: getComputedStyle(shadow.querySelector('.ik-inbox')).display,
        background: getComputedStyle(shadow.querySelector('.ik-inbox')).backgroundColor,
      };
    });
    check(styled.adopted === 1 && styled.styleElements === 0, `styles: ${styled.adopted} adopted sheets, ${styled.styleElements} <style> elements`);
    check(styled.display !== 'block' && styled.background !== 'rgba(0, 0, 0, 0)', `the inbox is unstyled: display ${styled.display}, background ${styled.background}`);
    check(styled.rowHeight > 40, `rows are ${styled.rowHeight}px high: unstyled`);
    const views = await page.locator('#inbox [role="tablist"]').textContent();
    check(views.includes('Alle'), `the views are not German: ${JSON.stringify(views)}`);
    check(requests.some((p) => p.includes('/lazy/locale-de-')), 'the German catalog was never fetched');
    const violations = await page.evaluate(() => window.violations);
    check(violations.length === 0, `CSP violations: ${violations.join('; ')}`);
    check(missing.length === 0, `missing files: ${missing.join(', ')}`);
    check(errors.length === 0 && consoleErrors.length === 0, `page errors: ${[...errors, ...consoleErrors].join('; ')}`);
    await page.close();
    return `styled by an adopted sheet (rows ${Math.round(styled.rowHeight)}px, ${styled.display}), German views, no violation`;
  },
};

let failed = false;
try {
  for (const [name, run] of Object.entries(scenarios)) {
    try {
      console.log(`smoke: ${name}: ${await run()}`);
    } catch (error) {
      failed = true;
      console.error(`smoke: ${name}: FAILED: ${error.message}`);
    }
  }
} finally {
  await browser.close();
  server.close();
  await mock.close();
}
process.exit(failed ? 1 : 0);
