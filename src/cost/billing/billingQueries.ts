import type { BreakdownRow, CostBreakdown, CostDimension, CostMetric, CostPeriod, CostQuery, CostTrend } from '../../contract';
import type { BillingDb, SqlParams } from './billingDb';
import { addDays, dayRange, daysInclusive, monthEnd, monthStart, shiftMonth } from './days';
import { TAG_KEYS_SQL, tagPath, tagValueSql } from './focusColumns';
import { runRateForecast } from './forecast';

/** A WHERE condition on billing_rows with its named parameters (names start with f_). */
export interface RowFilter {
  sql: string;
  params: SqlParams;
}

export interface SlicedQuery extends CostQuery {
  dimension: CostDimension;
  tagKey?: string;
}

const METRIC_COLUMN: Record<CostMetric, string> = { effective: 'effective_cost', billed: 'billed_cost', list: 'list_cost' };

const DIMENSION_SQL: Record<Exclude<CostDimension, 'tag'>, string> = {
  provider: 'provider',
  service: 'service',
  serviceCategory: 'service_category',
  account: "NULLIF(concat_ws(' · ', account_name, account_id), '')",
  region: 'region',
  chargeCategory: 'charge_category',
};

const dimensionSql = (q: SlicedQuery) => (q.dimension === 'tag' ? tagValueSql('$tagPath') : DIMENSION_SQL[q.dimension]);
const dimensionParams = (q: SlicedQuery): SqlParams => (q.dimension === 'tag' ? { tagPath: tagPath(q.tagKey ?? '') } : {});

/** The label a missing dimension value has in a trend. */
export const NOT_SET = '(not set)';
export const OTHER = 'Other';

/** Breakdowns, trends and periods over the billing rows, each in one currency. */
export class BillingQueries {
  constructor(private readonly db: BillingDb) {}

  /** The currency most rows are billed in: the one figures are shown in unless asked otherwise. */
  async mainCurrency(): Promise<string | null> {
    const rows = await this.db.query('SELECT currency FROM billing_rows WHERE currency IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC, 1 LIMIT 1');
    return rows[0] ? String(rows[0].currency) : null;
  }

  async currencies(): Promise<string[]> {
    const rows = await this.db.query('SELECT DISTINCT currency FROM billing_rows WHERE currency IS NOT NULL ORDER BY 1');
    return rows.map((r) => String(r.currency));
  }

  async extent(currency?: string): Promise<{ rows: number; firstDay: string | null; lastDay: string | null }> {
    const [r = {}] = await this.db.query(
      `SELECT count(*)::DOUBLE AS n, min(day)::VARCHAR AS first, max(day)::VARCHAR AS last FROM billing_rows ${currency ? 'WHERE currency = $currency' : ''}`,
      currency ? { currency } : undefined,
    );
    return { rows: Number(r.n), firstDay: (r.first as string | null) ?? null, lastDay: (r.last as string | null) ?? null };
  }

  async tagKeys(from: string, to: string): Promise<string[]> {
    const rows = await this.db.query(
      `SELECT DISTINCT unnest(${TAG_KEYS_SQL}) AS k FROM billing_rows WHERE day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) ORDER BY k LIMIT 1000`,
      { from, to },
    );
    return rows.map((r) => String(r.k)).filter((k) => k !== '');
  }

  private async currencyOf(q: { currency?: string }): Promise<string> {
    return q.currency ?? (await this.mainCurrency()) ?? 'USD';
  }

  async breakdown(q: SlicedQuery): Promise<CostBreakdown> {
    const currency = await this.currencyOf(q);
    const length = daysInclusive(q.from, q.to);
    const previousTo = addDays(q.from, -1);
    const previousFrom = addDays(previousTo, -(length - 1));
    const rows = await this.db.query(
      `SELECT key,
         coalesce(sum(cost) FILTER (WHERE day >= CAST($from AS DATE)), 0) AS cost,
         coalesce(sum(cost) FILTER (WHERE day < CAST($from AS DATE)), 0) AS previous,
         (count(*) FILTER (WHERE day >= CAST($from AS DATE)))::DOUBLE AS n
       FROM (SELECT ${dimensionSql(q)} AS key, day, ${METRIC_COLUMN[q.metric]} AS cost FROM billing_rows
             WHERE currency = $currency AND day BETWEEN CAST($previousFrom AS DATE) AND CAST($to AS DATE))
       GROUP BY key ORDER BY cost DESC, key`,
      { from: q.from, to: q.to, previousFrom, currency, ...dimensionParams(q) },
    );
    const list: BreakdownRow[] = rows.map((r) => ({
      key: (r.key as string | null) ?? null,
      cost: Number(r.cost),
      previous: Number(r.previous),
      rows: Number(r.n),
    }));
    return {
      dimension: q.dimension,
      tagKey: q.dimension === 'tag' ? (q.tagKey ?? null) : null,
      currency,
      from: q.from,
      to: q.to,
      previousFrom,
      previousTo,
      total: list.reduce((s, r) => s + r.cost, 0),
      previousTotal: list.reduce((s, r) => s + r.previous, 0),
      rows: list,
    };
  }

