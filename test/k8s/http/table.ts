/** meta.k8s.io/v1 Tables, the server-side printing kubectl asks for when it prints for people. */
import { getPath, isPlainObject } from '../json';
import type { ResourceType } from '../resources';
import { formatLabelSelector } from '../selectors/labels';
import type { K8sObject, LabelSelector } from '../types';

interface Column {
  name: string;
  type: 'string' | 'integer' | 'date';
  format?: string;
  description: string;
  priority: number;
  cell: (o: K8sObject, now: number) => string | number;
}

export type IncludeObject = 'None' | 'Metadata' | 'Object';

/** Age as kubectl shows it: 45s, 5m30s, 45m, 3h20m, 20h, 12d, 2y. */
export function humanAge(created: string | undefined, now: number): string {
  if (!created) return '<unknown>';
  const s = Math.max(0, Math.floor((now - Date.parse(created)) / 1000));
  if (s < 120) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 10) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  if (m < 180) return `${m}m`;
  const h = Math.floor(m / 60);
  if (h < 8) return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
  if (h < 48) return `${h}h`;
  const d = Math.floor(h / 24);
  if (d < 365 * 2) return `${d}d`;
  return `${Math.floor(d / 365)}y`;
}

const str = (v: unknown, dflt = '<none>') => (v === undefined || v === null || v === '' ? dflt : String(v));
const num = (v: unknown) => (typeof v === 'number' ? v : 0);

const name: Column = { name: 'Name', type: 'string', format: 'name', description: 'Name must be unique within a namespace.', priority: 0, cell: (o) => o.metadata.name ?? '' };
const age: Column = { name: 'Age', type: 'string', description: 'CreationTimestamp is a timestamp representing the server time when this object was created.', priority: 0, cell: (o, now) => humanAge(o.metadata.creationTimestamp, now) };

function col(nameText: string, cell: Column['cell'], opts: Partial<Column> = {}): Column {
  return { name: nameText, type: 'string', description: nameText, priority: 0, cell, ...opts };
}

function containerStatuses(o: K8sObject): Array<Record<string, unknown>> {
  const cs = getPath(o, 'status.containerStatuses');
  return Array.isArray(cs) ? (cs.filter(isPlainObject) as Array<Record<string, unknown>>) : [];
}

function podStatus(o: K8sObject): string {
  if (o.metadata.deletionTimestamp) return 'Terminating';
  for (const c of containerStatuses(o)) {
    const waiting = getPath(c, 'state.waiting.reason');
    if (typeof waiting === 'string') return waiting;
  }
  return str(getPath(o, 'status.reason') ?? getPath(o, 'status.phase'), 'Unknown');
}

function containers(o: K8sObject, path: string): Array<Record<string, unknown>> {
  const cs = getPath(o, path);
  return Array.isArray(cs) ? (cs.filter(isPlainObject) as Array<Record<string, unknown>>) : [];
}

function nodeStatus(o: K8sObject): string {
  const conds = getPath(o, 'status.conditions');
  const ready = Array.isArray(conds) ? conds.find((c) => isPlainObject(c) && c.type === 'Ready') : undefined;
  let s = isPlainObject(ready) ? (ready.status === 'True' ? 'Ready' : 'NotReady') : 'Unknown';
  if (getPath(o, 'spec.unschedulable') === true) s += ',SchedulingDisabled';
  return s;
}

function nodeRoles(o: K8sObject): string {
  const roles = Object.keys(o.metadata.labels ?? {})
    .filter((k) => k.startsWith('node-role.kubernetes.io/'))
    .map((k) => k.slice('node-role.kubernetes.io/'.length));
  return roles.length ? roles.sort().join(',') : '<none>';
}

function servicePorts(o: K8sObject): string {
  const ports = getPath(o, 'spec.ports');
  if (!Array.isArray(ports) || ports.length === 0) return '<none>';
  return ports.map((p) => (isPlainObject(p) ? `${String(p.port)}${p.nodePort ? `:${String(p.nodePort)}` : ''}/${str(p.protocol, 'TCP')}` : '')).join(',');
}

