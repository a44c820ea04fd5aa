import { describe, expect, it } from 'vitest';
import { findChromium, installPlan, missingMessage, osFamily, playwrightCacheDir } from '../../scripts/ensure-chromium.mjs';

/** A filesystem holding exactly these executables (and the folders above them). */
function fakeFs(executables: string[]) {
  return {
    isExecutable: (path: string) => executables.includes(path),
    list: (dir: string) => [...new Set(executables.filter((p) => p.startsWith(`${dir}/`)).map((p) => p.slice(dir.length + 1).split('/')[0]!))],
  };
}

const linux = { platform: 'linux', home: '/home/ada' };
const DEBIAN = 'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nID=debian\nVERSION_ID="12"\n';
const UBUNTU = 'NAME="Ubuntu"\nID=ubuntu\nID_LIKE=debian\n';
const RASPBIAN = 'ID=raspbian\nID_LIKE=debian\n';

describe('findChromium', () => {
  it('takes CHROMIUM_PATH first, and only if it is an executable', () => {
    const fs = fakeFs(['/opt/chrome/chrome', '/usr/bin/chromium']);
    expect(findChromium({ ...linux, env: { CHROMIUM_PATH: '/opt/chrome/chrome' }, fs })).toEqual({ path: '/opt/chrome/chrome', source: 'CHROMIUM_PATH' });
    // A wrong CHROMIUM_PATH is reported, not silently replaced by another browser.
    expect(findChromium({ ...linux, env: { CHROMIUM_PATH: '/nope' }, fs })).toBeNull();
  });

  it("prefers Playwright's newest full Chromium over a headless shell and the system's", () => {
    const cache = '/home/ada/.cache/ms-playwright';
    const fs = fakeFs([
      `${cache}/chromium-1100/chrome-linux/chrome`,
      `${cache}/chromium-1187/chrome-linux64/chrome`,
      `${cache}/chromium_headless_shell-1190/chrome-headless-shell-linux64/chrome-headless-shell`,
      '/usr/bin/chromium',
    ]);
    expect(findChromium({ ...linux, env: {}, fs })).toEqual({ path: `${cache}/chromium-1187/chrome-linux64/chrome`, source: 'playwright' });
  });

  it('uses a headless shell when it is all the cache has', () => {
    const shell = '/home/ada/.cache/ms-playwright/chromium_headless_shell-1190/chrome-headless-shell-linux64/chrome-headless-shell';
    expect(findChromium({ ...linux, env: {}, fs: fakeFs([shell, '/usr/bin/google-chrome']) })?.path).toBe(shell);
  });

  it('honours PLAYWRIGHT_BROWSERS_PATH and XDG_CACHE_HOME', () => {
    const custom = '/srv/browsers/chromium-1200/chrome-linux64/chrome';
    expect(findChromium({ ...linux, env: { PLAYWRIGHT_BROWSERS_PATH: '/srv/browsers' }, fs: fakeFs([custom]) })?.path).toBe(custom);
    expect(playwrightCacheDir({ ...linux, env: { XDG_CACHE_HOME: '/xdg' } })).toBe('/xdg/ms-playwright');
    expect(playwrightCacheDir({ platform: 'darwin', home: '/Users/ada', env: {} })).toBe('/Users/ada/Library/Caches/ms-playwright');
  });

  it('falls back to the usual system paths, in order', () => {
    expect(findChromium({ ...linux, env: {}, fs: fakeFs(['/usr/bin/google-chrome', '/usr/bin/chromium-browser']) })).toEqual({ path: '/usr/bin/chromium-browser', source: 'system' });
    expect(findChromium({ ...linux, env: {}, fs: fakeFs(['/usr/bin/chromium']) })?.path).toBe('/usr/bin/chromium');
    expect(findChromium({ platform: 'darwin', home: '/Users/ada', env: {}, fs: fakeFs(['/Applications/Google Chrome.app/Contents/MacOS/Google Chrome']) })?.source).toBe('system');
  });

  it('finds nothing on a machine without a browser', () => {
    expect(findChromium({ ...linux, env: {}, fs: fakeFs(['/usr/bin/firefox']) })).toBeNull();
  });
});

describe('installPlan', () => {
  const commands = (plan: { command: string; args: string[] }[]) => plan.map((step) => [step.command, ...step.args].join(' '));

  it("uses Debian's package as root on Debian and its derivatives, then Playwright's download", () => {
    for (const osRelease of [DEBIAN, RASPBIAN]) {
      const plan = commands(installPlan({ platform: 'linux', isRoot: true, hasAptGet: true, osRelease }));
      expect(plan).toHaveLength(2);
      expect(plan[0]).toContain('apt-get install -y -qq chromium');
      expect(plan[1]).toBe('npx --no-install playwright install chromium');
    }
  });

  it("downloads only, where apt-get cannot install a real Chromium or may not run", () => {
    const downloadOnly = ['npx --no-install playwright install chromium'];
    expect(commands(installPlan({ platform: 'linux', isRoot: true, hasAptGet: true, osRelease: UBUNTU }))).toEqual(downloadOnly);
    expect(commands(installPlan({ platform: 'linux', isRoot: false, hasAptGet: true, osRelease: DEBIAN }))).toEqual(downloadOnly);
    expect(commands(installPlan({ platform: 'linux', isRoot: true, hasAptGet: false, osRelease: DEBIAN }))).toEqual(downloadOnly);
    expect(commands(installPlan({ platform: 'darwin', isRoot: false }))).toEqual(downloadOnly);
  });

  it('reads ID and ID_LIKE from os-release', () => {
    expect(osFamily(UBUNTU)).toEqual(['ubuntu', 'debian']);
    expect(osFamily('ID="rhel"\nID_LIKE="fedora centos"\n')).toEqual(['rhel', 'fedora', 'centos']);
    expect(osFamily('')).toEqual([]);
  });
});

describe('missingMessage', () => {
  it('is one sentence saying what to run', () => {
    const message = missingMessage({ env: {}, platform: 'linux' });
    expect(message).toContain('npx playwright install chromium');
    expect(message).toContain('CHROMIUM_PATH');
    expect(message.match(/[.!?](\s|$)/g)).toHaveLength(1);
  });

  it('names a wrong CHROMIUM_PATH', () => {
    expect(missingMessage({ env: { CHROMIUM_PATH: '/nope' }, platform: 'linux' })).toContain('/nope');
  });
});