  async trend(q: SlicedQuery & { top: number }): Promise<CostTrend> {
    const currency = await this.currencyOf(q);
    const rows = await this.db.query(
      `WITH base AS (
         SELECT day, coalesce(${dimensionSql(q)}, '${NOT_SET}') AS key, ${METRIC_COLUMN[q.metric]} AS cost FROM billing_rows
         WHERE currency = $currency AND day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE)),
       top AS (SELECT key FROM base GROUP BY key ORDER BY sum(abs(cost)) DESC, key LIMIT ${q.top})
       SELECT day::VARCHAR AS day, CASE WHEN key IN (SELECT key FROM top) THEN key ELSE '${OTHER}' END AS key, sum(cost) AS cost
       FROM base GROUP BY ALL ORDER BY day`,
      { from: q.from, to: q.to, currency, ...dimensionParams(q) },
    );
    const totals = new Map<string, number>();
    const byDay = new Map<string, Record<string, number>>();
    for (const r of rows) {
      const key = String(r.key);
      const cost = Number(r.cost);
      totals.set(key, (totals.get(key) ?? 0) + Math.abs(cost));
      const values = byDay.get(String(r.day)) ?? {};
      values[key] = cost;
      byDay.set(String(r.day), values);
    }
    const keys = [...totals.keys()].sort((a, b) => (a === OTHER ? 1 : b === OTHER ? -1 : totals.get(b)! - totals.get(a)!));
    const days = dayRange(q.from, q.to).map((day) => {
      const values = byDay.get(day) ?? {};
      return { day, total: Object.values(values).reduce((s, v) => s + v, 0), values };
    });
    return { dimension: q.dimension, tagKey: q.dimension === 'tag' ? (q.tagKey ?? null) : null, currency, keys, days };
  }

  /** Cost per day over [from, to], every day present (0 without rows). */
  async daily(from: string, to: string, metric: CostMetric, currency: string, filter?: RowFilter): Promise<{ day: string; cost: number }[]> {
    const rows = await this.db.query(
      `SELECT day::VARCHAR AS day, sum(${METRIC_COLUMN[metric]}) AS cost FROM billing_rows
       WHERE currency = $currency AND day BETWEEN CAST($from AS DATE) AND CAST($to AS DATE) AND (${filter?.sql ?? 'TRUE'})
       GROUP BY day`,
      { from, to, currency, ...(filter?.params ?? {}) },
    );
    const byDay = new Map(rows.map((r) => [String(r.day), Number(r.cost)]));
    return dayRange(from, to).map((day) => ({ day, cost: byDay.get(day) ?? 0 }));
  }

  /**
   * The month of the latest billing day: its days so far, the same days of the month before, and the
   * month-end forecast from the days with data this month.
   */
  async period(metric: CostMetric, currency?: string): Promise<CostPeriod | null> {
    const cur = await this.currencyOf({ currency });
    const { firstDay, lastDay } = await this.extent(cur);
    if (!firstDay || !lastDay) return null;
    const start = monthStart(lastDay);
    const end = monthEnd(lastDay);
    const daily = await this.daily(start, lastDay, metric, cur);
    const previousFrom = shiftMonth(lastDay, -1);
    const previousEnd = monthEnd(previousFrom);
    const sameDay = addDays(previousFrom, daysInclusive(start, lastDay) - 1);
    const previousTo = sameDay < previousEnd ? sameDay : previousEnd;
    const previous = await this.daily(previousFrom, previousTo, metric, cur);
    const observed = daily.filter((d) => d.day >= firstDay);
    return {
      currency: cur,
      asOf: lastDay,
      monthStart: start,
      monthEnd: end,
      monthToDate: daily.reduce((s, d) => s + d.cost, 0),
      previousFrom,
      previousTo,
      previousPeriodToDate: previous.reduce((s, d) => s + d.cost, 0),
      forecast: runRateForecast(
        observed.map((d) => d.cost),
        daysInclusive(lastDay, end) - 1,
      ),
      daily,
    };
  }
}
