import { readFileSync } from 'node:fs';
import { readFile, rename, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin';
import { findChromium } from './scripts/ensure-chromium.mjs';

const src = (path: string) => fileURLToPath(new URL(`./src/${path}`, import.meta.url));

// The browser projects run in the Chromium that scripts/ensure-chromium.mjs finds (npm test installs
// one first where none is found): CHROMIUM_PATH, Playwright's cache, or the system's. The flags keep it
// off the network.
const chromiumPath = process.env.CHROMIUM_PATH ?? findChromium()?.path ?? '/usr/bin/chromium';
// A function: Vitest names each project's instances in place, so projects must not share them.
const browser = () => ({
  enabled: true,
  headless: true,
  provider: playwright({
    launchOptions: {
      executablePath: chromiumPath,
      args: ['--no-sandbox', '--headless', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
    },
  }),
  instances: [{ browser: 'chromium' as const }],
});

// Everything a host installs itself stays out of our bundles.
const external = [/^react($|\/)/, /^@tanstack\//, /^react-dom($|\/)/, /^zustand($|\/)/, /^@radix-ui\//, /^date-fns($|\/)/, /^node:/];

// React Server Components need "use client" at the top of every module that uses hooks or context
// (else `createContext is not a function` in a server component or route handler). Decided per
// module from the build's own graph: a module that imports React or a React library, or imports such
// a module, is a client module; barrels that only re-export are not (the core entry must stay
// importable on a server). With preserveModules each module is one file, so the banner is exact.
const clientPackage = /^(react|react-dom|zustand|@radix-ui\/[^/]+)(\/.*)?$/;
const reactFreePackage = /^zustand\/vanilla$/;
const barrels = ['styles-entry.ts', 'index.ts', 'core-entry.ts'].map((file) => src(file));

function libraryOutput(): Plugin {
  const client = new Set<string>();
  return {
    name: 'inboxkit:library-output',
    enforce: 'post',
    apply: 'build',
    buildEnd() {
      const ids = [...this.getModuleIds()];
      const imports = new Map(ids.map((id) => [id, this.getModuleInfo(id)?.importedIds ?? []]));
      const isClient = (id: string) => client.has(id) || (clientPackage.test(id) && !reactFreePackage.test(id));
      for (let changed = true; changed; ) {
        changed = false;
        for (const [id, imported] of imports) {
          if (client.has(id) || barrels.includes(id) || !id.startsWith(src(''))) continue;
          if (imported.some(isClient)) {
            client.add(id);
            changed = true;
          }
        }
      }
    },
    banner(chunk) {
      return chunk.facadeModuleId && client.has(chunk.facadeModuleId) ? "'use client';" : '';
    },
    generateBundle(_options, bundle) {
      // styles-entry.ts exists only to carry the stylesheet into the build; its JS is index.js again.
      for (const name of ['lib/styles-entry.js', 'lib/styles-entry.js.map']) delete bundle[name];
      // `import 'inboxkit/styles.css'` type-checks without a host `*.css` declaration (TS 6 checks side-effect imports).
      this.emitFile({ type: 'asset', fileName: 'styles.css.d.ts', source: '// The stylesheet has no exports: `import "inboxkit/styles.css"` only applies it.\nexport {};\n' });
    },
  };
}

// One entry per UI catalog (`inboxkit/locales/<tag>`), so a host's bundle holds only the one it imports.
const locales = ['en', 'ar', 'de', 'es', 'fr', 'pt', 'ja', 'hi'];

const version = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8')).version as string;

// `vite build --mode widget`: the script-tag widget, React and everything included, in two parts.
// 1. ES module chunks in dist/widget/chunks/: the inbox (runtime-*.js, with React), and chunks only
//    some pages fetch (the assign menu's Radix part, the memory backend, each UI catalog with its dates).
// 2. dist/widget/inboxkit.iife.js: a small classic script, built after the chunks so it knows the
//    runtime chunk's hashed name; it fetches it relative to its own URL.
// Everything is ASCII (non-ASCII escaped), so a page in any charset shows the right text.
const nonAscii = /[^ -~\t\n\r]/g;
const asciiOnly = (): Plugin => ({
  name: 'inboxkit:ascii-only',
  generateBundle(_, bundle) {
    for (const file of Object.values(bundle)) {
      // charset: 'ascii' escapes strings and identifiers; this catches what it leaves (comments, plugin output).
      if (file.type === 'chunk') file.code = file.code.replace(nonAscii, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
      else if (typeof file.source === 'string' && nonAscii.test(file.source)) this.error(`${file.fileName} is not ASCII`);
    }
  },
});
const widgetDefine = { 'process.env.NODE_ENV': JSON.stringify('production'), __INBOXKIT_VERSION__: JSON.stringify(version) };
const widgetLoader = (chunkFiles: () => Record<string, string | string[]>): Plugin => ({
  name: 'inboxkit:widget-loader',
  apply: 'build',
  async closeBundle() {
    await build({
      configFile: false,
      logLevel: 'warn',
      define: { ...widgetDefine, __INBOXKIT_CHUNKS__: JSON.stringify(chunkFiles()) },
      plugins: [
        asciiOnly(),
        {
          // The loader's loadRuntime imports the chunk by URL instead of bundling it.
          name: 'inboxkit:load-by-url',
          enforce: 'pre',
          async resolveId(source, importer) {
            if (!importer || !/[/\\]load\.js$/.test(source)) return null;
            const resolved = await this.resolve(source, importer, { skipSelf: true });
            return resolved?.id === src('widget/load.ts') ? src('widget/load.iife.ts') : null;
          },
        },
      ],
      build: {
        target: 'es2022',
        outDir: 'dist/widget',
        emptyOutDir: false,
        sourcemap: false,
        lib: { entry: src('widget/iife.ts'), formats: ['iife'], name: 'InboxKit', fileName: () => 'inboxkit.iife.js' },
        rolldownOptions: { output: { charset: 'ascii' } },
      },
    });
  },
});
// The widget bundles its own Radix, so it can leave out what our menu never runs. The assign menu is
// non-modal (`modal={false}`), and Radix reaches react-remove-scroll and aria-hidden only for modal menus,
// but imports them statically: about 4 kB gz of dead code. Radix's files also name every function with a
// top-level `__name(fn, "fn")` call (and each class from a static block), which keeps functions nothing uses (its unused ordered collection) alive.
// Hosts that bundle the library get Radix as published; only this bundle, whose every importer we know, is trimmed.
const radixTrim = (): Plugin => {
  const stubs: Record<string, string> = {
    'react-remove-scroll': 'export const RemoveScroll = (props) => props.children;',
    'aria-hidden': 'export const hideOthers = () => () => {};',
  };
  return {
    name: 'inboxkit:radix-trim',
    enforce: 'pre',
    resolveId: (source) => (Object.hasOwn(stubs, source) ? `\0trim:${source}` : null),
    load: (id) => (id.startsWith('\0trim:') ? stubs[id.slice('\0trim:'.length)] : null),
    transform(code, id) {
      if (id.endsWith('AssignMenuPopup.tsx') && !code.includes('modal={false}')) this.error('The widget leaves out modal menus (radixTrim): the assign menu must stay modal={false}.');
      if (/[/\\]node_modules[/\\]@radix-ui[/\\]/.test(id)) return { code: code.replace(/^__name\([\w$]+, "[\w$]+"\);$/gm, '').replace(/static \{\s*__name\(this, "[\w$]+"\);\s*\}/g, ''), map: null };
      return null;
    },
  };
};
const widgetChunkFiles: Record<string, string | string[]> = {};
// Names the runtime and backend chunks for the loader, and lays chunks out by when a page fetches them:
// chunks/*.js with the runtime (its static imports), chunks/lazy/*.js only when asked for. The size
// budgets count on that layout. A chunk shared only by lazy chunks is moved to lazy/ after writing
// (its importers' relative import is rewritten: chunk names are hashed, so the text is unique).
const widgetLayout = (): Plugin => {
  const moves: { from: string; to: string; importers: string[] }[] = [];
  return {
    name: 'inboxkit:widget-layout',
    generateBundle(_, bundle) {
      const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
      const entry = chunks.find((chunk) => chunk.isEntry);
      if (!entry) this.error('no runtime chunk');
      widgetChunkFiles.runtime = entry.fileName;
      const initial = new Set<string>();
      const visit = (fileName: string) => {
        if (initial.has(fileName)) return;
        initial.add(fileName);
        for (const next of chunks.find((chunk) => chunk.fileName === fileName)?.imports ?? []) visit(next);
      };
      visit(entry.fileName);
      moves.length = 0;
      for (const chunk of chunks) {
        const lazy = chunk.fileName.startsWith('chunks/lazy/');
        if (initial.has(chunk.fileName) && lazy) this.error(`${chunk.fileName} is in chunks/lazy/ but the runtime imports it statically`);
        if (initial.has(chunk.fileName) || lazy) continue;
        const importers = chunks.filter((other) => other.imports.includes(chunk.fileName)).map((other) => other.fileName);
        if (importers.some((importer) => !importer.startsWith('chunks/lazy/'))) this.error(`${chunk.fileName}: cannot place it`);
        moves.push({ from: chunk.fileName, to: chunk.fileName.replace('chunks/', 'chunks/lazy/'), importers });
      }
      // Each backend's chunk and the lazy chunks it imports (named as they will be once moved), for the loader to fetch at once.
      const finalName = (fileName: string) => moves.find((move) => move.from === fileName)?.to ?? fileName;
      for (const chunk of chunks) {
        const flavour = chunk.facadeModuleId?.match(/src\/widget\/flavours\/(\w+)\.ts$/)?.[1];
        if (!flavour) continue;
        const files = new Set<string>();
        const add = (fileName: string) => {
          if (initial.has(fileName) || files.has(fileName)) return;
          files.add(fileName);
          for (const next of chunks.find((other) => other.fileName === fileName)?.imports ?? []) add(next);
        };
        add(chunk.fileName);
        widgetChunkFiles[flavour] = [...files].map(finalName);
      }
    },
    async writeBundle(options, bundle) {
      const dir = options.dir ?? 'dist/widget';
      const moved = new Set(moves.map((move) => move.from));
      for (const { from, to, importers } of moves) {
        await rename(join(dir, from), join(dir, to));
        const name = basename(from);
        for (const importer of importers) {
          const path = join(dir, moved.has(importer) ? importer.replace('chunks/', 'chunks/lazy/') : importer);
          const code = await readFile(path, 'utf8');
          await writeFile(path, code.replaceAll(`"../${name}"`, `"./${name}"`));
        }
        // What the moved chunk imports from the runtime's side (chunks/) is now one folder up.
        const chunk = bundle[from];
        const staying = chunk?.type === 'chunk' ? chunk.imports.filter((imported) => !moved.has(imported) && !imported.startsWith('chunks/lazy/')) : [];
        if (staying.length === 0) continue;
        let code = await readFile(join(dir, to), 'utf8');
        for (const imported of staying) code = code.replaceAll(`"./${basename(imported)}"`, `"../${basename(imported)}"`);
        await writeFile(join(dir, to), code);
      }
    },
  };
};

const widget = defineConfig({
  define: widgetDefine,
  plugins: [
    radixTrim(),
    asciiOnly(),
    widgetLayout(),
    widgetLoader(() => widgetChunkFiles),
  ],
  build: {
    target: 'es2022',
    outDir: 'dist/widget',
    emptyOutDir: true,
    sourcemap: false,
    minify: true,
    lib: { entry: { runtime: src('widget/runtime.tsx') }, formats: ['es'] },
    rolldownOptions: {
      // Lib mode keeps the entry's exports exactly ('strict'), so every module the runtime shares with a
      // lazy chunk went to a chunk of its own (six, fetched after the runtime, each gzipped alone). Allowing
      // the runtime to export more lets those modules stay in it: one file, and about 2.3 kB gz less.
      preserveEntrySignatures: 'allow-extension',
      output: {
        minify: true,
        charset: 'ascii',
        entryFileNames: 'chunks/[name]-[hash].js',
        // What a page fetches only when asked (a dynamic import's target) lives in chunks/lazy/; the rest
        // is fetched with the runtime, which the check below holds true.
        chunkFileNames: (chunk) =>
          !chunk.isDynamicEntry
            ? 'chunks/shared-[hash].js'
            : /[/\\]src[/\\]locales[/\\]/.test(chunk.facadeModuleId ?? '')
              ? 'chunks/lazy/locale-[name]-[hash].js'
              : 'chunks/lazy/[name]-[hash].js',
      },
    },
  },
});

const library = defineConfig({
  plugins: [libraryOutput()],
  define: { __INBOXKIT_VERSION__: JSON.stringify(version) },
  resolve: {
    // Tests import the package by its public names, straight from source.
    alias: [
      { find: /^inboxkit$/, replacement: src('index.ts') },
      { find: /^inboxkit\/core$/, replacement: src('core-entry.ts') },
      { find: /^inboxkit\/mock-server$/, replacement: src('mock-server/server.ts') },
      { find: /^inboxkit\/widget$/, replacement: src('widget/index.ts') },
      { find: /^inboxkit\/locales\/([\w-]+)$/, replacement: src('locales/$1.ts') },
    ],
  },
  build: {
    target: 'es2022',
    sourcemap: true,
    emptyOutDir: true,
    lib: {
      // styles-entry imports the stylesheet so it is emitted as dist/styles.css; components never import CSS.
      entry: [src('styles-entry.ts'), src('index.ts'), src('core-entry.ts'), src('widget/index.ts'), src('mock-server/server.ts'), ...locales.map((tag) => src(`locales/${tag}.ts`))],
      cssFileName: 'styles',
      formats: ['es'],
    },
    rolldownOptions: {
      external,
      // Inlining an imported constant leaves a bare `import '…'` behind in a per-module build (and a
      // warning in every host bundler that honours sideEffects); keep the named import instead.
      optimization: { inlineConst: false },
      output: {
        // One file per source module, under dist/lib/ as in src/: a host bundler drops every module it
        // does not use, React-free modules never share a file with React ones, and each file can carry
        // its own "use client" (see libraryOutput).
        preserveModules: true,
        preserveModulesRoot: src(''),
        entryFileNames: 'lib/[name].js',
      },
    },
  },
  test: {
    // Counts, not timings, decide every test; the limit only stops a hung one, and a busy 2-core machine is slow.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: {
          name: 'unit',
          environment: 'jsdom',
          setupFiles: ['test/support/jsdomLayout.ts'],
          include: ['test/**/*.test.ts', 'test/**/*.test.tsx'],
          exclude: ['test/**/*.browser.test.{ts,tsx}', 'test/**/*.node.test.{ts,tsx}', 'test/hosts/**'],
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
      // The packed tarball installed into real host apps (Next.js, Vite, TypeScript, plain Node); see
      // test/hosts/. Minutes, not seconds, so only with INBOXKIT_HOSTS=1 (.ci/run sets it).
      ...(process.env.INBOXKIT_HOSTS === '1'
        ? [
            {
              test: {
                name: 'hosts',
                environment: 'node',
                include: ['test/hosts/**/*.hosts.test.ts'],
                globalSetup: ['test/hosts/setup.ts'],
                testTimeout: 300_000,
                hookTimeout: 600_000,
                fileParallelism: false,
              },
            },
          ]
        : []),
    ],
  },
});

export default defineConfig((env) => (env.mode === 'widget' ? widget : library));
