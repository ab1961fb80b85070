import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import type { BillingImportProgress } from '../../src/contract';
import { BillingDb } from '../../src/cost/billing/billingDb';
import { BillingEngine } from '../../src/cost/billing/billingEngine';
import { BillingQueries } from '../../src/cost/billing/billingQueries';
import { scopeFilter } from '../../src/cost/budgets/budgetScope';
import { createCostBilling } from '../../src/cost/budgets/costWiring';
import { openDatabase } from '../../src/store/database';
import { KeyValueStore } from '../../src/store/keyValue';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';

const SAMPLE = path.resolve(__dirname, '../../../shared/data/focus/focus_sample.csv');

/** RFC 4180 records, written here so the expected totals do not come from the code under test. */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') record.push(field), (field = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      record.push(field);
      records.push(record);
      (field = ''), (record = []);
    } else field += c;
  }
  if (field !== '' || record.length > 0) records.push([...record, field]);
  return records;
}

/** EffectiveCost summed by a column, in integer nano-dollars (exact), NULL counting as 0. */
function expectedTotals(column: string): Map<string | null, number> {
  const [header, ...rows] = parseCsv(fs.readFileSync(SAMPLE, 'utf8'));
  const key = header!.indexOf(column);
  const cost = header!.indexOf('EffectiveCost');
  const totals = new Map<string | null, number>();
  for (const r of rows) {
    const k = r[key] === 'NULL' || r[key] === '' ? null : r[key]!;
    const v = r[cost] === 'NULL' ? 0 : Math.round(Number(r[cost]) * 1e9);
    totals.set(k, (totals.get(k) ?? 0) + v);
  }
  return totals;
}

const cents = (v: number) => Math.round(v * 100);

const engines: BillingEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.close();
});

async function openEngine(dataDir = tempDir()) {
  const db = openDatabase(dataDir);
  const progress: BillingImportProgress[] = [];
  const engine = await BillingEngine.open({
    dataDir,
    db,
    kv: new KeyValueStore(db),
    onChange: () => undefined,
    onProgress: (p) => progress.push(p),
    log: () => undefined,
    watchPollMs: 200,
  });
  engines.push(engine);
  return { engine, progress, dataDir };
}

async function expectTotalsMatch(engine: BillingEngine) {
  for (const [dimension, column] of [
    ['provider', 'ProviderName'],
    ['service', 'ServiceName'],
  ] as const) {
    const breakdown = await engine.queries.breakdown({ dimension, from: '2024-01-01', to: '2024-12-31', metric: 'effective' });
    const got = new Map(breakdown.rows.map((r) => [r.key, cents(r.cost)]));
    const want = new Map([...expectedTotals(column)].map(([k, v]) => [k, Math.round(v / 1e7)]));
    expect(got).toEqual(want);
  }
}

