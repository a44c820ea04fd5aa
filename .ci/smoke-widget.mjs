// Loads examples/widget.html with the built IIFE in Debian's Chromium and
// checks the inbox renders in its shadow root with no page errors: proves the
// shipped bundle (production React, no `process`) works in a plain page.
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';

const root = resolve('.');
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };
const server = createServer(async (req, res) => {
  try {
    const file = join(root, decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!file.startsWith(root)) throw new Error('outside');
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
let failed = false;
try {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto(`http://127.0.0.1:${server.address().port}/examples/widget.html`);
  await page.locator('#inbox [role="option"]').first().waitFor({ timeout: 15_000 });
  const rows = await page.locator('#inbox [role="option"]').count();
  await page.locator('#inbox [role="option"]').first().click();
  await page.locator('#inbox h2').waitFor({ timeout: 5_000 });
  const sheets = await page.evaluate(() => document.styleSheets.length);
  if (errors.length) throw new Error(`page errors: ${errors.join('; ')}`);
  if (sheets !== 1) throw new Error(`the widget changed the page's stylesheets (${sheets})`);
  console.log(`smoke: the built widget rendered ${rows} rows in its shadow root and opened a conversation`);
} catch (error) {
  failed = true;
  console.error(`smoke: widget failed: ${error.message}`);
} finally {
  await browser.close();
  server.close();
}
process.exit(failed ? 1 : 0);
