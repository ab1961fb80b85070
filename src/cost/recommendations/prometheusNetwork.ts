import type { PodWorkload } from '../allocation/allocationStore';
import { queryConnected, type PrometheusReader } from '../allocation/prometheusQuery';

/** Bytes in and out of each pod over the last 7 days, from cAdvisor's counters (the kubelet's /metrics/cadvisor). */
export const POD_NETWORK_QUERY = `sum by (namespace, pod) (${(['receive', 'transmit'] as const)
  // Both directions keep their series apart (increase drops the metric name) until they are summed.
  .map((d) => `label_replace(increase(container_network_${d}_bytes_total{namespace!="", pod!=""}[7d]), "direction", "${d}", "", "")`)
  .join(' or ')})`;

export interface WorkloadNetworkReading {
  /** Bytes by "context/namespace/Kind/name"; null when no source has the metrics. */
  bytes: Map<string, number> | null;
  /** What the evidence says about network for a workload without a figure. */
  note: string;
}

/**
 * Each workload's network traffic over 7 days: the pods' cAdvisor counters from every connected
 * Prometheus source, added up per workload by the pods the allocation samples saw. A pod is matched
 * by namespace and name, the labels cAdvisor's series carry.
 */
export async function workloadNetwork(prometheus: PrometheusReader, pods: readonly PodWorkload[], at: number): Promise<WorkloadNetworkReading> {
  const { answers, failures, connected } = await queryConnected(prometheus, POD_NETWORK_QUERY, at);
  if (answers.length === 0) {
    const why =
      connected === 0
        ? 'no Prometheus source is connected (add one with cAdvisor metrics to judge network too)'
        : 'no connected Prometheus source has cAdvisor network metrics (container_network_*_bytes_total)';
    return { bytes: null, note: `Network not measured: ${why}${failures.length > 0 ? ` (${failures.join('; ')})` : ''}; idle is judged on CPU alone.` };
  }
  const byPod = new Map<string, number>();
  for (const { series } of answers) {
    for (const s of series) {
      const key = `${s.labels.namespace}/${s.labels.pod}`;
      byPod.set(key, (byPod.get(key) ?? 0) + s.value);
    }
  }
  const bytes = new Map<string, number>();
  for (const p of pods) {
    const value = byPod.get(`${p.namespace}/${p.pod}`);
    if (value === undefined) continue;
    const key = `${p.context}/${p.namespace}/${p.workload}`;
    bytes.set(key, (bytes.get(key) ?? 0) + value);
  }
  const names = answers.map((a) => a.source).join(', ');
  return { bytes, note: `Network not measured for these pods: ${names} has no cAdvisor series for them; idle is judged on CPU alone.` };
}
