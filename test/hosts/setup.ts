// Global setup of the host-app suite: build (unless INBOXKIT_HOSTS_SKIP_BUILD=1,
// for CI, which has just built), then `npm pack` the package as it would be
// published. Every host app installs that tarball, never a path into src/.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    tarball: string;
    hostsDir: string;
  }
}

export default function setup(project: TestProject) {
  const root = project.config.root;
  // NODE_ENV as a release has it: Vitest sets "test", under which the React plugin emits jsxDEV calls,
  // and a host's production React has no jsxDEV (Next.js: "jsxDEV is not a function").
  if (process.env.INBOXKIT_HOSTS_SKIP_BUILD !== '1') execFileSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit', env: { ...process.env, NODE_ENV: 'production' } });
  const hostsDir = mkdtempSync(join(tmpdir(), 'inboxkit-hosts-'));
  const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', hostsDir], { cwd: root, encoding: 'utf8' })) as { filename: string }[];
  project.provide('tarball', join(hostsDir, packed[0]!.filename));
  project.provide('hostsDir', hostsDir);
  return () => {
    if (process.env.INBOXKIT_HOSTS_KEEP !== '1') rmSync(hostsDir, { recursive: true, force: true });
  };
}
