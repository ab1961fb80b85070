import type { CostInstanceRate } from '../../contract';

/** Reads imported billing rows (DuckDB, table billing_rows); rows come back as JSON-safe objects. */
export interface BillingQuery {
  query(sql: string): Promise<Record<string, unknown>[]>;
}

/**
 * Hourly prices per instance type from usage rows priced in hours whose description names an
 * instance type ("$0.34 per On Demand Linux c5.2xlarge Instance Hour", as AWS writes them):
 * EffectiveCost (FOCUS's cost for allocation: after discounts and amortized commitments) over
 * the hours. Types whose hours cost nothing (wholly covered elsewhere) are left to the table.
 */
export const INSTANCE_RATES_SQL = `
  SELECT instance_type AS "instanceType", provider, SUM(effective_cost) / SUM(pricing_quantity) AS hourly, SUM(pricing_quantity) AS hours
  FROM (
    SELECT regexp_extract(charge_description, '([a-z][a-z0-9-]*\\.[a-z0-9-]+) Instance Hour', 1) AS instance_type,
      coalesce(provider, '') AS provider, effective_cost, pricing_quantity
    FROM billing_rows
    WHERE charge_category = 'Usage' AND pricing_unit = 'Hours' AND pricing_quantity > 0
  )
  WHERE instance_type <> ''
  GROUP BY instance_type, provider
  HAVING SUM(effective_cost) > 0
  ORDER BY instance_type, provider`;

export const NO_BILLING_ROWS = 'No billing data is imported (Cost → Billing): nodes are priced by their capacity at the table prices.';

/** Whether any billing row is imported. */
export async function hasBillingRows(billing: BillingQuery): Promise<boolean> {
  return (await billing.query('SELECT 1 AS found FROM billing_rows LIMIT 1')).length > 0;
}

/** One rate per instance type: where providers share a type name, the one with the most hours. */
export async function instanceRatesFrom(billing: BillingQuery): Promise<{ rates: CostInstanceRate[]; note: string | null }> {
  if (!(await hasBillingRows(billing))) return { rates: [], note: NO_BILLING_ROWS };
  const rows = await billing.query(INSTANCE_RATES_SQL);
  const byType = new Map<string, CostInstanceRate>();
  for (const r of rows) {
    const rate = { instanceType: String(r.instanceType), provider: String(r.provider), hourly: Number(r.hourly), hours: Number(r.hours) };
    const seen = byType.get(rate.instanceType);
    if (!seen || rate.hours > seen.hours) byType.set(rate.instanceType, rate);
  }
  const rates = [...byType.values()];
  return { rates, note: rates.length > 0 ? null : 'The imported billing data has no instance-hour usage rows with a cost: nodes are priced by their capacity.' };
}