describe('FOCUS billing import', () => {
  it('imports the sample: totals by provider and by service match the file to the cent', async () => {
    const { engine } = await openEngine();
    const outcome = await engine.import(SAMPLE);
    expect(outcome.action).toBe('imported');
    expect(outcome.import).toMatchObject({ status: 'ok', rows: 1000, format: 'csv', firstDay: '2024-09-01', lastDay: '2024-09-30' });
    await expectTotalsMatch(engine);
    const byProvider = await engine.queries.breakdown({ dimension: 'provider', from: '2024-09-01', to: '2024-09-30', metric: 'effective' });
    expect(byProvider.rows.find((r) => r.key === 'AWS')).toMatchObject({ rows: 942 });
    expect(cents(byProvider.total)).toBe(1498);
  });

  it('does not double a file imported again, and replaces a new export at the same path', async () => {
    const { engine, dataDir } = await openEngine();
    const copy = path.join(dataDir, 'export.csv');
    fs.copyFileSync(SAMPLE, copy);
    // The first file of its size is hashed while its rows are read; the hash recorded is the file's.
    const first = await engine.import(copy);
    expect(first.import.sha256).toBe(createHash('sha256').update(fs.readFileSync(SAMPLE)).digest('hex'));
    expect((await engine.import(copy)).action).toBe('skipped');
    expect((await engine.import(SAMPLE)).action).toBe('skipped');
    expect((await engine.status()).rows).toBe(1000);

    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
    fs.writeFileSync(copy, lines.slice(0, 11).join('\n') + '\n');
    const replaced = await engine.import(copy);
    expect(replaced).toMatchObject({ action: 'replaced', import: { rows: 10 } });
    const status = await engine.status();
    expect(status.rows).toBe(10);
    expect(status.imports.filter((i) => i.status === 'ok')).toHaveLength(1);
  });

  it('reports a bad number with file and line and keeps none of the file', async () => {
    const { engine, dataDir } = await openEngine();
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
    lines[5] = lines[5]!.replace(/^NULL,[-0-9.]+,/, 'NULL,twelve,');
    const bad = path.join(dataDir, 'bad.csv');
    fs.writeFileSync(bad, lines.join('\n'));
    await expect(engine.import(bad)).rejects.toThrow(/bad\.csv: 1 bad row, nothing imported \(line 6, column BilledCost: .*twelve/);
    const status = await engine.status();
    expect(status.rows).toBe(0);
    expect(status.imports[0]).toMatchObject({ status: 'failed', problems: [{ line: 6, column: 'BilledCost' }] });
  });

  it('reports a bad date and a missing ChargePeriodStart by line', async () => {
    const { engine, dataDir } = await openEngine();
    const lines = fs.readFileSync(SAMPLE, 'utf8').split('\n');
    lines[3] = lines[3]!.replace(/"2024-09-\d\d \d\d:00:00","2024-09-\d\d \d\d:00:00",NULL,NULL/, '"2024-09-30 23:00:00",NULL,NULL,NULL');
    const bad = path.join(dataDir, 'nostart.csv');
    fs.writeFileSync(bad, lines.join('\n'));
    await expect(engine.import(bad)).rejects.toThrow(/nostart\.csv: 1 bad row, nothing imported \(line 4, column ChargePeriodStart/);

    lines[3] = lines[3]!.replace('"2024-09-30 23:00:00",NULL', '"2024-09-30 23:00:00","the 30th"');
    fs.writeFileSync(bad, lines.join('\n'));
    await expect(engine.import(bad)).rejects.toThrow(/line 4, column ChargePeriodStart/);
    expect((await engine.status()).rows).toBe(0);
  });

  it('refuses a file without a required FOCUS column', async () => {
    const { engine, dataDir } = await openEngine();
    const text = fs.readFileSync(SAMPLE, 'utf8').replace('"BilledCost"', '"Billed"');
    const file = path.join(dataDir, 'notfocus.csv');
    fs.writeFileSync(file, text);
    await expect(engine.import(file)).rejects.toThrow(/notfocus\.csv: not a FOCUS file, required column missing: BilledCost/);
  });

  it('reads CSV.gz and Parquet the same as CSV', async () => {
    const { engine, dataDir } = await openEngine();
    const gz = path.join(dataDir, 'sample.csv.gz');
    fs.writeFileSync(gz, zlib.gzipSync(fs.readFileSync(SAMPLE)));
    expect((await engine.import(gz)).import).toMatchObject({ format: 'csv.gz', rows: 1000 });
    await expectTotalsMatch(engine);

    const parquet = path.join(dataDir, 'sample.parquet');
    const duck = await DuckDBInstance.create(':memory:');
    const conn = await duck.connect();
    await conn.run(`COPY (SELECT * FROM read_csv('${SAMPLE}', nullstr = 'NULL')) TO '${parquet}' (FORMAT parquet)`);
    conn.closeSync();
    duck.closeSync();
    const second = await openEngine();
    expect((await second.engine.import(parquet)).import).toMatchObject({ format: 'parquet', rows: 1000 });
    await expectTotalsMatch(second.engine);
  });

  it('reports a Parquet value that is not a number by row and keeps none of the file', async () => {
    const { engine, dataDir } = await openEngine();
    const [header, , , , , fifth] = parseCsv(fs.readFileSync(SAMPLE, 'utf8'));
    const id = fifth![header!.indexOf('Id')];
    const parquet = path.join(dataDir, 'text-costs.parquet');
    const duck = await DuckDBInstance.create(':memory:');
    const conn = await duck.connect();
    // Costs written as text, as some exporters do; the fifth row's is not a number.
    await conn.run(
      `COPY (SELECT * REPLACE (CASE WHEN Id = '${id}' THEN 'n/a' ELSE BilledCost END AS BilledCost) FROM read_csv('${SAMPLE}', all_varchar = true))
       TO '${parquet}' (FORMAT parquet)`,
    );
    conn.closeSync();
    duck.closeSync();
    await expect(engine.import(parquet)).rejects.toThrow(/text-costs\.parquet: 1 bad row, nothing imported \(row 5, column BilledCost: BilledCost is not a number\)/);
    expect((await engine.status()).rows).toBe(0);
  });

  it('imports files dropped into the watched folder', async () => {
    const { engine, dataDir, progress } = await openEngine();
    engine.start();
    fs.copyFileSync(SAMPLE, path.join(dataDir, 'billing', 'drop.csv'));
    const status = await eventually(async () => {
      const s = await engine.status();
      expect(s.rows).toBe(1000);
      return s;
    });
    expect(status.imports[0]).toMatchObject({ origin: 'watch', status: 'ok' });
    expect(progress.at(-1)).toMatchObject({ phase: 'done', rowsDone: 1000 });
  });

  it('answers month to date, the previous period and a forecast from the daily run rate', async () => {
    const { engine } = await openEngine();
    await engine.import(SAMPLE);
    const period = await engine.queries.period('effective');
    expect(period).toMatchObject({ currency: 'USD', asOf: '2024-09-30', monthStart: '2024-09-01', previousFrom: '2024-08-01', previousTo: '2024-08-30' });
    expect(cents(period!.monthToDate)).toBe(1498);
    expect(period!.previousPeriodToDate).toBe(0);
    expect(period!.forecast).toMatchObject({ daysRemaining: 0, daysElapsed: 30 });
    expect(cents(period!.forecast!.value)).toBe(1498);
    const keys = await engine.queries.tagKeys('2024-09-01', '2024-09-30');
    expect(keys).toContain('environment');
    // The sample writes " org" for some rows: one key.
    expect(keys).toContain('org');
    expect(keys).not.toContain(' org');
    const byEnv = await engine.queries.breakdown({ dimension: 'tag', tagKey: 'environment', from: '2024-09-01', to: '2024-09-30', metric: 'effective' });
    expect(cents(byEnv.total)).toBe(1498);
  });

  it('reads times with offsets as UTC, finds tag keys of any characters, and skips Tags that are not a JSON object', async () => {
    const { engine, dataDir } = await openEngine();
    const file = path.join(dataDir, 'offsets.csv');
    const header = 'ChargePeriodStart,ChargePeriodEnd,BilledCost,EffectiveCost,BillingCurrency,ChargeCategory,ProviderName,ServiceName,Tags';
    const row = (start: string, cost: number, tags: string) =>
      `${start},${start},${cost},${cost},USD,Usage,Cloud,Compute,"${tags.replaceAll('"', '""')}"`;
    fs.writeFileSync(
      file,
      [
        header,
        row('2024-09-11T01:00:00+02:00', 1, '{"team $x.y": "a\\"b", "  env ": "prod"}'),
        row('2024-09-11 00:30:00Z', 2, '{"env": "dev", "kubernetes-namespace": "shop"}'),
        row('2024-09-11 00:00:00', 4, 'team=web'),
        row('2024-09-11 00:00:00', 8, '{"env": "qa", broken'),
      ].join('\n'),
    );
    await engine.import(file);
    // 01:00 at +02:00 is 23:00 the day before in UTC.
    expect(await engine.queries.extent()).toMatchObject({ rows: 4, firstDay: '2024-09-10', lastDay: '2024-09-11' });
    const span = { from: '2024-09-10', to: '2024-09-11', metric: 'effective' as const };
    const byEnv = await engine.queries.breakdown({ ...span, dimension: 'tag', tagKey: 'env' });
    expect(new Map(byEnv.rows.map((r) => [r.key, r.cost]))).toEqual(new Map([['prod', 1], ['dev', 2], [null, 12]]));
    const byTeam = await engine.queries.breakdown({ ...span, dimension: 'tag', tagKey: 'team $x.y' });
    expect(byTeam.rows.find((r) => r.cost === 1)?.key).toBe('a"b');
    expect(await engine.queries.tagKeys(span.from, span.to)).toEqual(['env', 'kubernetes-namespace', 'team $x.y']);
    const shop = await engine.queries.daily(span.from, span.to, 'effective', 'USD', scopeFilter({ kind: 'namespace', value: 'shop' }));
    expect(shop).toEqual([
      { day: '2024-09-10', cost: 0 },
      { day: '2024-09-11', cost: 2 },
    ]);
  });

  it('keeps the tags of a billing database that stored them as a map', async () => {
    const dataDir = tempDir();
    const duck = await DuckDBInstance.create(path.join(dataDir, 'billing.duckdb'));
    const conn = await duck.connect();
    await conn.run(`CREATE TABLE billing_rows (import_id INTEGER NOT NULL, day DATE, charge_period_start TIMESTAMP, charge_period_end TIMESTAMP,
      billed_cost DOUBLE NOT NULL, effective_cost DOUBLE NOT NULL, list_cost DOUBLE NOT NULL, currency VARCHAR, charge_category VARCHAR,
      provider VARCHAR, service VARCHAR, service_category VARCHAR, region VARCHAR, account_id VARCHAR, account_name VARCHAR, resource_id VARCHAR,
      tags MAP(VARCHAR, VARCHAR), charge_description VARCHAR, pricing_unit VARCHAR, pricing_quantity DOUBLE NOT NULL, consumed_quantity DOUBLE NOT NULL)`);
    await conn.run(`INSERT INTO billing_rows (import_id, day, billed_cost, effective_cost, list_cost, currency, tags, pricing_quantity, consumed_quantity)
      VALUES (1, DATE '2024-09-02', 5, 5, 5, 'USD', MAP {'team': 'web', 'env': 'prod'}, 0, 0)`);
    conn.closeSync();
    duck.closeSync();
    const billing = await BillingDb.open(path.join(dataDir, 'billing.duckdb'));
    try {
      const queries = new BillingQueries(billing);
      const byTeam = await queries.breakdown({ dimension: 'tag', tagKey: 'team', from: '2024-09-01', to: '2024-09-30', metric: 'effective' });
      expect(byTeam.rows.map((r) => [r.key, r.cost])).toEqual([['web', 5]]);
      expect(await queries.tagKeys('2024-09-01', '2024-09-30')).toEqual(['env', 'team']);
    } finally {
      await billing.close();
    }
  });

  it('leaves the rest of the app running when another process holds the billing database', async () => {
    const dataDir = tempDir();
    const holder = spawn(process.execPath, [
      '-e',
      `require(${JSON.stringify(require.resolve('@duckdb/node-api'))}).DuckDBInstance.create(${JSON.stringify(path.join(dataDir, 'billing.duckdb'))}).then(() => { console.log('held'); setInterval(() => {}, 1000); })`,
    ]);
    try {
      await new Promise<void>((resolve) => holder.stdout.once('data', () => resolve()));
      const db = openDatabase(dataDir);
      const sink = { fire: () => undefined, resolve: () => undefined };
      const cost = await createCostBilling({ db, kv: new KeyValueStore(db), dataDir, alerts: sink, onStatus: () => undefined, onProgress: () => undefined, log: () => undefined });
      expect(cost.billing).toBeUndefined();
      expect(() => cost.handlers['cost.status']({})).toThrow(/billing database .* cannot be opened: .*lock/);
      expect(await cost.handlers['cost.summary']({})).toMatchObject({ connected: false, hint: expect.stringMatching(/lock/) });
      db.close();
    } finally {
      holder.kill();
    }
  });
});
