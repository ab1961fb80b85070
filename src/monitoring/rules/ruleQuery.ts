import type { PromClient, RawResult } from '../prometheus/client';
import { PromRequestError } from '../prometheus/requestError';
import type { SeriesSample } from './alertState';

/** Prometheus's number text: NaN, +Inf and -Inf included. */
function promFloat(text: string): number {
  if (text === '+Inf') return Infinity;
  if (text === '-Inf') return -Infinity;
  return Number(text);
}

/** The samples an alerting rule's expression returns at ts; a scalar counts as one series without labels, as in Prometheus. */
export async function ruleSamples(client: PromClient, expr: string, ts: number, timeoutMs: number): Promise<SeriesSample[]> {
  const { data } = await client.query(expr, ts, { timeoutMs });
  return samplesOf(data);
}

function samplesOf(raw: RawResult): SeriesSample[] {
  switch (raw?.resultType) {
    case 'vector':
      return raw.result.flatMap((r) => (r.value ? [{ metric: r.metric ?? {}, value: promFloat(r.value[1]) }] : []));
    case 'scalar':
      return [{ metric: {}, value: promFloat(raw.result[1]) }];
    default:
      throw new PromRequestError('protocol', `rule result is not a vector or scalar: ${String((raw as { resultType?: unknown })?.resultType)}`);
  }
}
