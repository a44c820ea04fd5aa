/** The package version, injected at build time (see vite.config.ts). */
declare const __INBOXKIT_VERSION__: string;
