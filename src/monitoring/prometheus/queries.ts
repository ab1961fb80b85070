import type { ParsedInput, PromNames, PromQueryResult, PromRangeResult, PromSeriesList } from '../../contract';
import { OpsdeckError, PROM_MAX_LOOKUP, PROM_MAX_POINTS_PER_SERIES } from '../../contract';
import type { PromClient } from './client';
import { capped, shapeResult } from './results';

/** Refuses, before asking, a range Prometheus would refuse, naming the smallest step that fits. */
export function checkRange(start: number, end: number, stepMs: number): void {
  if (end < start) throw new OpsdeckError('BAD_REQUEST', 'The range ends before it starts: end must not be earlier than start.');
  const points = Math.floor((end - start) / stepMs) + 1;
  if (points <= PROM_MAX_POINTS_PER_SERIES) return;
  // The smallest step s with floor(range / s) + 1 <= the maximum.
  const minStep = Math.floor((end - start) / PROM_MAX_POINTS_PER_SERIES) + 1;
  throw new OpsdeckError(
    'BAD_REQUEST',
    `The range holds ${points.toLocaleString('en-US')} points per series; at most ${PROM_MAX_POINTS_PER_SERIES.toLocaleString('en-US')} are allowed. Use a step of at least ${minStep} ms for this range.`,
  );
}

export async function instantQuery(client: PromClient, input: ParsedInput<'prom.query'>): Promise<PromQueryResult> {
  const { data, warnings } = await client.query(input.query, input.time, { timeoutMs: input.timeoutMs });
  return { source: input.source, query: input.query, ...shapeResult(data), warnings };
}

export async function rangeQuery(client: PromClient, input: ParsedInput<'prom.queryRange'>): Promise<PromRangeResult> {
  const { query, start, end, stepMs } = input;
  checkRange(start, end, stepMs);
  const { data, warnings } = await client.queryRange(query, start, end, stepMs, { timeoutMs: input.timeoutMs });
  return { source: input.source, query, ...shapeResult(data), warnings, start, end, stepMs };
}

export async function seriesLookup(client: PromClient, input: ParsedInput<'prom.series'>): Promise<PromSeriesList> {
  const { data } = await client.series(input.match, input, { timeoutMs: input.timeoutMs });
  const { items, truncated } = capped(data, PROM_MAX_LOOKUP);
  return { series: items, truncated };
}

export async function labelNames(client: PromClient, input: ParsedInput<'prom.labels'>): Promise<PromNames> {
  const { data } = await client.labels(input.match, input, { timeoutMs: input.timeoutMs });
  const { items, truncated } = capped(data, PROM_MAX_LOOKUP);
  return { names: items, truncated };
}

export async function labelValues(client: PromClient, input: ParsedInput<'prom.labelValues'>): Promise<PromNames> {
  const { data } = await client.labelValues(input.label, input.match, input, { timeoutMs: input.timeoutMs });
  const { items, truncated } = capped(data, PROM_MAX_LOOKUP);
  return { names: items, truncated };
}
