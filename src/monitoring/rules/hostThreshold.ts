import type { SeriesSample } from './alertState';
import { SIGNAL_METRICS } from '../signals/signalRegistry';

const COMPARE = {
  '>': (a: number, b: number) => a > b,
  '>=': (a: number, b: number) => a >= b,
  '<': (a: number, b: number) => a < b,
  '<=': (a: number, b: number) => a <= b,
  '==': (a: number, b: number) => a === b,
  '!=': (a: number, b: number) => a !== b,
};

export interface HostThreshold {
  metric: string;
  op: keyof typeof COMPARE;
  value: number;
}

const THRESHOLD = /^\s*([a-zA-Z_:][a-zA-Z0-9_:]*)\s*(>=|<=|==|!=|>|<)\s*([-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?)\s*$/;

/** A host rule's expression: one of Opsdeck's signal metrics, an operator and a number (opsdeck_host_cpu_used_percent > 90). */
export function parseThreshold(expr: string): HostThreshold {
  const match = THRESHOLD.exec(expr);
  if (!match) throw new Error(`host rules compare one metric with a number, e.g. opsdeck_host_cpu_used_percent > 90; got "${expr}"`);
  const [, metric, op, value] = match as unknown as [string, string, HostThreshold['op'], string];
  if (!Object.hasOwn(SIGNAL_METRICS, metric)) throw new Error(`unknown host metric "${metric}": use one of ${Object.keys(SIGNAL_METRICS).join(', ')}`);
  return { metric, op, value: Number(value) };
}

/** The metric's series for which the threshold holds, named as in PromQL. */
export function thresholdSamples(t: HostThreshold, series: SeriesSample[]): SeriesSample[] {
  return series.filter((s) => COMPARE[t.op](s.value, t.value)).map((s) => ({ metric: { __name__: t.metric, ...s.metric }, value: s.value }));
}
