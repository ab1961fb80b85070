import type { HostSample } from '../../contract';
import type { SeriesSample } from './alertState';

/** The host collector's metrics that host rules can compare, as series (per mount for disks). */
export const HOST_METRICS: Record<string, (s: HostSample) => SeriesSample[]> = {
  opsdeck_host_cpu_used_percent: (s) => [{ metric: {}, value: s.cpu.totalPct }],
  opsdeck_host_memory_used_percent: (s) => [{ metric: {}, value: (s.memory.usedBytes / s.memory.totalBytes) * 100 }],
  opsdeck_host_disk_used_percent: (s) =>
    s.disks.map((d) => ({ metric: { mount: d.mount, device: d.device, fstype: d.fsType }, value: (d.usedBytes / d.totalBytes) * 100 })),
  opsdeck_host_load1: (s) => [{ metric: {}, value: s.load[0] }],
};

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

/** A host rule's expression: one host metric, an operator and a number (opsdeck_host_cpu_used_percent > 90). */
export function parseThreshold(expr: string): HostThreshold {
  const match = THRESHOLD.exec(expr);
  if (!match) throw new Error(`host rules compare one metric with a number, e.g. opsdeck_host_cpu_used_percent > 90; got "${expr}"`);
  const [, metric, op, value] = match as unknown as [string, string, HostThreshold['op'], string];
  if (!Object.hasOwn(HOST_METRICS, metric)) throw new Error(`unknown host metric "${metric}": use one of ${Object.keys(HOST_METRICS).join(', ')}`);
  return { metric, op, value: Number(value) };
}

/** The series of a host sample for which the threshold holds, named as in PromQL. */
export function thresholdSamples(t: HostThreshold, sample: HostSample): SeriesSample[] {
  return HOST_METRICS[t.metric]!(sample)
    .filter((s) => COMPARE[t.op](s.value, t.value))
    .map((s) => ({ metric: { __name__: t.metric, ...s.metric }, value: s.value }));
}
