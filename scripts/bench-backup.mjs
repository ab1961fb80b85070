// Backup: Opsdeck's repository against Debian's restic on the same generated 1 GiB (compressible
// text, random binaries, many small files), same machine, same run: first backup, second with
// nothing changed, third after changing 5% of the files, full restore, and repository size.
// Each operation is one process for both tools (start-up and key derivation included). The machine
// is shared, so each line is the best of ROUNDS runs, the two tools taking turns.
// Needs Debian's restic (apt). Usage: npm run bench:backup [-- --keep]
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const RESTIC = '/usr/bin/restic';
const MiB = 1024 * 1024;
const TEXT_FILES = 40; // x 10 MiB of log-like text
const BINARY_FILES = 8; // x 50 MiB of random bytes
const SMALL_DIRS = 200;
const SMALL_PER_DIR = 120; // 24,000 files of 1-20 KiB, half text, half random
const CHANGED_SHARE = 0.05;
const PASSWORD = 'bench-password-0123456789';
const MAX_REPO_RATIO = 1.1;
const ROUNDS = 3;

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-bench-backup-'));
const keep = process.argv.includes('--keep');

// Seeded PRNG (xorshift128 on 32-bit words, seeded by splitmix32): the benchmark's input data is
// the same on every run, and fast enough to fill a gigabyte.
function prng(seed) {
  let x = seed >>> 0;
  const splitmix = () => {
    x = (x + 0x9e3779b9) >>> 0;
    let z = x;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  const state = Uint32Array.of(splitmix(), splitmix(), splitmix(), splitmix());
  const next = () => {
    let t = state[3];
    const s = state[0];
    state[3] = state[2];
    state[2] = state[1];
    state[1] = s;
    t ^= t << 11;
    t ^= t >>> 8;
    state[0] = t ^ s ^ (s >>> 19);
    return state[0];
  };
  return {
    next,
    below: (n) => next() % n,
    bytes(n) {
      const words = new Uint32Array(Math.ceil(n / 4));
      for (let i = 0; i < words.length; i++) words[i] = next();
      return Buffer.from(words.buffer, 0, n);
    },
  };
}

const WORDS = (
  'request response latency error warning info debug trace cluster node pod service deployment replica ' +
  'container image volume mount backup restore snapshot index chunk pack verify prune forget policy ' +
  'database query table row column commit rollback transaction connection timeout retry upstream ' +
  'downstream gateway ingress egress certificate token session user account tenant region zone'
).split(' ');

function textBlock(rand, bytes) {
  const lines = [];
  let size = 0;
  let t = 1_700_000_000 + rand.below(1_000_000);
  while (size < bytes) {
    t += rand.below(5);
    const n = 6 + rand.below(12);
    const words = [];
    for (let i = 0; i < n; i++) words.push(WORDS[rand.below(WORDS.length)]);
    const line = `${new Date(t * 1000).toISOString()} ${['INFO', 'WARN', 'ERROR', 'DEBUG'][rand.below(4)]} id=${rand.next().toString(16)} ${words.join(' ')} took=${rand.below(5000)}ms\n`;
    lines.push(line);
    size += line.length;
  }
  return Buffer.from(lines.join('')).subarray(0, bytes);
}

function generate(root) {
  const rand = prng(20261123);
  const files = [];
  fs.mkdirSync(path.join(root, 'text'), { recursive: true });
  for (let i = 0; i < TEXT_FILES; i++) {
    const file = path.join(root, 'text', `log-${String(i).padStart(3, '0')}.log`);
    fs.writeFileSync(file, textBlock(rand, 10 * MiB));
    files.push(file);
  }
  fs.mkdirSync(path.join(root, 'binary'), { recursive: true });
  for (let i = 0; i < BINARY_FILES; i++) {
    const file = path.join(root, 'binary', `blob-${i}.bin`);
    fs.writeFileSync(file, rand.bytes(50 * MiB));
    files.push(file);
  }
  for (let d = 0; d < SMALL_DIRS; d++) {
    const dir = path.join(root, 'small', `dir-${String(d).padStart(3, '0')}`);
    fs.mkdirSync(dir, { recursive: true });
    for (let f = 0; f < SMALL_PER_DIR; f++) {
      const size = 1024 + rand.below(19 * 1024);
      const text = f % 2 === 0;
      const file = path.join(dir, `file-${f}.${text ? 'txt' : 'dat'}`);
      fs.writeFileSync(file, text ? textBlock(rand, size) : rand.bytes(size));
      files.push(file);
    }
  }
  return files;
}

/** Changes 5% of the files: a new block of random bytes in the middle of each (size kept). */
function changeFiles(files, seed) {
  const rand = prng(seed);
  const count = Math.round(files.length * CHANGED_SHARE);
  const chosen = new Set();
  while (chosen.size < count) chosen.add(files[rand.below(files.length)]);
  for (const file of chosen) {
    const size = fs.statSync(file).size;
    const length = Math.min(size, 4096);
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, rand.bytes(length), 0, length, Math.floor((size - length) / 2));
    fs.closeSync(fd);
  }
  return count;
}

