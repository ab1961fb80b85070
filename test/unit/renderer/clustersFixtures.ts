import type {
  ChannelInput,
  K8sContextInfo,
  K8sContexts,
  K8sMetricsStatus,
  K8sObjectDetail,
  K8sObjectPage,
  K8sObjectRow,
  K8sOverview,
  K8sPodPage,
  K8sPodRow,
  K8sRolloutHistory,
} from '@contract';
import { ContractCallError } from '@contract/errors';
import { configure } from '@testing-library/react';
import type { Handlers } from './helpers/fakeClient';
import { k8sContext } from './helpers/fixtures';
import { NOW, renderApp } from './helpers/renderApp';

// Filters settle 300 ms after typing and views load lazily: on a busy machine the default
// one-second wait of waitFor/findBy is too short for a host answer after that.
configure({ asyncUtilTimeout: 5_000 });

export const contexts = (list: K8sContextInfo[], over: Partial<K8sContexts> = {}): K8sContexts => ({
  files: ['/home/ops/.kube/config'],
  found: ['/home/ops/.kube/config'],
  problems: [],
  currentContext: 'prod',
  contexts: list,
  ...over,
});

export const enabledProd = () => contexts([k8sContext({ enabled: true, state: 'connected', current: true })]);

export const NO_METRICS: K8sMetricsStatus = { available: false, note: 'metrics.k8s.io is not served by this cluster (404).', at: null };
export const METRICS: K8sMetricsStatus = { available: true, note: null, at: NOW };

export const overview = (over: Partial<K8sOverview> = {}): K8sOverview => ({
  context: 'prod',
  state: 'connected',
  kinds: [
    { kind: 'namespaces', state: 'synced', count: 2, message: null },
    { kind: 'nodes', state: 'forbidden', count: 0, message: 'nodes is forbidden: User "dev" cannot list resource "nodes"' },
    { kind: 'pods', state: 'synced', count: 5000, message: null },
    { kind: 'deployments', state: 'synced', count: 3, message: null },
  ],
  nodes: {
    total: 3,
    ready: 2,
    notReady: 1,
    unschedulable: 0,
    allocatableCpuMillis: 12_000,
    allocatableMemoryBytes: 48 * 1024 ** 3,
    requested: { cpuMillis: 6_000, memoryBytes: 12 * 1024 ** 3 },
    usage: null,
  },
  pods: { total: 5000, byPhase: { Pending: 12, Running: 4980, Succeeded: 0, Failed: 8, Unknown: 0 }, restarts: 37 },
  workloads: {
    total: 3,
    notAtDesired: 2,
    lagging: [
      { kind: 'deployments', namespace: 'shop', name: 'web', desired: 3, ready: 1 },
      { kind: 'daemonsets', namespace: 'kube-system', name: 'agent', desired: 3, ready: 2 },
    ],
  },
  namespaces: { total: 2 },
  warnings: [
    {
      type: 'Warning',
      reason: 'BackOff',
      message: 'Back-off restarting failed container web in pod web-1',
      count: 12,
      firstSeen: NOW - 600_000,
      lastSeen: NOW - 5_000,
      object: { kind: 'Pod', namespace: 'shop', name: 'web-1' },
      source: 'kubelet',
    },
  ],
  metrics: NO_METRICS,
  ...over,
});

export const pod = (i: number): K8sPodRow => ({
  namespace: i % 2 ? 'billing' : 'shop',
  name: `pod-${String(i).padStart(5, '0')}`,
  uid: `uid-${i}`,
  phase: 'Running',
  status: i === 3 ? 'CrashLoopBackOff' : 'Running',
  readyContainers: 1,
  containers: 1,
  restarts: i % 7,
  node: `node-${i % 3}`,
  createdAt: NOW - 3_600_000,
  cpuMillis: 10 + i,
  memoryBytes: 1024 ** 2 * (i + 1),
});

/** A host holding `count` pods that filters by namespace and text, sorts by name or restarts, and pages. */
export function podsHost(count: number, metrics = NO_METRICS) {
  const all = Array.from({ length: count }, (_, i) => pod(i));
  return (input: ChannelInput<'k8s.pods'>): K8sPodPage => {
    if (input.labelSelector === 'app in (web') {
      throw new ContractCallError('k8s.pods', { code: 'BAD_REQUEST', message: 'Label selector: expected "," or ")" at position 12, found the end' });
    }
    let rows = all.filter((p) => (!input.namespace || p.namespace === input.namespace) && (!input.text || p.name.includes(input.text)));
    if (input.sort === 'restarts') rows = [...rows].sort((a, b) => a.restarts - b.restarts || (a.name < b.name ? -1 : 1));
    if (input.dir === 'desc') rows = [...rows].reverse();
    const offset = input.offset ?? 0;
    const shown = rows.slice(offset, offset + (input.limit ?? 100)).map((r) => (metrics.available ? r : { ...r, cpuMillis: null, memoryBytes: null }));
    return { context: input.context, total: all.length, matched: rows.length, offset, rows: shown, synced: true, metrics };
  };
}

export const deploymentRow = (namespace: string, name: string, over: Partial<K8sObjectRow> = {}): K8sObjectRow => ({
  kind: 'deployments',
  namespace,
  name,
  uid: `uid-${namespace}-${name}`,
  createdAt: NOW - 86_400_000,
  status: '3/3',
  health: 'ok',
  cells: { upToDate: 3, available: 3, images: `registry.example/${name}:1.2` },
  desiredReplicas: 3,
  ...over,
});

