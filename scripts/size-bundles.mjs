// Builds, for each library size budget, the app a host would write that
// imports only those names from the built package, with Vite (its bundler
// tree-shakes, drops dead `import()`s and splits at live ones), minified, React
// left out. Each app's chunks are laid out by when a page loads them:
// .size/<name>/initial/ (the entry and what it imports statically) and
// .size/<name>/lazy/ (what only an `import()` reaches). `npm run size`
// runs this first; the budgets in .size-limit.json measure those folders.
// `--peers` also builds the peers' apps the same way (.size/<peer>/).
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'vite';

const root = fileURLToPath(new URL('..', import.meta.url));

/** The names each budget's host imports from `inboxkit`. */
export const APPS = {
  adapter: ['createWaplyAdapter'],
  headless: ['createInboxStore', 'InboxProvider', 'useConversations', 'useConversation', 'useAssignConversation', 'useResolveConversation', 'useAddNote', 'useAssignees', 'createWaplyAdapter'],
  list: ['InboxProvider', 'ConversationList', 'createWaplyAdapter'],
  inbox: ['InboxProvider', 'Inbox', 'createWaplyAdapter'],
};

/** With `--peers`: a peer's app, built the same way, for BENCHMARKS.md's weight table (no budget). */
const PEERS = {
  chatscope: {
    from: '@chatscope/chat-ui-kit-react',
    names: ['MainContainer', 'Sidebar', 'Search', 'ConversationList', 'Conversation', 'Avatar', 'ChatContainer', 'ConversationHeader', 'MessageList', 'Message', 'MessageInput', 'TypingIndicator', 'MessageSeparator'],
  },
};

const ENTRY = '\0inboxkit-size-entry';

/** Writes each chunk under initial/ or lazy/ by reachability from the entry, and nothing else. */
const layout = (outDir) => ({
  name: 'inboxkit:size-layout',
  generateBundle(_, bundle) {
    const chunks = Object.values(bundle).filter((file) => file.type === 'chunk');
    const byName = new Map(chunks.map((chunk) => [chunk.fileName, chunk]));
    const initial = new Set();
    const visit = (name) => {
      if (initial.has(name) || !byName.has(name)) return;
      initial.add(name);
      for (const imported of byName.get(name).imports) visit(imported);
    };
    for (const chunk of chunks) if (chunk.isEntry) visit(chunk.fileName);
    for (const chunk of chunks) {
      const target = join(outDir, initial.has(chunk.fileName) ? 'initial' : 'lazy', chunk.fileName);
      mkdirSync(dirname(target), { recursive: true });
      writeFileSync(target, chunk.code);
    }
    for (const name of Object.keys(bundle)) delete bundle[name];
  },
});

/** Vite's inline config for one app: `names` imported from `from`, written by `plugins` (after the entry). */
export const appConfig = (names, from, plugins) => ({
  configFile: false,
  root,
  logLevel: 'warn',
  plugins: [
    {
      name: 'inboxkit:size-entry',
      resolveId: (id) => (id === ENTRY ? id : null),
      load: (id) => (id === ENTRY ? `import { ${names.join(', ')} } from '${from}';\nconsole.log(${names.join(', ')});\n` : null),
    },
    ...plugins,
  ],
  build: {
    emptyOutDir: false,
    minify: true,
    target: 'es2022',
    modulePreload: false,
    copyPublicDir: false,
    rolldownOptions: {
      input: ENTRY,
      // "use client" is kept in the package's files for React server bundlers; a client bundle has no use for it.
      onLog: (level, log, handler) => (log.code === 'MODULE_LEVEL_DIRECTIVE' ? undefined : handler(level, log)),
      external: [/^react(-dom)?($|\/)/],
      output: { format: 'es', entryFileNames: 'entry.js', chunkFileNames: '[name]-[hash].js' },
    },
  },
});

// Imported (by scripts/size-breakdown.mjs) it only lends APPS and appConfig.
if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const apps = Object.entries(APPS).map(([name, names]) => [name, names, './dist/lib/index.js']);
  if (process.argv.includes('--peers')) for (const [name, peer] of Object.entries(PEERS)) apps.push([name, peer.names, peer.from]);

  for (const [name, names, from] of apps) {
    const outDir = join(root, '.size', name);
    rmSync(outDir, { recursive: true, force: true });
    const config = appConfig(names, from, [layout(outDir)]);
    await build({ ...config, build: { ...config.build, outDir, write: true } });
  }
}
