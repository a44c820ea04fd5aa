// Host apps for the suite: a folder with files, deps installed from the
// packed tarball and exact versions, commands run as a host developer would.
import { execFile, spawn } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright';
import type { Browser } from 'playwright';
import { inject } from 'vitest';
import { findChromium } from '../../scripts/ensure-chromium.mjs';

const exec = promisify(execFile);

/** Exact versions of what host apps install besides the tarball (checked on Node 20 with npm 11). */
export const HOST_DEPS = {
  react: '19.3.1',
  'react-dom': '19.3.1',
  typescript: '6.0.3',
  '@types/react': '19.3.0',
  '@types/react-dom': '19.3.0',
  '@types/node': '20.19.43',
  vite: '8.3.8',
  '@vitejs/plugin-react': '6.3.0',
  next: '16.4.6',
} as const;

export type HostDep = keyof typeof HOST_DEPS;

/** Creates `name` under the suite's temp folder with these files (path → text). */
export function createApp(name: string, files: Record<string, string>): string {
  const dir = join(inject('hostsDir'), name);
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, path)), { recursive: true });
    writeFileSync(join(dir, path), text);
  }
  return dir;
}

/** Runs a command in the app; rejects with its output when it fails. */
export async function run(dir: string, command: string, args: string[], env: Record<string, string> = {}): Promise<string> {
  try {
    const { stdout, stderr } = await exec(command, args, { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env }, maxBuffer: 64 * 1024 * 1024 });
    return stdout + stderr;
  } catch (error) {
    const e = error as { stdout?: string; stderr?: string; message: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${dir}:\n${e.stdout ?? ""}\n${e.stderr ?? e.message}`, { cause: error });
  }
}

/**
 * Installs the packed inboxkit and the named host deps at their pinned versions.
 * `withoutPeers` leaves React out, as a server-only host may.
 */
export async function install(dir: string, deps: HostDep[], { withoutPeers = false } = {}): Promise<void> {
  const specs = [inject('tarball'), ...deps.map((name) => `${name}@${HOST_DEPS[name]}`)];
  const flags = ['--no-audit', '--no-fund', '--prefer-offline', '--ignore-scripts', '--save-exact', '--loglevel=error'];
  if (withoutPeers) flags.push('--legacy-peer-deps');
  await run(dir, 'npm', ['install', ...flags, ...specs]);
}

/** Writes a minimal package.json for an ESM app. */
export function packageJson(name: string, extra: Record<string, unknown> = {}): string {
  return `${JSON.stringify({ name, private: true, version: '0.0.0', type: 'module', ...extra }, null, 2)}\n`;
}

/** A free port on 127.0.0.1, for a server that cannot report the one it picked. */
export async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** A long-running command of the app (a dev or production server). */
export interface Served {
  /** Everything it printed so far. */
  output(): string;
  stop(): Promise<void>;
}

/** Starts `node <script> ...args` in the app and resolves once `url` answers (any status), or rejects with its output. */
export async function serve(dir: string, script: string, args: string[], url: string, env: Record<string, string> = {}): Promise<Served> {
  // Its own process group, so stop() ends whatever it started too, and nothing else.
  const child = spawn(process.execPath, [script, ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', ...env }, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      try {
        process.kill(-child.pid!, 'SIGTERM');
      } catch {
        // already gone
      }
      await exited;
    }
  };
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${script} ${args.join(' ')} exited (${child.exitCode}) in ${dir}:\n${output}`);
    try {
      await fetch(url, { signal: AbortSignal.timeout(5_000) });
      return { output: () => output, stop };
    } catch {
      if (Date.now() > deadline) {
        await stop();
        throw new Error(`${url} never answered:\n${output}`);
      }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}

/** Headless Chromium, the same one and flags as the browser test projects. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? findChromium()?.path ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}
