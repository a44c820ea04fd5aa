// Renders stories in headless Chromium and saves screenshots, to look at what
// we build as a user would. Usage: node scripts/screenshots.mjs [storybook-static dir] [out dir] [story-id:width:theme:dir[:action] ...]
// Actions: open (the first row), menu (its assign menu), forced (Windows' forced colors, emulated; with the theme's color scheme).
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, resolve } from 'node:path';
import { chromium } from 'playwright';

const root = resolve(process.argv[2] ?? 'storybook-static');
const out = resolve(process.argv[3] ?? 'screenshots');
const shots = process.argv.slice(4);
const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.json': 'application/json', '.svg': 'image/svg+xml', '.woff2': 'font/woff2' };

const server = createServer(async (req, res) => {
  const path = decodeURIComponent(new URL(req.url, 'http://x').pathname);
  try {
    const file = join(root, path.endsWith('/') ? `${path}index.html` : path);
    const body = await readFile(file);
    res.writeHead(200, { 'Content-Type': types[extname(file)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404);
    res.end();
  }
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const { port } = server.address();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});
const { mkdir } = await import('node:fs/promises');
await mkdir(out, { recursive: true });
for (const shot of shots) {
  const [id, width = '1280', theme = 'light', dir = 'ltr', action = ''] = shot.split(':');
  const page = await browser.newPage({ viewport: { width: Number(width), height: 800 } });
  if (action === 'forced') await page.emulateMedia({ forcedColors: 'active', colorScheme: theme === 'dark' ? 'dark' : 'light' });
  const url = `http://127.0.0.1:${port}/iframe.html?id=${id}&viewMode=story&globals=theme:${theme};dir:${dir}&args=theme:${theme};dir:${dir}`;
  await page.goto(url);
  await page.waitForSelector('.ik-theme', { timeout: 15000 });
  await page.waitForTimeout(1200);
  if (action === 'open') {
    await page.locator('[role=option]').first().click();
    await page.waitForTimeout(800);
  }
  if (action === 'menu') {
    await page.locator('[role=option]').first().click();
    await page.waitForTimeout(500);
    await page.getByRole('button', { name: /^Assign/ }).click();
    await page.waitForTimeout(500);
  }
  const file = join(out, `${id}-${width}-${theme}-${dir}${action ? `-${action}` : ''}.png`);
  await page.screenshot({ path: file });
  console.log(file);
  await page.close();
}
await browser.close();
server.close();
