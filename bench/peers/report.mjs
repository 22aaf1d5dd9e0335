// Prints huntdb's benchmark results beside the peers' on the same data, with ratios.
//   node report.mjs HUNTDB.json PEER.jsonl...
import { readFileSync } from 'node:fs';

const [huntdbFile, ...peerFiles] = process.argv.slice(2);
const huntdb = JSON.parse(readFileSync(huntdbFile, 'utf8'));
const ours = {};
for (const b of huntdb.benchmarks) {
  const name = b.name.replace(/^BM_/, '').replace(/\/.*$/, '');
  const ms = b.real_time * ({ ns: 1e-6, us: 1e-3, ms: 1, s: 1000 }[b.time_unit] ?? 1);
  ours[name] = { ms, rps: b['rows/s'], rpsc: b['rows/s/core'], answer: b.answer };
}
const fmt = (x) => (x >= 1e6 ? `${(x / 1e6).toFixed(1)}M` : `${(x / 1e3).toFixed(0)}k`);
console.log(`${'query'.padEnd(32)} ${'engine'.padEnd(8)} ${'ms'.padStart(9)} ${'rows/s'.padStart(9)} ${'rows/s/core'.padStart(12)} ${'huntdb speedup'.padStart(15)}  answer`);
let disagreements = 0;
for (const [name, r] of Object.entries(ours)) {
  if (r.rps === undefined) continue;
  console.log(`${name.padEnd(32)} ${'huntdb'.padEnd(8)} ${r.ms.toFixed(1).padStart(9)} ${fmt(r.rps).padStart(9)} ${fmt(r.rpsc).padStart(12)} ${''.padStart(15)}  ${r.answer}`);
  for (const f of peerFiles) {
    for (const line of readFileSync(f, 'utf8').split('\n').filter(Boolean)) {
      const p = JSON.parse(line);
      if (p.name !== name) continue;
      const ratio = p.ms / r.ms;
      const same = p.answer === r.answer;
      if (!same) ++disagreements;
      console.log(`${''.padEnd(32)} ${p.engine.padEnd(8)} ${p.ms.toFixed(1).padStart(9)} ${fmt(p.rows_per_s).padStart(9)} ${fmt(p.rows_per_s_per_core).padStart(12)} ${(ratio.toFixed(2) + 'x').padStart(15)}  ${p.answer}${same ? '' : '  (DIFFERENT ANSWER)'}`);
    }
  }
}
if (disagreements) {
  console.error(`${disagreements} answer(s) differ between huntdb and a peer`);
  process.exit(1);
}
