import type { SloDefinition, SloSpec } from '../../contract';

/** Where a ratio SLO's expressions take their range. */
export const WINDOW_PLACEHOLDER = '$window';

/**
 * The bucket bound as Prometheus client libraries write le (0.3, 1, 2.5). Libraries that write
 * integers with a fraction (1.0) need a threshold that is not a whole number of seconds.
 */
export const leText = (seconds: number): string => String(seconds);

/** {selector, extra} as a PromQL label matcher list. */
export const matchers = (selector: string, extra?: string) => `{${[selector.trim(), extra].filter(Boolean).join(', ')}}`;

/** Good and total events over window (a Prometheus duration), as PromQL. */
export function sloExpressions(spec: SloSpec, window: string): { good: string; total: string } {
  if (spec.type === 'ratio') {
    return { good: spec.good.replaceAll(WINDOW_PLACEHOLDER, window), total: spec.total.replaceAll(WINDOW_PLACEHOLDER, window) };
  }
  return {
    good: `sum(rate(${spec.metric}_bucket${matchers(spec.selector, `le="${leText(spec.thresholdSeconds)}"`)}[${window}]))`,
    total: `sum(rate(${spec.metric}_count${matchers(spec.selector)}[${window}]))`,
  };
}

/** The SLI over window: good / total, 0..1. */
export function sliQuery(spec: SloSpec, window: string): string {
  const { good, total } = sloExpressions(spec, window);
  return `(${good}) / (${total})`;
}

/**
 * The fraction of events allowed to be bad, 1 - target/100, rounded to 12 significant digits so
 * 99.9 gives 0.001 rather than 0.0010000000000000009.
 */
export const allowedFraction = (target: number): number => Number(((100 - target) / 100).toPrecision(12));

/** The burn rate over window: how many times faster than allowed the budget is spent. */
export function burnRateQuery(definition: SloDefinition, window: string): string {
  return `(1 - ${sliQuery(definition.spec, window)}) / ${allowedFraction(definition.target)}`;
}

/** A latency SLO's quantile (0.95, 0.99) in seconds, from its histogram's buckets. */
export function quantileQuery(spec: Extract<SloSpec, { type: 'latency' }>, quantile: number, rateWindow: string): string {
  return `histogram_quantile(${quantile}, sum by (le) (rate(${spec.metric}_bucket${matchers(spec.selector)}[${rateWindow}])))`;
}
