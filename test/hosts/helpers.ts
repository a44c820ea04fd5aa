// Host apps for the suite: a folder with files, deps installed from the
// packed tarball and exact versions, commands run as a host developer would.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';
import { inject } from 'vitest';

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
