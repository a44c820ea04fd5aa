import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// Everything a host installs itself stays out of our bundles.
const external = [/^react($|\/)/, /^react-dom($|\/)/, /^zustand($|\/)/, /^@radix-ui\//, /^date-fns($|\/)/, /^node:/];

export default defineConfig({
  resolve: {
    // Tests import the package by its public names, straight from source.
    alias: [
      { find: /^inboxkit$/, replacement: src('index.ts') },
      { find: /^inboxkit\/mock-server$/, replacement: src('mock/server.ts') },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      entry: { index: src('index.ts'), 'mock-server': src('mock/server.ts') },
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
          exclude: ['test/**/*.browser.test.tsx', 'test/**/*.node.test.ts'],
        },
      },
      {
        extends: true,
        test: {
          // Real sockets and child processes: run in plain Node, not jsdom.
          name: 'node',
          environment: 'node',
          include: ['test/**/*.node.test.ts'],
        },
      },
    ],
  },
});
