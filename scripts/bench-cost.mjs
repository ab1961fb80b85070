// Cost: a 10,000,000-row FOCUS data set built by scaling the real sample (its columns, values and
// NULLs as they are; the copies spread over twelve months and each copy's ResourceId made its own),
// written by DuckDB as CSV.gz and as Parquet. For each file, a child process imports it through
// Opsdeck's billing engine into a fresh data directory (rows/s and the child's peak RSS), then times
// the month-to-date breakdown by service and by tag. DuckDB run directly on the same file gives the
// reference breakdown: its time, and totals that must match Opsdeck's to the cent.
// Usage: npm run bench:cost [-- --keep]   (OPSDECK_BENCH_COST_ROWS=… for another size)
import { DuckDBInstance } from '@duckdb/node-api';
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';

const ROWS = Number(process.env.OPSDECK_BENCH_COST_ROWS ?? 10_000_000);
const SAMPLE = path.resolve('../shared/data/focus/focus_sample.csv');
const TAG = 'environment';
const MONTHS = 12;
const TARGET = { rowsPerSecond: 500_000, peakRssMb: 500, breakdownMs: 500 };
const DATE_COLUMNS = ['BillingPeriodStart', 'BillingPeriodEnd', 'ChargePeriodStart', 'ChargePeriodEnd'];

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-bench-cost-'));
const keep = process.argv.includes('--keep');
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cents = (v) => Math.round(v * 100);

/**
 * Copy i of the sample moves back floor(i·12/copies) months: consecutive copies share a month, as in
 * monthly exports put together, and the latest month is the sample's own (September 2024).
 */
async function generate(conn) {
  const sampleRows = Number((await conn.runAndReadAll(`SELECT count(*)::DOUBLE AS n FROM read_csv('${SAMPLE}')`)).getRowObjectsJson()[0].n);
  const copies = Math.ceil(ROWS / sampleRows);
  const shift = `to_months(CAST(floor(i * ${MONTHS} / ${copies}) AS INTEGER))`;
  const scaled = (table, date) =>
    `SELECT * REPLACE (${DATE_COLUMNS.map((c) => `${date(c)} AS ${c}`).join(', ')},
       CASE WHEN ResourceId IS NULL OR ResourceId = 'NULL' THEN ResourceId ELSE ResourceId || '/' || i END AS ResourceId)
     FROM range(${copies}) r(i), ${table} WHERE i * ${sampleRows} + ${table}.rowid < ${ROWS}`;
  // The CSV keeps the sample's text, NULL literals included; the Parquet file is typed, as AWS and Azure write it.
  await conn.run(`CREATE TABLE text_rows AS SELECT * FROM read_csv('${SAMPLE}', all_varchar = true)`);
  await conn.run(`CREATE TABLE typed_rows AS SELECT * FROM read_csv('${SAMPLE}', nullstr = 'NULL')`);
  const csv = path.join(work, 'focus.csv.gz');
  const parquet = path.join(work, 'focus.parquet');
  let t = performance.now();
  // DuckDB's own gzip writer is single-threaded and slow: plain CSV, then the system's gzip -1.
  const plain = path.join(work, 'focus.csv');
  await conn.run(
    `COPY (${scaled('text_rows', (c) => `coalesce(strftime(TRY_CAST(${c} AS TIMESTAMP) - ${shift}, '%Y-%m-%d %H:%M:%S'), ${c})`)})
     TO '${plain}' (HEADER)`,
  );
  await new Promise((resolve, reject) => {
    const gzip = spawn('gzip', ['-1', plain], { stdio: 'inherit' });
    gzip.once('error', reject);
    gzip.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`gzip exited with ${code}`))));
  });
  console.log(`  CSV.gz: ${(fs.statSync(csv).size / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  t = performance.now();
  await conn.run(`COPY (${scaled('typed_rows', (c) => `${c} - ${shift}`)}) TO '${parquet}' (FORMAT parquet, COMPRESSION zstd)`);
  console.log(`  Parquet: ${(fs.statSync(parquet).size / 1e6).toFixed(0)} MB in ${((performance.now() - t) / 1000).toFixed(0)} s`);
  return { csv, parquet };
}

async function bundleImporter() {
  const outDir = path.join(work, 'import');
  const native = ['better-sqlite3', '@duckdb/node-api'];
  const require = createRequire(import.meta.url);
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true, external: native },
    build: {
      ssr: path.resolve('scripts/bench-cost-import.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: native,
        output: { format: 'es', entryFileNames: '[name].mjs', paths: Object.fromEntries(native.map((m) => [m, require.resolve(m)])) },
      },
    },
  });
  return path.join(outDir, 'bench-cost-import.mjs');
}

/** Runs the import in a child; its RSS is also sampled from outside every 50 ms. */
function importInChild(bundle, file) {
  const dataDir = fs.mkdtempSync(path.join(work, 'data-'));
  const code = `import(${JSON.stringify(bundle)}).then((m) => m.run(${JSON.stringify(file)}, ${JSON.stringify(dataDir)}, ${JSON.stringify(TAG)})).then((r) => console.log(JSON.stringify(r)))`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', code], { stdio: ['ignore', 'pipe', 'inherit'] });
  let sampledPeak = 0;
  const timer = setInterval(() => {
    try {
      const kb = Number(/VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${child.pid}/status`, 'utf8'))?.[1] ?? 0);
      sampledPeak = Math.max(sampledPeak, kb * 1024);
    } catch {
      // The child has exited.
    }
  }, 50);
  let out = '';
  child.stdout.on('data', (d) => (out += d));
  return new Promise((resolve, reject) =>
    child.once('exit', (code) => {
      clearInterval(timer);
      fs.rmSync(dataDir, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`import child exited with ${code}`));
      resolve({ ...JSON.parse(out.trim().split('\n').at(-1)), sampledPeak });
    }),
  );
}

