#!/usr/bin/env node
/* global process, console, URL */
/**
 * Summarizes the CPU profiles `node bench/run.mjs --profile` writes to
 * bench/results/profiles: the functions with the most self time and the most
 * inclusive time, per profile. `node bench/profile-summary.mjs [filter] [top]`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('./results/profiles', import.meta.url));
const [filter = '', topArg = '12'] = process.argv.slice(2);
const top = Number(topArg);

for (const file of readdirSync(dir).filter((f) => f.endsWith('.cpuprofile') && f.includes(filter)).sort()) {
  const profile = JSON.parse(readFileSync(`${dir}/${file}`, 'utf8'));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const time = new Map();
  profile.samples.forEach((id, i) => time.set(id, (time.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const name = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop() || ''}:${n.callFrame.lineNumber + 1}`;
  const self = new Map();
  const inclusive = new Map();
  let total = 0;
  let idle = 0;
  for (const [id, us] of time) {
    const node = byId.get(id);
    total += us;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') idle += us;
    self.set(name(node), (self.get(name(node)) ?? 0) + us);
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
      const key = name(byId.get(cur));
      if (seen.has(key)) continue;
      seen.add(key);
      inclusive.set(key, (inclusive.get(key) ?? 0) + us);
    }
  }
  const ms = (us) => (us / 1000).toFixed(1).padStart(8);
  console.log(`\n== ${file}: ${ms(total)} ms sampled, ${ms(idle)} ms idle/program`);
  console.log('   self:');
  for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, top)) console.log(`${ms(v)}  ${k}`);
  console.log('   inclusive:');
  for (const [k, v] of [...inclusive].filter(([k]) => !k.startsWith('(root)')).sort((a, b) => b[1] - a[1]).slice(0, top * 2)) console.log(`${ms(v)}  ${k}`);
}
