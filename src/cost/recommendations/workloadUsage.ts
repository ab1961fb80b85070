import type { WorkloadHour } from '../allocation/allocationStore';
import { HOUR_MS } from '../allocation/allocationStore';

/** One workload's last days: its hours with usage, and what it requests and costs now. */
export interface WorkloadUsage {
  context: string;
  namespace: string;
  workload: string;
  /** Per-pod mean usage of each hour that has usage (cores, GiB). */
  cpuHourly: number[];
  ramHourly: number[];
  /** Hours of usage samples in the range. */
  measuredHours: number;
  /** Per-pod request and pod count in the latest hour. */
  cpuRequest: number;
  ramRequest: number;
  replicas: number;
  /** Resource-hours allocated over the range. */
  cpuAlloc: number;
  ramAlloc: number;
  gpu: number;
}

/** Nearest-rank percentile (p in 0..100) of a non-empty list. */
export function percentile(values: readonly number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1]!;
}

/** Folds the store's hour rows (ordered by workload, then hour) into one entry per workload. */
export function workloadUsage(hours: readonly WorkloadHour[]): WorkloadUsage[] {
  const out: WorkloadUsage[] = [];
  let current: WorkloadUsage | null = null;
  for (const h of hours) {
    if (!current || current.context !== h.context || current.namespace !== h.namespace || current.workload !== h.workload) {
      current = {
        context: h.context,
        namespace: h.namespace,
        workload: h.workload,
        cpuHourly: [],
        ramHourly: [],
        measuredHours: 0,
        cpuRequest: 0,
        ramRequest: 0,
        replicas: 0,
        cpuAlloc: 0,
        ramAlloc: 0,
        gpu: 0,
      };
      out.push(current);
    }
    if (h.usedMs > 0) {
      current.cpuHourly.push(h.cpuUsage);
      current.ramHourly.push(h.ramUsage);
      current.measuredHours += h.usedMs / HOUR_MS / Math.max(1, h.pods);
    }
    current.cpuRequest = h.cpuRequest;
    current.ramRequest = h.ramRequest;
    current.replicas = h.pods;
    current.cpuAlloc += h.cpuAlloc;
    current.ramAlloc += h.ramAlloc;
    current.gpu += h.gpu;
  }
  return out;
}
