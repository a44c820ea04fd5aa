import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// Everything a host installs itself stays out of our bundles.
// Debian's Chromium (nothing here can download a browser), with the flags that keep it off the network.
// A function: Vitest names each project's instances in place, so projects must not share them.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
});

const external = [/^react($|\/)/, /^@tanstack\//, /^react-dom($|\/)/, /^zustand($|\/)/, /^@radix-ui\//, /^date-fns($|\/)/, /^node:/];

const version = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version as string;

// `vite build --mode widget`: the script-tag bundle, React and everything included.
const widget = defineConfig({
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), __INBOXKIT_VERSION__: JSON.stringify(version) },
  build: {
    target: 'es2020',
    outDir: 'dist/widget',
    emptyOutDir: true,
    sourcemap: false,
    lib: { entry: src('widget/iife.ts'), formats: ['iife'], name: 'InboxKit', fileName: () => 'inboxkit.iife.js' },
  },
});

const library = defineConfig({
  define: { __INBOXKIT_VERSION__: JSON.stringify(version) },
  resolve: {
    // Tests import the package by its public names, straight from source.
    alias: [
      { find: /^inboxkit$/, replacement: src('index.ts') },
      { find: /^inboxkit\/mock-server$/, replacement: src('mock-server/server.ts') },
      { find: /^inboxkit\/widget$/, replacement: src('widget/index.ts') },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      // The library entry imports the stylesheet so it is emitted as dist/styles.css; components never import CSS.
      entry: { index: src('styles-entry.ts'), widget: src('widget/index.ts'), 'mock-server': src('mock-server/server.ts') },
      cssFileName: 'styles',
      formats: ['es'],
    },
    rolldownOptions: { external },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.node.test.{ts,tsx}'],
        },
      },
      {
        extends: true,
        test: {
          // Real sockets and child processes: run in plain Node, not jsdom.
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.{ts,tsx}'],
        },
      },
      {
        // Tests that need a real browser (the widget's shadow root, real layout).
        extends: true,
        test: { name: 'browser', include: ['test/**/*.browser.test.{ts,tsx}'], browser: browser() },
      },
      {
        // Every story as a test in real Chromium: renders, runs its play function, checks axe.
        extends: true,
        plugins: [storybookTest({ configDir: fileURLToPath(new URL('./.storybook', import.meta.url)) })],
        test: { name: 'storybook', browser: browser() },
      },
    ],
  },
});

export default defineConfig((env) => (env.mode === 'widget' ? widget : library));
