import { OpsdeckError, type SloSeriesPoint } from '../../contract';
import type { PromClient, RawResult } from '../prometheus/client';
import { finite, millis } from '../prometheus/results';

function oneSeries<T>(series: T[], query: string): T | null {
  if (series.length > 1) {
    throw new OpsdeckError('BAD_REQUEST', `${query} returns ${series.length} series; an SLO needs one: aggregate with sum(...).`);
  }
  return series[0] ?? null;
}

/** The value of an expression that yields one number; null without data. */
export async function instantValue(client: PromClient, query: string, timeMs: number, timeoutMs: number): Promise<number | null> {
  const { data } = await client.query(query, timeMs, { timeoutMs });
  return valueOf(data, query);
}

function valueOf(raw: RawResult, query: string): number | null {
  if (raw.resultType === 'scalar') return finite(raw.result[1]);
  if (raw.resultType !== 'vector') throw new OpsdeckError('BAD_REQUEST', `${query} returns a ${raw.resultType}, not a number.`);
  const row = oneSeries(raw.result, query);
  return row?.value ? finite(row.value[1]) : null;
}

/** The points of an expression that yields one series over a range; gaps are null. */
export async function rangeValues(client: PromClient, query: string, range: { start: number; end: number; stepMs: number }, timeoutMs: number): Promise<SloSeriesPoint[]> {
  const { data } = await client.queryRange(query, range.start, range.end, range.stepMs, { timeoutMs });
  if (data.resultType !== 'matrix') throw new OpsdeckError('BAD_REQUEST', `${query} returns a ${data.resultType} over a range.`);
  const series = oneSeries(data.result, query);
  return (series?.values ?? []).map(([ts, text]) => ({ ts: millis(ts), value: finite(text) }));
}