export const DEPLOYMENT_COLUMNS = [
  { key: 'upToDate', label: 'UP-TO-DATE', numeric: true },
  { key: 'available', label: 'AVAILABLE', numeric: true },
  { key: 'images', label: 'IMAGES' },
];

/** A host answering k8s.objects from fixed rows per kind, filtering by text, namespace and problems. */
export function objectsHost(rowsByKind: Partial<Record<K8sObjectRow['kind'], K8sObjectRow[]>>, columns = DEPLOYMENT_COLUMNS) {
  return (input: ChannelInput<'k8s.objects'>): K8sObjectPage => {
    const all = rowsByKind[input.kind] ?? [];
    let rows = all.filter(
      (r) => (!input.text || r.name.includes(input.text)) && (!input.namespace || r.namespace === input.namespace) && (!input.problems || r.health === 'warning' || r.health === 'error'),
    );
    if (input.dir === 'desc') rows = [...rows].reverse();
    const offset = input.offset ?? 0;
    return {
      context: input.context,
      kind: input.kind,
      columns: input.kind === 'deployments' ? columns : [],
      total: all.length,
      matched: rows.length,
      offset,
      rows: rows.slice(offset, offset + (input.limit ?? 100)),
      synced: true,
      state: 'synced',
      message: null,
    };
  };
}

export const detail = (over: Partial<K8sObjectDetail> = {}): K8sObjectDetail => ({
  context: 'prod',
  kind: 'deployments',
  namespace: 'shop',
  name: 'web',
  uid: 'uid-shop-web',
  createdAt: NOW - 86_400_000,
  labels: { app: 'web', tier: 'frontend' },
  annotations: { 'deployment.kubernetes.io/revision': '2' },
  yaml: 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n  namespace: shop\n',
  conditions: [
    { type: 'Available', status: 'True', reason: 'MinimumReplicasAvailable', message: 'Deployment has minimum availability.', lastTransitionTime: NOW - 60_000 },
    { type: 'Progressing', status: 'True', reason: 'NewReplicaSetAvailable', message: 'ReplicaSet "web-6d4b" has successfully progressed.', lastTransitionTime: NOW - 60_000 },
  ],
  owners: [],
  events: [
    {
      type: 'Normal',
      reason: 'ScalingReplicaSet',
      message: 'Scaled up replica set web-6d4b to 3',
      count: 1,
      firstSeen: NOW - 60_000,
      lastSeen: NOW - 60_000,
      object: { kind: 'Deployment', namespace: 'shop', name: 'web' },
      source: 'deployment-controller',
    },
  ],
  containers: [],
  ...over,
});

export const podDetail = (over: Partial<K8sObjectDetail> = {}): K8sObjectDetail =>
  detail({
    kind: 'pods',
    name: 'web-6d4b-x1',
    uid: 'uid-pod',
    labels: { app: 'web' },
    annotations: {},
    conditions: [{ type: 'Ready', status: 'False', reason: 'ContainersNotReady', message: 'containers with unready status: [web]', lastTransitionTime: NOW - 30_000 }],
    owners: [
      { kind: 'ReplicaSet', name: 'web-6d4b', uid: 'rs-uid', found: true },
      { kind: 'Deployment', name: 'web', uid: 'uid-shop-web', found: true },
    ],
    events: [],
    containers: [
      { name: 'web', image: 'registry.example/web:1.2', init: false, ready: false, restarts: 4, state: 'waiting (CrashLoopBackOff)', hasPrevious: true },
      { name: 'sidecar', image: 'registry.example/proxy:2', init: false, ready: true, restarts: 0, state: 'running', hasPrevious: false },
    ],
    ...over,
  });

export const rolloutHistory = (current = 2): K8sRolloutHistory => ({
  context: 'prod',
  namespace: 'shop',
  name: 'web',
  revisions: [2, 1].map((revision) => ({
    revision,
    replicaSet: `web-rs${revision}`,
    changeCause: revision === 2 ? 'kubectl set image deployment/web web=registry.example/web:1.2' : null,
    images: [`registry.example/web:1.${revision}`],
    createdAt: NOW - revision * 3_600_000,
    replicas: revision === current ? 3 : 0,
    current: revision === current,
  })),
});

/** The Clusters tab at `#/clusters?<query>` on a host that answers everything the browser and its detail pane ask. */
export function renderClusterAt(query: string, over: Handlers = {}) {
  history.replaceState(null, '', `/#/clusters?${query}`);
  return renderApp({
    tab: 'clusters',
    handlers: {
      'k8s.contexts': enabledProd,
      'k8s.overview': () => overview(),
      'k8s.namespaces': () => [],
      'k8s.pods': podsHost(5),
      'k8s.objects': objectsHost({ deployments: [deploymentRow('shop', 'web')] }),
      'k8s.detail': ({ kind, name, namespace }) =>
        kind === 'pods'
          ? podDetail({ name })
          : detail({
              kind,
              name,
              namespace: namespace ?? null,
              ...(kind === 'deployments' || kind === 'statefulsets' ? { desiredReplicas: 3 } : {}),
              ...(kind === 'nodes' ? { unschedulable: false } : {}),
            }),
      'k8s.rolloutHistory': () => rolloutHistory(),
      'k8s.logs': () => ({ lines: ['one'], truncated: false }),
      'k8s.logs.stop': () => ({ stopped: true }),
      'k8s.action': (action) => ({ message: `done: ${action.action}`, auditId: 7 }),
      ...over,
    },
  });
}