function sizeOfTree(dir) {
  let total = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) total += fs.statSync(path.join(entry.parentPath ?? entry.path, entry.name)).size;
  }
  return total;
}

function timed(command, args, env) {
  // Dirty pages of the previous step (a restore's gigabyte, a deleted tree) are flushed first,
  // so their writeback does not land on whichever tool runs next.
  spawnSync('sync');
  const started = performance.now();
  const run = spawnSync(command, args, { env: { ...process.env, ...env }, encoding: 'utf8', maxBuffer: 64 * MiB });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${run.stderr}`);
  return { seconds, stdout: run.stdout };
}

async function bundleRunner() {
  // Inside the project so the native zstd binding resolves from node_modules.
  const outDir = path.resolve('node_modules/.cache/opsdeck-bench-backup');
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true, external: ['@mongodb-js/zstd'] },
    build: {
      ssr: path.resolve('scripts/bench-backup-run.ts'),
      outDir,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  return path.join(outDir, 'bench-backup-run.mjs');
}

function hashTree(dir) {
  const hash = crypto.createHash('sha256');
  const entries = fs.readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath ?? e.path, e.name))
    .sort();
  for (const file of entries) {
    hash.update(path.relative(dir, file));
    hash.update(fs.readFileSync(file));
  }
  return hash.digest('hex');
}

async function main() {
  if (!fs.existsSync(RESTIC)) throw new Error(`${RESTIC} is missing: apt-get install restic`);
  const runner = await bundleRunner();
  const source = path.join(work, 'source');
  console.log(`Generating the data set in ${source} …`);
  const files = generate(source);
  const bytes = sizeOfTree(source);
  console.log(`${files.length} files, ${(bytes / MiB).toFixed(0)} MiB`);

  const resticRepo = path.join(work, 'restic-repo');
  const opsdeckRepo = path.join(work, 'opsdeck-repo');
  const resticEnv = { RESTIC_PASSWORD: PASSWORD, RESTIC_REPOSITORY: resticRepo, RESTIC_CACHE_DIR: path.join(work, 'restic-cache') };
  const opsdeckEnv = { OPSDECK_BENCH_PASSWORD: PASSWORD };
  const restic = (...args) => timed(RESTIC, ['--quiet', ...args], resticEnv);
  const opsdeck = (...args) => timed(process.execPath, [runner, ...args], opsdeckEnv);

  const init = () => {
    fs.rmSync(resticRepo, { recursive: true, force: true });
    fs.rmSync(opsdeckRepo, { recursive: true, force: true });
    restic('init');
    opsdeck('init', opsdeckRepo);
  };
  const best = (runs) => runs.reduce((a, b) => (b.seconds < a.seconds ? b : a));
  /**
   * Both tools, taking turns, `rounds` times; `before` runs ahead of each round (untimed). Arguments
   * are lists, or functions of the round.
   */
  const rounds = (n, resticArgs, opsdeckArgs, before = () => {}) => {
    const r = [];
    const o = [];
    const argsOf = (args, i) => (typeof args === 'function' ? args(i) : args);
    for (let i = 0; i < n; i++) {
      before(i);
      const runRestic = () => r.push(restic(...argsOf(resticArgs, i)));
      const runOpsdeck = () => o.push(opsdeck(...argsOf(opsdeckArgs, i)));
      if (i % 2 === 0) {
        runRestic();
        runOpsdeck();
      } else {
        runOpsdeck();
        runRestic();
      }
    }
    return [best(r), best(o)];
  };

  const rows = [];
  const throughput = (label, [r, o], volume) => {
    rows.push({ label, restic: volume / r.seconds, opsdeck: volume / o.seconds, rs: r.seconds, os: o.seconds });
  };
  throughput('first backup', rounds(ROUNDS, ['backup', source], ['backup', opsdeckRepo, source], init), bytes);
  throughput('second backup (nothing changed)', rounds(ROUNDS + 1, ['backup', source], ['backup', opsdeckRepo, source]), bytes);
  // Each round changes another 5% of the files, so each third backup has the same work to do.
  throughput(
    'third backup (5% of files changed)',
    rounds(ROUNDS, ['backup', source], ['backup', opsdeckRepo, source], (i) => changeFiles(files, 7 + i)),
    bytes,
  );

  // Each round restores into folders of its own, none deleted before the end: deleting the last
  // round's 24,000 files just before would make ext4 skip over their freshly freed inodes when the
  // next restore creates files, a cost that lands on whichever tool runs first.
  const outputs = (tool, i) => path.join(work, `${tool}-restore-${i}`);
  throughput(
    'full restore',
    rounds(ROUNDS + 1, (i) => ['restore', 'latest', '--target', outputs('restic', i)], (i) => ['restore', opsdeckRepo, outputs('opsdeck', i)]),
    bytes,
  );
  // restic restores the absolute source path under its target; Opsdeck restores the folder itself.
  const expected = hashTree(source);
  if (hashTree(outputs('opsdeck', 0)) !== expected) throw new Error('Opsdeck restore differs from the source');
  if (hashTree(path.join(outputs('restic', 0), source)) !== expected) throw new Error('restic restore differs from the source');

  const resticSize = sizeOfTree(resticRepo);
  const opsdeckSize = sizeOfTree(opsdeckRepo);

  console.log(`\nBackup of ${(bytes / MiB).toFixed(0)} MiB in ${files.length} files (restic ${spawnSync(RESTIC, ['version'], { encoding: 'utf8' }).stdout.trim()})\n`);
  const pad = (s, n) => String(s).padEnd(n);
  console.log(`${pad('', 38)}${pad('restic', 22)}${pad('Opsdeck', 22)}ratio   verdict`);
  let failed = false;
  for (const row of rows) {
    const ratio = row.opsdeck / row.restic;
    const ok = ratio >= 1;
    failed ||= !ok;
    const cell = (mbps, s) => `${(mbps / MiB).toFixed(0)} MiB/s (${s.toFixed(2)} s)`;
    console.log(`${pad(row.label, 38)}${pad(cell(row.restic, row.rs), 22)}${pad(cell(row.opsdeck, row.os), 22)}${pad(`${ratio.toFixed(2)}x`, 8)}${ok ? 'PASS' : 'FAIL'}`);
  }
  const sizeRatio = opsdeckSize / resticSize;
  failed ||= sizeRatio > MAX_REPO_RATIO;
  console.log(
    `${pad('repository size', 38)}${pad(`${(resticSize / MiB).toFixed(1)} MiB`, 22)}${pad(`${(opsdeckSize / MiB).toFixed(1)} MiB`, 22)}${pad(`${(sizeRatio * 100).toFixed(1)}%`, 8)}${sizeRatio <= MAX_REPO_RATIO ? 'PASS' : 'FAIL'}`,
  );
  console.log(`\nSpeed: best of ${ROUNDS} runs (second backup and restore: ${ROUNDS + 1}), higher is better, ratio = Opsdeck / restic (target >= 1.00x); size: target <= 110% of restic.`);
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
  else console.log(`kept ${work}`);
  process.exitCode = failed ? 1 : 0;
}

main().catch((err) => {
  console.error(err);
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
  process.exit(1);
});
