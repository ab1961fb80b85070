import type { PromData, PromPoint, PromSample, PromSeriesLabels } from '../../contract';
import { PROM_MAX_RESULT_SERIES } from '../../contract';
import type { RawResult, RawSample } from './client';
import { PromRequestError } from './requestError';

/** Prometheus's seconds (with a fraction) as epoch milliseconds. */
export const millis = (seconds: number) => Math.round(seconds * 1000);

/** Prometheus writes NaN, +Inf and -Inf as text; JSON has no number for them. */
export function finite(text: string): number | null {
  const value = Number(text);
  return Number.isFinite(value) ? value : null;
}

function sampleOf([ts, text]: RawSample): PromSample {
  return { ts: millis(ts), value: finite(text), text };
}

const pointOf = ([ts, text]: RawSample): PromPoint => [millis(ts), finite(text)];

/** Label values quoted as PromQL quotes them (Go's %q for the common cases). */
const quote = (value: string) => JSON.stringify(value);

/** name{a="1", b="2"}, labels sorted; {a="1"} for series without a name. */
export function seriesName(metric: Record<string, string>): string {
  const { __name__: name = '', ...labels } = metric;
  const pairs = Object.keys(labels)
    .sort()
    .map((k) => `${k}=${quote(labels[k]!)}`);
  return pairs.length || !name ? `${name}{${pairs.join(', ')}}` : name;
}

const labelsOf = (metric: Record<string, string> | undefined): PromSeriesLabels => {
  const m = metric ?? {};
  return { metric: m, name: seriesName(m) };
};

export interface Shaped {
  data: PromData;
  totalSeries: number;
  truncated: boolean;
}

/**
 * Prometheus's result as charts and tables use it: numbers instead of text, milliseconds,
 * at most PROM_MAX_RESULT_SERIES series. Native histogram samples carry no plain value and are left out.
 */
export function shapeResult(raw: RawResult, maxSeries = PROM_MAX_RESULT_SERIES): Shaped {
  switch (raw?.resultType) {
    case 'vector': {
      const rows = raw.result.filter((r) => r.value).slice(0, maxSeries);
      const series = rows.map((r) => ({ ...labelsOf(r.metric), sample: sampleOf(r.value!) }));
      return { data: { resultType: 'vector', series }, totalSeries: raw.result.length, truncated: raw.result.length > maxSeries };
    }
    case 'matrix': {
      const series = raw.result.slice(0, maxSeries).map((r) => ({ ...labelsOf(r.metric), points: (r.values ?? []).map(pointOf) }));
      return { data: { resultType: 'matrix', series }, totalSeries: raw.result.length, truncated: raw.result.length > maxSeries };
    }
    case 'scalar':
      return { data: { resultType: 'scalar', sample: sampleOf(raw.result) }, totalSeries: 0, truncated: false };
    case 'string':
      return { data: { resultType: 'string', ts: millis(raw.result[0]), value: raw.result[1] }, totalSeries: 0, truncated: false };
    default:
      throw new PromRequestError('protocol', `Unknown result type ${JSON.stringify((raw as { resultType?: unknown })?.resultType)} in the answer.`);
  }
}

/** At most `max` entries of a lookup, and whether there were more. */
export function capped<T>(items: T[] | null | undefined, max: number): { items: T[]; truncated: boolean } {
  const all = items ?? [];
  return { items: all.slice(0, max), truncated: all.length > max };
}
