// An esbuild config for size-limit (`"config"` in .size-limit.json): what a page
// loads before any lazy chunk. Built with code splitting, so `import()`ed
// modules land in their own chunks; then every output that the entry does not
// reach through static imports is dropped from the measurement. (A plain
// size-limit check inlines dynamic imports: that is the total.)
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = join(tmpdir(), 'inboxkit-size-initial');
rmSync(outdir, { recursive: true, force: true });

/** Keeps only the outputs the entry loads up front: itself and its static imports, transitively. */
const initialOnly = {
  name: 'initial-only',
  setup(build) {
    build.onEnd((result) => {
      const outputs = result.metafile?.outputs ?? {};
      const entry = Object.keys(outputs).find((file) => outputs[file].entryPoint);
      const keep = new Set();
      const visit = (file) => {
        if (keep.has(file) || !outputs[file]) return;
        keep.add(file);
        for (const imported of outputs[file].imports) if (imported.kind === 'import-statement' && !imported.external) visit(imported.path);
      };
      if (entry) visit(entry);
      for (const file of Object.keys(outputs)) if (!keep.has(file) && !file.endsWith('.map')) delete outputs[file];
    });
  },
};

export default {
  stdin: {
    contents: "import { InboxProvider, Inbox, createWaplyAdapter } from './dist/lib/index.js';\nconsole.log(InboxProvider, Inbox, createWaplyAdapter);\n",
    resolveDir: root,
    sourcefile: 'initial.js',
  },
  bundle: true,
  splitting: true,
  format: 'esm',
  outdir,
  external: ['react', 'react/*', 'react-dom', 'react-dom/*'],
  minify: true,
  treeShaking: true,
  write: true,
  plugins: [initialOnly],
};