const COLUMNS: Record<string, Column[]> = {
  pods: [
    name,
    col('Ready', (o) => `${containerStatuses(o).filter((c) => c.ready === true).length}/${containers(o, 'spec.containers').length}`),
    col('Status', podStatus),
    col('Restarts', (o) => containerStatuses(o).reduce((n, c) => n + num(c.restartCount), 0), { type: 'integer' }),
    age,
    col('IP', (o) => str(getPath(o, 'status.podIP')), { priority: 1 }),
    col('Node', (o) => str(getPath(o, 'spec.nodeName')), { priority: 1 }),
    col('Nominated Node', (o) => str(getPath(o, 'status.nominatedNodeName')), { priority: 1 }),
    col('Readiness Gates', () => '<none>', { priority: 1 }),
  ],
  'deployments.apps': [
    name,
    col('Ready', (o) => `${num(getPath(o, 'status.readyReplicas'))}/${num(getPath(o, 'spec.replicas'))}`),
    col('Up-to-date', (o) => num(getPath(o, 'status.updatedReplicas')), { type: 'integer' }),
    col('Available', (o) => num(getPath(o, 'status.availableReplicas')), { type: 'integer' }),
    age,
    col('Containers', (o) => containers(o, 'spec.template.spec.containers').map((c) => String(c.name)).join(','), { priority: 1 }),
    col('Images', (o) => containers(o, 'spec.template.spec.containers').map((c) => String(c.image)).join(','), { priority: 1 }),
    col('Selector', (o) => formatLabelSelector(getPath(o, 'spec.selector') as LabelSelector | undefined), { priority: 1 }),
  ],
  'replicasets.apps': [
    name,
    col('Desired', (o) => num(getPath(o, 'spec.replicas')), { type: 'integer' }),
    col('Current', (o) => num(getPath(o, 'status.replicas')), { type: 'integer' }),
    col('Ready', (o) => num(getPath(o, 'status.readyReplicas')), { type: 'integer' }),
    age,
  ],
  'statefulsets.apps': [name, col('Ready', (o) => `${num(getPath(o, 'status.readyReplicas'))}/${num(getPath(o, 'spec.replicas'))}`), age],
  nodes: [name, col('Status', nodeStatus), col('Roles', nodeRoles), age, col('Version', (o) => str(getPath(o, 'status.nodeInfo.kubeletVersion'), ''))],
  namespaces: [name, col('Status', (o) => str(getPath(o, 'status.phase'), 'Active')), age],
  services: [
    name,
    col('Type', (o) => str(getPath(o, 'spec.type'), 'ClusterIP')),
    col('Cluster-IP', (o) => str(getPath(o, 'spec.clusterIP'))),
    col('External-IP', () => '<none>'),
    col('Port(s)', servicePorts),
    age,
  ],
};

function columnsFor(rt: ResourceType): Column[] {
  return COLUMNS[rt.id] ?? [name, age];
}

function partial(o: K8sObject) {
  return { kind: 'PartialObjectMetadata', apiVersion: 'meta.k8s.io/v1', metadata: o.metadata };
}

export function toTable(rt: ResourceType, objects: K8sObject[], include: IncludeObject, listMeta: Record<string, unknown> = {}) {
  const columns = columnsFor(rt);
  const now = Date.now();
  return {
    kind: 'Table',
    apiVersion: 'meta.k8s.io/v1',
    metadata: listMeta,
    columnDefinitions: columns.map(({ cell: _cell, ...c }) => c),
    rows: objects.map((o) => ({
      cells: columns.map((c) => c.cell(o, now)),
      ...(include === 'None' ? {} : { object: include === 'Object' ? o : partial(o) }),
    })),
  };
}

export function includeObjectParam(value: string | null): IncludeObject {
  return value === 'None' || value === 'Object' ? value : 'Metadata';
}
