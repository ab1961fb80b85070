/** Reads what the readiness rules need from one cluster, fresh from its API server. */
import type { ReadinessTuning, ReadinessWorkloadKind } from '../contract/types';
import { labelsAt, objectAt, stringAt, type Json } from '../kubernetes/kinds/read';
import type { KubeSession } from '../kubernetes/kubeApi';
import { listAll } from './listAll';
import type { NamespaceInput } from './scoring';
import { CRITICAL_MARK, workloadOf } from './workload';

const WORKLOAD_PATHS: [ReadinessWorkloadKind, string][] = [
  ['Deployment', '/apis/apps/v1/deployments'],
  ['StatefulSet', '/apis/apps/v1/statefulsets'],
  ['DaemonSet', '/apis/apps/v1/daemonsets'],
];

const namespaceOf = (raw: unknown): string => stringAt(objectAt(objectAt(raw).metadata).namespace) ?? '';

/** Every namespace's workloads, PodDisruptionBudgets, service accounts and tuning. */
export async function scanCluster(s: KubeSession, signal: AbortSignal, tuningOf: (namespace: string) => ReadinessTuning): Promise<NamespaceInput[]> {
  const [namespaces, budgets, accounts, ...workloadLists] = await Promise.all([
    listAll(s, '/api/v1/namespaces', signal),
    listAll(s, '/apis/policy/v1/poddisruptionbudgets', signal),
    listAll(s, '/api/v1/serviceaccounts', signal),
    ...WORKLOAD_PATHS.map(([, path]) => listAll(s, path, signal)),
  ]);
  const byName = new Map<string, NamespaceInput>();
  const input = (name: string): NamespaceInput => {
    let ns = byName.get(name);
    if (!ns) byName.set(name, (ns = { namespace: name, workloads: [], budgets: [], serviceAccounts: new Map(), tuning: tuningOf(name), critical: false }));
    return ns;
  };
  for (const raw of namespaces) {
    const meta = objectAt(objectAt(raw).metadata);
    const name = stringAt(meta.name);
    if (!name) continue;
    input(name).critical = labelsAt(meta.labels)[CRITICAL_MARK] === 'true' || labelsAt(meta.annotations)[CRITICAL_MARK] === 'true';
  }
  for (const b of budgets) input(namespaceOf(b)).budgets.push(objectAt(b) as Json);
  for (const a of accounts) {
    const name = stringAt(objectAt(objectAt(a).metadata).name);
    if (name) input(namespaceOf(a)).serviceAccounts.set(name, objectAt(a));
  }
  WORKLOAD_PATHS.forEach(([kind], i) => {
    for (const raw of workloadLists[i]!) {
      const w = workloadOf(kind, raw);
      if (w) input(w.namespace).workloads.push(w);
    }
  });
  return [...byName.values()].sort((a, b) => a.namespace.localeCompare(b.namespace));
}
