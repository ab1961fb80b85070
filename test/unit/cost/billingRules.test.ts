import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { instanceRatesFrom } from '../../../src/cost/allocation/billingRates';
import { BillingDb } from '../../../src/cost/billing/billingDb';
import { spendWithoutUsage, topMovers } from '../../../src/cost/recommendations/billingRules';
import { tempDir } from '../../helpers/tempDir';

/** billing_rows as the importer writes them; only the columns these rules read are set. */
interface Row {
  day: string;
  cost: number;
  service?: string;
  resource?: string | null;
  consumed?: number;
  description?: string | null;
  unit?: string | null;
  quantity?: number;
  effective?: number;
}

async function insert(db: BillingDb, rows: Row[]): Promise<void> {
  for (const r of rows) {
    await db.writer.run(
      `INSERT INTO billing_rows (import_id, day, billed_cost, effective_cost, list_cost, currency, charge_category, provider, service, resource_id,
         charge_description, pricing_unit, pricing_quantity, consumed_quantity)
       VALUES (1, CAST($day AS DATE), $cost, $effective, $cost, 'USD', 'Usage', 'AWS', $service, $resource, $description, $unit, $quantity, $consumed)`,
      {
        day: r.day,
        cost: r.cost,
        effective: r.effective ?? r.cost,
        service: r.service ?? 'Amazon EC2',
        resource: r.resource ?? null,
        description: r.description ?? null,
        unit: r.unit ?? null,
        quantity: r.quantity ?? 0,
        consumed: r.consumed ?? 1,
      },
    );
  }
}

describe('billing recommendations (DuckDB)', () => {
  let db: BillingDb;
  beforeAll(async () => {
    db = await BillingDb.open(path.join(tempDir(), 'billing.duckdb'));
  });
  afterAll(() => db.close());

  it('finds the services that rose most week over week, anchored on the last day of data', async () => {
    await insert(db, [
      { day: '2024-09-10', cost: 10, service: 'Amazon S3' },
      { day: '2024-09-20', cost: 40, service: 'Amazon S3' },
      { day: '2024-09-10', cost: 50, service: 'Amazon RDS' },
      { day: '2024-09-20', cost: 20, service: 'Amazon RDS' },
      // Older than two weeks before the last day: not counted.
      { day: '2024-08-01', cost: 500, service: 'Amazon S3' },
    ]);
    const recs = await topMovers(db);
    expect(recs.map((r) => r.id)).toEqual(['cost.mover/AWS/Amazon S3']);
    expect(recs[0]!.evidence[0]).toBe('7 days to 2024-09-20: $40; the 7 days before: $10 (+300%)');
    expect(recs[0]!.effect.monthlySaving).toBeCloseTo(30 * (730 / 168), 6);
  });

  it('finds resources billed for usage with nothing consumed', async () => {
    await insert(db, [
      { day: '2024-09-19', cost: 7, resource: 'vol-idle', consumed: 0 },
      { day: '2024-09-19', cost: 7, resource: 'vol-used', consumed: 3 },
      { day: '2024-09-01', cost: 99, resource: 'vol-old', consumed: 0 },
    ]);
    const recs = await spendWithoutUsage(db);
    expect(recs.map((r) => r.id)).toEqual(['cost.unused-resource/vol-idle']);
    expect(recs[0]!.effect.monthlySaving).toBeCloseTo(7 * (730 / 168), 6);
  });

  it('prices instance types from instance-hour rows by their effective cost', async () => {
    await insert(db, [
      { day: '2024-09-18', cost: 0.34, effective: 0.3, description: '$0.34 per On Demand Linux c5.2xlarge Instance Hour', unit: 'Hours', quantity: 1 },
      { day: '2024-09-18', cost: 0.17, effective: 0.15, description: '$0.34 per On Demand Linux c5.2xlarge Instance Hour', unit: 'Hours', quantity: 0.5 },
      // Covered in full by a commitment: no rate from it.
      { day: '2024-09-18', cost: 0, effective: 0, description: '$0.0464 per On Demand Linux t2.medium Instance Hour', unit: 'Hours', quantity: 1 },
      { day: '2024-09-18', cost: 1, description: 'Data transfer', unit: 'GB', quantity: 10 },
    ]);
    const { rates, note } = await instanceRatesFrom(db);
    expect(note).toBeNull();
    expect(rates).toEqual([{ instanceType: 'c5.2xlarge', provider: 'AWS', hourly: expect.closeTo(0.3, 9), hours: 1.5 }]);
  });
});
