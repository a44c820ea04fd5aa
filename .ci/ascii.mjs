// Fails when a file under the given folders holds a byte above 0x7F. The
// widget's script must read the same in a page of any charset: a classic
// script is decoded in the page's charset unless the server says otherwise.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';

const folders = process.argv.slice(2);
if (folders.length === 0) folders.push('dist/widget');
let files = 0;
const bad = [];
for (const folder of folders) {
  for (const entry of await readdir(folder, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    const bytes = await readFile(path);
    files += 1;
    const at = bytes.findIndex((byte) => byte > 0x7f);
    if (at !== -1) bad.push(`${path}: byte 0x${bytes[at].toString(16)} at offset ${at}: ${JSON.stringify(bytes.subarray(Math.max(0, at - 30), at + 10).toString('utf8'))}`);
  }
}
if (files === 0) {
  console.error(`ascii: no files under ${folders.join(', ')} (build first)`);
  process.exit(1);
}
if (bad.length > 0) {
  console.error(`ascii: ${bad.length} of ${files} files are not ASCII:\n  ${bad.join('\n  ')}`);
  process.exit(1);
}
console.log(`ascii: ${files} files under ${folders.join(', ')}, all ASCII`);
