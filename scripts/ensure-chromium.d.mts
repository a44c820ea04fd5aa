// Types for ensure-chromium.mjs, which vite.config.ts and its tests import.
export interface ChromiumFs {
  isExecutable(path: string): boolean;
  list(dir: string): string[];
}
export interface FoundChromium {
  path: string;
  source: 'CHROMIUM_PATH' | 'playwright' | 'system';
}
export interface Machine {
  env?: Record<string, string | undefined> | undefined;
  platform?: string | undefined;
  home?: string | undefined;
  fs?: ChromiumFs | undefined;
}
export interface InstallStep {
  command: string;
  args: string[];
  what: string;
}
export const SYSTEM_PATHS: Record<string, string[]>;
export function playwrightCacheDir(machine?: Omit<Machine, 'fs'>): string;
export function findChromium(machine?: Machine): FoundChromium | null;
export function osFamily(osRelease: string): string[];
export function installPlan(machine?: { platform?: string | undefined; isRoot?: boolean | undefined; osRelease?: string | undefined; hasAptGet?: boolean | undefined }): InstallStep[];
export function missingMessage(machine?: { env?: Record<string, string | undefined> | undefined; platform?: string | undefined }): string;
