import type { Usage } from '../../kubernetes/metrics';
import { queryConnected, type PrometheusReader } from './prometheusQuery';

/** What metrics-server reports, from the same cAdvisor series: CPU as the 5-minute rate, memory as the working set. */
export const POD_CPU_QUERY = 'sum by (namespace, pod) (rate(container_cpu_usage_seconds_total{container!="", container!="POD", pod!=""}[5m]))';
export const POD_MEMORY_QUERY = 'sum by (namespace, pod) (container_memory_working_set_bytes{container!="", container!="POD", pod!=""})';

/**
 * Pod usage by "namespace/name" from the first connected Prometheus source that has both cAdvisor
 * series, for clusters without metrics.k8s.io; null when none has them.
 */
export async function podUsageFromPrometheus(prometheus: PrometheusReader, at: number): Promise<ReadonlyMap<string, Usage> | null> {
  const [cpu, memory] = await Promise.all([queryConnected(prometheus, POD_CPU_QUERY, at), queryConnected(prometheus, POD_MEMORY_QUERY, at)]);
  for (const c of cpu.answers) {
    const m = memory.answers.find((a) => a.source === c.source);
    if (!m) continue;
    const bytes = new Map(m.series.map((s) => [`${s.labels.namespace}/${s.labels.pod}`, s.value]));
    const pods = new Map<string, Usage>();
    for (const s of c.series) {
      const key = `${s.labels.namespace}/${s.labels.pod}`;
      const memoryBytes = bytes.get(key);
      if (memoryBytes !== undefined) pods.set(key, { cpuMillis: s.value * 1000, memoryBytes });
    }
    return pods;
  }
  return null;
}