/** The same month-to-date breakdowns, straight from the file with DuckDB. */
async function reference(conn, file, from, to) {
  const source = file.endsWith('.parquet') ? `read_parquet('${file}')` : `read_csv('${file}', nullstr = 'NULL')`;
  const where = `CAST(ChargePeriodStart AS DATE) BETWEEN DATE '${from}' AND DATE '${to}'`;
  const out = {};
  for (const [name, key] of [
    ['service', 'ServiceName'],
    [`tag ${TAG}`, `json_extract_string(Tags, '$.${TAG}')`],
  ]) {
    const t = performance.now();
    const rows = (await conn.runAndReadAll(`SELECT ${key} AS key, sum(coalesce(EffectiveCost, 0)) AS cost FROM ${source} WHERE ${where} GROUP BY 1`)).getRowObjectsJson();
    out[name] = { ms: performance.now() - t, rows: rows.map((r) => ({ key: r.key ?? null, cost: Number(r.cost) })) };
  }
  return out;
}

/** A CSV is read whole for a breakdown: its rate is what DuckDB reaches on that file (Parquet skips row groups by their statistics). */
const readRate = (file, rows, ms) => (file.endsWith('.parquet') ? '' : ` (${Math.round(rows / (ms / 1000)).toLocaleString('en-US')} rows/s read)`);

function sameToTheCent(a, b) {
  const norm = (rows) => JSON.stringify(rows.map((r) => [r.key, cents(r.cost)]).sort((x, y) => String(x[0]).localeCompare(String(y[0]))));
  return norm(a) === norm(b);
}

// Without insertion order the writers stream; with it, DuckDB buffers the whole cross join.
const duck = await DuckDBInstance.create(':memory:', {
  threads: '2',
  memory_limit: '2GB',
  preserve_insertion_order: 'false',
  temp_directory: path.join(work, 'duck-tmp'),
});
const conn = await duck.connect();
try {
  console.log(`bench:cost — ${ROWS.toLocaleString('en-US')} FOCUS rows from ${path.basename(SAMPLE)}, ${os.cpus().length} cores`);
  console.log('generating:');
  const files = await generate(conn);
  const bundle = await bundleImporter();
  const results = [];
  for (const [format, file] of [
    ['CSV.gz', files.csv],
    ['Parquet', files.parquet],
  ]) {
    // Other work on the machine slows the import: the 1-minute load average goes with the figures.
    console.log(`\n${format} (${(fs.statSync(file).size / 1e6).toFixed(0)} MB), load average ${os.loadavg()[0].toFixed(2)}:`);
    const r = await importInChild(bundle, file);
    const rowsPerSecond = r.rows / (r.importMs / 1000);
    const peakMb = Math.max(r.peakRssBytes, r.sampledPeak) / 1e6;
    console.log(`  import: ${r.rows.toLocaleString('en-US')} rows in ${(r.importMs / 1000).toFixed(1)} s = ${Math.round(rowsPerSecond).toLocaleString('en-US')} rows/s  [${verdict(rowsPerSecond >= TARGET.rowsPerSecond)} ≥ ${TARGET.rowsPerSecond.toLocaleString('en-US')}]`);
    console.log(`  peak RSS of the importing process: ${peakMb.toFixed(0)} MB  [${verdict(peakMb < TARGET.peakRssMb)} < ${TARGET.peakRssMb}]`);
    const ref = await reference(conn, file, r.from, r.to);
    for (const [name, b] of Object.entries(r.breakdowns)) {
      const ms = median(b.ms);
      const match = sameToTheCent(b.rows, ref[name].rows);
      console.log(
        `  month to date (${r.from}..${r.to}) by ${name}: ${ms.toFixed(0)} ms median of ${b.ms.length}  [${verdict(ms < TARGET.breakdownMs)} < ${TARGET.breakdownMs}]; ` +
          `DuckDB on the file: ${ref[name].ms.toFixed(0)} ms${readRate(file, r.rows, ref[name].ms)}; totals ${match ? 'match' : 'DIFFER'} to the cent (${b.rows.length} groups, ${b.total.toFixed(2)})`,
      );
      results.push(match);
    }
  }
  if (results.includes(false)) process.exitCode = 1;
} finally {
  conn.closeSync();
  duck.closeSync();
  if (keep) console.log(`kept ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
}
