import type { Recommendation } from '../../contract';
import type { BillingQuery } from '../allocation/billingRates';
import { money, priorityOf } from './format';

/** Weeks are the last 7 days of billing data and the 7 before (exports arrive days late, so not the calendar). */
const WEEKS_SQL = `
  WITH anchor AS (SELECT MAX(day) AS last FROM billing_rows)
  SELECT provider, service, MAX(currency) AS currency,
    SUM(CASE WHEN day > last - 7 THEN billed_cost ELSE 0 END) AS "thisWeek",
    SUM(CASE WHEN day <= last - 7 THEN billed_cost ELSE 0 END) AS "lastWeek",
    CAST(MAX(last) AS VARCHAR) AS "lastDay"
  FROM billing_rows, anchor
  WHERE day > last - 14
  GROUP BY provider, service`;

/** Resources billed for usage in the last 7 days of data with no consumed quantity at all (only when the data carries quantities). */
const IDLE_SPEND_SQL = `
  WITH anchor AS (SELECT MAX(day) AS last FROM billing_rows),
  recent AS (SELECT * FROM billing_rows, anchor WHERE day > last - 7 AND charge_category = 'Usage')
  SELECT resource_id AS "resourceId", MAX(provider) AS provider, MAX(service) AS service, MAX(currency) AS currency,
    SUM(billed_cost) AS spend, COUNT(*) AS rows
  FROM recent
  WHERE resource_id IS NOT NULL AND EXISTS (SELECT 1 FROM recent WHERE consumed_quantity > 0)
  GROUP BY resource_id
  HAVING SUM(billed_cost) > 0 AND SUM(consumed_quantity) = 0
  ORDER BY spend DESC
  LIMIT @limit`;

/** Movers reported at most, and the smallest weekly rise worth one. */
const MAX_MOVERS = 5;
const MIN_RISE = 1;
const MAX_IDLE_RESOURCES = 10;
const WEEKS_PER_MONTH = 730 / 168;

/** The services whose cost rose most from the previous week to the last one. */
export async function topMovers(billing: BillingQuery): Promise<Recommendation[]> {
  const rows = await billing.query(WEEKS_SQL);
  return rows
    .map((r) => ({
      provider: String(r.provider ?? ''),
      service: String(r.service ?? ''),
      currency: String(r.currency ?? 'USD'),
      thisWeek: Number(r.thisWeek),
      lastWeek: Number(r.lastWeek),
      lastDay: String(r.lastDay),
    }))
    .filter((m) => m.thisWeek - m.lastWeek >= MIN_RISE)
    .sort((a, b) => b.thisWeek - b.lastWeek - (a.thisWeek - a.lastWeek))
    .slice(0, MAX_MOVERS)
    .map((m) => {
      const rise = m.thisWeek - m.lastWeek;
      const saving = rise * WEEKS_PER_MONTH;
      const change = m.lastWeek > 0 ? ` (+${((rise / m.lastWeek) * 100).toFixed(0)}%)` : ' (new)';
      return {
        id: `cost.mover/${m.provider}/${m.service}`,
        engine: 'cost',
        kind: 'billing-mover',
        title: `${m.service} (${m.provider}) cost rose ${money(rise, m.currency)} week over week`,
        reason: 'One of the largest rises in the billing data: worth checking that it is expected.',
        evidence: [
          `7 days to ${m.lastDay}: ${money(m.thisWeek, m.currency)}; the 7 days before: ${money(m.lastWeek, m.currency)}${change}`,
        ],
        effect: {
          monthlySaving: saving,
          currency: m.currency,
          text: `If the rise is not needed, going back saves about ${money(saving, m.currency)} a month.`,
        },
        priority: priorityOf(saving),
        link: { tab: 'cost' },
      } satisfies Recommendation;
    });
}

/** Resources that are billed for usage but report none consumed. */
export async function spendWithoutUsage(billing: BillingQuery): Promise<Recommendation[]> {
  const rows = await billing.query(IDLE_SPEND_SQL.replace('@limit', String(MAX_IDLE_RESOURCES)));
  return rows.map((r) => {
    const spend = Number(r.spend);
    const currency = String(r.currency ?? 'USD');
    const saving = spend * WEEKS_PER_MONTH;
    return {
      id: `cost.unused-resource/${String(r.resourceId)}`,
      engine: 'cost',
      kind: 'spend-without-usage',
      title: `${String(r.resourceId)} is billed but unused`,
      reason: 'Its usage charges in the last 7 days of billing data consumed nothing: it may be left over.',
      evidence: [`${String(r.service)} (${String(r.provider)}): ${money(spend, currency)} over ${String(r.rows)} usage rows, consumed quantity 0`],
      effect: { monthlySaving: saving, currency, text: `Removing it saves about ${money(saving, currency)} a month.` },
      priority: priorityOf(saving),
      link: { tab: 'cost' },
    } satisfies Recommendation;
  });
}
