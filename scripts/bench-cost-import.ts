// The child of bench-cost.mjs: imports one FOCUS file through Opsdeck's billing engine into a fresh
// data directory, then times month-to-date breakdowns by service and by tag. Prints one JSON line;
// its own peak RSS (VmHWM) comes last, read after everything ran.
import fs from 'node:fs';
import { BillingEngine } from '../src/cost/billing/billingEngine';
import { monthStart } from '../src/cost/billing/days';
import { openDatabase } from '../src/store/database';
import { KeyValueStore } from '../src/store/keyValue';

const BREAKDOWN_RUNS = 5;

const peakRssBytes = () => Number(/VmHWM:\s+(\d+) kB/.exec(fs.readFileSync('/proc/self/status', 'utf8'))![1]) * 1024;

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = performance.now();
  const value = await fn();
  return { ms: performance.now() - start, value };
}

export async function run(file: string, dataDir: string, tagKey: string) {
  const db = openDatabase(dataDir);
  const engine = await BillingEngine.open({
    dataDir,
    db,
    kv: new KeyValueStore(db),
    onChange: () => undefined,
    onProgress: (p) => process.stderr.write(`\r  ${p.phase} ${p.percent === null ? '' : `${p.percent.toFixed(0)}%`} ${p.rowsDone ?? ''}   `),
    log: (m) => process.stderr.write(`${m}\n`),
  });
  const imported = await timed(() => engine.import(file));
  process.stderr.write('\n');
  const { lastDay } = await engine.queries.extent();
  const q = { from: monthStart(lastDay!), to: lastDay!, metric: 'effective' as const };
  const breakdowns: Record<string, { ms: number[]; total: number; rows: { key: string | null; cost: number }[] }> = {};
  for (const [name, slice] of [
    ['service', { dimension: 'service' as const }],
    [`tag ${tagKey}`, { dimension: 'tag' as const, tagKey }],
  ] as const) {
    const ms: number[] = [];
    let last;
    for (let i = 0; i < BREAKDOWN_RUNS; i++) {
      const t = await timed(() => engine.queries.breakdown({ ...q, ...slice }));
      ms.push(t.ms);
      last = t.value;
    }
    breakdowns[name] = { ms, total: last!.total, rows: last!.rows.map((r) => ({ key: r.key, cost: r.cost })) };
  }
  await engine.close();
  db.close();
  return { rows: imported.value.import.rows, importMs: imported.ms, from: q.from, to: q.to, breakdowns, peakRssBytes: peakRssBytes() };
}
