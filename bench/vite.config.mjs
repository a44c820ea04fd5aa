/* global URL */
// Production builds of the benchmark pages (bench/pages/*.html → bench/results/pages).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));
const version = JSON.parse(readFileSync(here('../package.json'), 'utf8')).version;
export const CONTENDER_PAGES = ['bare', 'tanstack', 'inboxkit-host', 'inboxkit-mapped', 'inboxkit-hook', 'chatscope'];

export default defineConfig({
  root: here('./pages'),
  base: './',
  mode: 'production',
  logLevel: 'warn',
  plugins: [react()],
  define: { 'process.env.NODE_ENV': JSON.stringify('production'), __INBOXKIT_VERSION__: JSON.stringify(version) },
  build: {
    outDir: here('./results/pages'),
    emptyOutDir: true,
    target: 'es2022',
    minify: true,
    sourcemap: false,
    reportCompressedSize: false,
    rolldownOptions: { input: Object.fromEntries(CONTENDER_PAGES.map((name) => [name, here(`./pages/${name}.html`)])) },
  },
});
