#!/usr/bin/env node
// Finds a Chromium for the browser tests, installing one where the platform
// allows, and prints its path (the last line on stdout). Run before the tests
// (`npm test` does, as its pretest step; so does .ci/run); vite.config.ts uses
// findChromium() for CHROMIUM_PATH when it is not set.
//
// Where it looks, in order: CHROMIUM_PATH; Playwright's browser cache
// (PLAYWRIGHT_BROWSERS_PATH or the per-user default); the usual system paths.
// What it installs when none is found: Debian's `chromium` with apt-get (as
// root on Debian and its derivatives other than Ubuntu, whose package is a
// snap shim), otherwise `npx playwright install chromium`, which downloads
// where downloads work. If all of that fails it stops with one sentence saying
// what to run.
import { spawnSync } from 'node:child_process';
import { accessSync, constants, readdirSync, readFileSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/** System browsers, per platform, in the order they are tried. */
export const SYSTEM_PATHS = {
  linux: ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/google-chrome-stable', '/snap/bin/chromium'],
  darwin: ['/Applications/Chromium.app/Contents/MacOS/Chromium', '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome'],
  win32: ['C:\\Program Files\\Google\\Chrome\\Application\\chrome.exe', 'C:\\Program Files (x86)\\Google\\Chrome\\Application\\chrome.exe'],
};

// Inside a `chromium-<revision>` (or `chromium_headless_shell-<revision>`) folder of Playwright's cache.
const CACHE_EXECUTABLES = [
  ['chrome-linux64', 'chrome'],
  ['chrome-linux', 'chrome'],
  ['chrome-linux-arm64', 'chrome'],
  ['chrome-mac-arm64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
  ['chrome-mac-x64', 'Google Chrome for Testing.app', 'Contents', 'MacOS', 'Google Chrome for Testing'],
  ['chrome-mac', 'Chromium.app', 'Contents', 'MacOS', 'Chromium'],
  ['chrome-win64', 'chrome.exe'],
  ['chrome-win', 'chrome.exe'],
  ['chrome-headless-shell-linux64', 'chrome-headless-shell'],
  ['chrome-headless-shell-linux-arm64', 'chrome-headless-shell'],
  ['chrome-headless-shell-mac-arm64', 'chrome-headless-shell'],
  ['chrome-headless-shell-mac-x64', 'chrome-headless-shell'],
  ['chrome-headless-shell-win64', 'chrome-headless-shell.exe'],
];

const realFs = {
  isExecutable(path) {
    try {
      if (!statSync(path).isFile()) return false;
      accessSync(path, constants.X_OK);
      return true;
    } catch {
      return false;
    }
  },
  list(dir) {
    try {
      return readdirSync(dir);
    } catch {
      return [];
    }
  },
};

/** Where Playwright keeps its browsers on this platform. */
export function playwrightCacheDir({ env = process.env, platform = process.platform, home = homedir() } = {}) {
  if (env.PLAYWRIGHT_BROWSERS_PATH && env.PLAYWRIGHT_BROWSERS_PATH !== '0') return env.PLAYWRIGHT_BROWSERS_PATH;
  if (platform === 'darwin') return join(home, 'Library', 'Caches', 'ms-playwright');
  if (platform === 'win32') return join(env.LOCALAPPDATA ?? join(home, 'AppData', 'Local'), 'ms-playwright');
  return join(env.XDG_CACHE_HOME ?? join(home, '.cache'), 'ms-playwright');
}

/**
 * The Chromium to use, as `{ path, source }`, or null when there is none.
 * `fs` is injectable for tests: `isExecutable(path)` and `list(dir)`.
 */
export function findChromium({ env = process.env, platform = process.platform, home = homedir(), fs = realFs } = {}) {
  if (env.CHROMIUM_PATH) return fs.isExecutable(env.CHROMIUM_PATH) ? { path: env.CHROMIUM_PATH, source: 'CHROMIUM_PATH' } : null;
  const cache = playwrightCacheDir({ env, platform, home });
  // Newest revision first; a full Chromium before a headless shell.
  const revision = (name) => Number(name.slice(name.lastIndexOf('-') + 1)) || 0;
  const folders = fs
    .list(cache)
    .filter((name) => /^chromium(_headless_shell)?-\d+$/.test(name))
    .sort((a, b) => Number(a.startsWith('chromium_headless_shell')) - Number(b.startsWith('chromium_headless_shell')) || revision(b) - revision(a));
  for (const folder of folders) {
    for (const parts of CACHE_EXECUTABLES) {
      const path = join(cache, folder, ...parts);
      if (fs.isExecutable(path)) return { path, source: 'playwright' };
    }
  }
  for (const path of SYSTEM_PATHS[platform] ?? []) if (fs.isExecutable(path)) return { path, source: 'system' };
  return null;
}

/** `ID` and `ID_LIKE` of /etc/os-release, as one list of words. */
export function osFamily(osRelease) {
  const value = (key) => (osRelease.match(new RegExp(`^${key}=("?)([^"\\n]*)\\1$`, 'm'))?.[2] ?? '').split(/\s+/);
  return [...value('ID'), ...value('ID_LIKE')].filter(Boolean);
}

/** The install attempts for this machine, in order: `{ command, args, what }`. */
export function installPlan({ platform = process.platform, isRoot = process.getuid?.() === 0, osRelease = '', hasAptGet = false } = {}) {
  const plan = [];
  const family = osFamily(osRelease);
  if (platform === 'linux' && isRoot && hasAptGet && family.includes('debian') && !family.includes('ubuntu')) {
    plan.push({ command: 'sh', args: ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'], what: "Debian's chromium package (apt-get)" });
  }
  plan.push({ command: 'npx', args: ['--no-install', 'playwright', 'install', 'chromium'], what: "Playwright's Chromium (npx playwright install chromium)" });
  return plan;
}

/** The one sentence for a machine where nothing worked. */
export function missingMessage({ env = process.env, platform = process.platform } = {}) {
  if (env.CHROMIUM_PATH) return `CHROMIUM_PATH is ${env.CHROMIUM_PATH}, which is not an executable file: point it at a Chromium or Chrome binary, or unset it.`;
  const system = platform === 'linux' ? 'install one (Debian: `sudo apt-get install chromium`)' : 'install Chrome or Chromium';
  return `No Chromium found for the browser tests: run \`npx playwright install chromium\`, ${system}, or set CHROMIUM_PATH to a Chromium binary.`;
}

function hasCommand(name) {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

function readOsRelease() {
  try {
    return readFileSync('/etc/os-release', 'utf8');
  } catch {
    return '';
  }
}

function main() {
  let found = findChromium();
  if (!found && !process.env.CHROMIUM_PATH) {
    const plan = installPlan({ osRelease: readOsRelease(), hasAptGet: process.platform === 'linux' && hasCommand('apt-get') });
    for (const step of plan) {
      console.error(`ensure-chromium: no Chromium found; installing ${step.what}…`);
      const result = spawnSync(step.command, step.args, { stdio: ['ignore', 'inherit', 'inherit'], shell: process.platform === 'win32' });
      found = findChromium();
      if (found) break;
      console.error(`ensure-chromium: ${step.what} did not give a Chromium (exit ${result.status ?? result.signal ?? result.error?.message}).`);
    }
  }
  if (!found) {
    console.error(missingMessage());
    process.exit(1);
  }
  console.log(found.path);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) main();
