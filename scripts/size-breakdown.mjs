// Where each size budget's bytes go, per source module. Builds the budgets' host apps as
// scripts/size-bundles.mjs does (from dist/: run `npm run build` first) and, with `widget`, the
// widget, each with hidden source maps, then charges every minified byte to the file the map names.
// Per module it prints the minified bytes and what gzip would save without them (the chunk gzipped
// with and without that module's bytes), per chunk and summed over the budget's chunks.
//   node scripts/size-breakdown.mjs [headless|inbox|list|adapter|widget ...] [--top=N] [--chunks] [--unmapped]
// (--chunks: also each chunk's modules; --unmapped: the longest code no map names)
// Nothing is written: the app builds are kept in memory; the widget build rewrites dist/widget with
// the same files (hidden maps do not change the code) and drops the maps before they are written.
import { gzipSync } from 'node:zlib';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { decode } from '@jridgewell/sourcemap-codec';
import { APPS, appConfig } from './size-bundles.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const top = Number(args.find((arg) => arg.startsWith('--top='))?.slice(6) ?? 25);
const wanted = args.filter((arg) => !arg.startsWith('--'));
const names = wanted.length > 0 ? wanted : [...Object.keys(APPS), 'widget'];

const gz = (text) => gzipSync(text, { level: 9 }).length;

/** Splits a chunk's code by the source file of each mapped byte. Returns Map(source, [start, end][]). */
function rangesBySource(code, map) {
  const lines = decode(map.mappings);
  const lineStarts = [0];
  for (let i = 0; i < code.length; i++) if (code[i] === '\n') lineStarts.push(i + 1);
  const ranges = new Map();
  const add = (source, start, end) => {
    if (end <= start) return;
    if (!ranges.has(source)) ranges.set(source, []);
    ranges.get(source).push([start, end]);
  };
  lineStarts.forEach((lineStart, line) => {
    const lineEnd = line + 1 < lineStarts.length ? lineStarts[line + 1] : code.length;
    const segments = lines[line] ?? [];
    let cursor = lineStart;
    let source = '(unmapped)';
    for (const segment of segments) {
      const at = lineStart + segment[0];
      add(source, cursor, at);
      cursor = at;
      source = segment.length > 1 ? map.sources[segment[1]] : '(unmapped)';
    }
    add(source, cursor, lineEnd);
  });
  return ranges;
}

const shortName = (source) => {
  const path = relative(root, fileURLToPath(new URL(source, 'file:///' + root + '/'))).replaceAll('\\', '/');
  const pkg = path.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  return pkg ? `${pkg[1]} (package)` : path.replace(/^dist\/lib\//, 'lib/');
};

/** Per module: minified bytes, and gzip saved without it (marginal, within its chunk). */
function attribute(chunks) {
  const rows = new Map();
  let total = 0;
  for (const { fileName, code, map } of chunks) {
    const whole = gz(code);
    total += whole;
    const ranges = rangesBySource(code, map);
    for (const [source, list] of ranges) {
      const name = source === '(unmapped)' ? '(unmapped)' : shortName(new URL(source, `file://${root}/${fileName}`).href);
      let rest = '';
      let cursor = 0;
      let bytes = 0;
      for (const [start, end] of list.sort((a, b) => a[0] - b[0])) {
        rest += code.slice(cursor, start);
        cursor = end;
        bytes += end - start;
      }
      rest += code.slice(cursor);
      const row = rows.get(name) ?? { bytes: 0, saved: 0, chunks: new Set() };
      row.bytes += bytes;
      row.saved += whole - gz(rest);
      row.chunks.add(fileName.replace(/-[\w-]{8}\.js$/, '').replace(/^chunks\//, ''));
      rows.set(name, row);
    }
  }
  return { rows, total };
}

function report(title, chunks) {
  if (args.includes('--chunks')) {
    for (const chunk of chunks) {
      const { rows } = attribute([chunk]);
      const list = [...rows].sort((a, b) => b[1].saved - a[1].saved).map(([name, row]) => `${name} ${row.saved}`);
      console.log(`  ${chunk.fileName} ${(gz(chunk.code) / 1000).toFixed(2)} kB: ${list.slice(0, 12).join(', ')}${list.length > 12 ? ', …' : ''}`);
    }
  }
  if (args.includes('--unmapped')) {
    for (const { fileName, code, map } of chunks) {
      const pieces = (rangesBySource(code, map).get('(unmapped)') ?? []).map(([start, end]) => code.slice(start, end)).sort((a, b) => b.length - a.length);
      for (const piece of pieces.slice(0, 5)) console.log(`  unmapped in ${fileName}, ${piece.length} bytes: ${piece.slice(0, 160)}`);
    }
  }
  const { rows, total } = attribute(chunks);
  console.log(`\n${title}: ${(total / 1000).toFixed(2)} kB gz in ${chunks.length} chunks (${chunks.map((c) => `${c.fileName} ${(gz(c.code) / 1000).toFixed(2)}`).join(', ')})`);
  console.log('  gz saved  minified  module  [chunks]');
  const sorted = [...rows].sort((a, b) => b[1].saved - a[1].saved);
  for (const [name, row] of sorted.slice(0, top)) {
    console.log(`  ${String(row.saved).padStart(8)}  ${String(row.bytes).padStart(8)}  ${name}  [${[...row.chunks].join(', ')}]`);
  }
  const rest = sorted.slice(top);
  if (rest.length > 0) console.log(`  ${String(rest.reduce((sum, [, row]) => sum + row.saved, 0)).padStart(8)}  ${String(rest.reduce((sum, [, row]) => sum + row.bytes, 0)).padStart(8)}  (${rest.length} more)`);
}

// Before the widget's own plugins, which refuse non-ASCII files (the maps).
const capture = (into, keep = () => true) => ({
  name: 'inboxkit:size-breakdown',
  enforce: 'pre',
  generateBundle(_, bundle) {
    for (const file of Object.values(bundle)) if (file.type === 'chunk' && keep(file.fileName)) into.push({ fileName: file.fileName, code: file.code, map: file.map });
    for (const name of Object.keys(bundle)) if (name.endsWith('.map')) delete bundle[name];
  },
});

for (const name of names) {
  const chunks = [];
  if (name === 'widget') {
    // The widget's "everything" budget: the runtime and every shared chunk, and the lazy chunks it names (less the loader, which has no map here).
    const counted = /^chunks\/(runtime|shared)-|^chunks\/lazy\/(waply|AssignMenuPopup|BulkToolbarPanel|locale-de)-/;
    await build({ root, mode: 'widget', logLevel: 'warn', plugins: [capture(chunks, (fileName) => counted.test(fileName))], build: { sourcemap: 'hidden' } });
    report('widget (everything for one backend and one locale, less the loader)', chunks);
    continue;
  }
  const config = appConfig(APPS[name], './dist/lib/index.js', [capture(chunks)]);
  await build({ ...config, build: { ...config.build, write: false, sourcemap: 'hidden' } });
  report(name, chunks);
}
