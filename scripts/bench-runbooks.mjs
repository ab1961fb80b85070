// Runbook search at 1,000 runbooks: generated from the shipped library (resources/runbooks) by
// renaming each for a service and an environment and mixing in passages of the others, parsed
// and indexed by Opsdeck's own code, then searched with 204 queries (words, half-typed words,
// filters) five times over. Target: 99 % of searches under 50 ms (the maximum is printed too;
// on a busy machine it measures the scheduler, so the load average is printed with it).
// Usage: npm run bench:runbooks
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const RUNBOOKS = 1000;
const ROUNDS = 5;
const TARGET_MS = 50;

const ms = (v) => `${v.toFixed(v < 10 ? 2 : 0)} ms`;

async function bundle(work) {
  await build({
    configFile: false,
    logLevel: 'warn',
    // Its dependencies (yaml, zod) go into the bundle: it is imported from a temporary folder.
    ssr: { noExternal: true },
    build: {
      ssr: path.resolve('scripts/bench-runbooks-search.ts'),
      outDir: work,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  return import(path.join(work, 'bench-runbooks-search.mjs'));
}

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-bench-runbooks-'));
try {
  const bench = await bundle(work);
  const r = bench.run(path.resolve('resources/runbooks'), RUNBOOKS, ROUNDS);
  console.log(`runbooks: ${r.runbooks} (${(r.bodyBytes / 1e6).toFixed(1)} MB of text)`);
  console.log(`parse: ${ms(r.parseMs)} · index: ${ms(r.indexMs)}`);
  console.log(`search (${r.queries} searches), wall clock: p50 ${ms(r.p50)} · p95 ${ms(r.p95)} · p99 ${ms(r.p99)} · max ${ms(r.max)}`);
  console.log(`search, CPU time of the process: p50 ${ms(r.cpu.p50)} · p95 ${ms(r.cpu.p95)} · p99 ${ms(r.cpu.p99)} · max ${ms(r.cpu.max)}`);
  console.log(`load average while measuring: ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`);
  const pass = r.p99 < TARGET_MS;
  console.log(`target: wall-clock p99 under ${TARGET_MS} ms: ${pass ? 'PASS' : 'FAIL'}`);
  process.exitCode = pass ? 0 : 1;
} finally {
  fs.rmSync(work, { recursive: true, force: true });
}
