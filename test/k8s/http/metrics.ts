/** metrics.k8s.io/v1beta1: NodeMetrics and PodMetrics (running pods) for `kubectl top`. */
import type { ServerResponse } from 'node:http';
import { ApiError } from '../errors';
import { isPlainObject } from '../json';
import { resourceNamed } from '../resources';
import { labelMatcher, parseLabelSelector } from '../selectors/labels';
import { containerNames } from '../store/clusterStore';
import { rfc3339 } from '../time';
import type { K8sObject } from '../types';
import type { ServerContext } from './context';
import { sendJson } from './respond';
import { METRICS_GROUP, METRICS_VERSION } from './route';

const API_VERSION = `${METRICS_GROUP}/${METRICS_VERSION}`;

export function handleMetrics(ctx: ServerContext, res: ServerResponse, resource: string, namespace: string | undefined, name: string | undefined, q: URLSearchParams): void {
  const now = rfc3339(ctx.store.clock());
  const match = labelMatcher(parseLabelSelector(q.get('labelSelector') ?? ''));
  const isNodes = resource === 'nodes';
  const rt = resourceNamed(isNodes ? 'nodes' : 'pods');
  const toMetrics = (o: K8sObject) => {
    const metadata = { name: o.metadata.name, ...(o.metadata.namespace ? { namespace: o.metadata.namespace } : {}), creationTimestamp: now, labels: o.metadata.labels ?? {} };
    if (isNodes) return { kind: 'NodeMetrics', apiVersion: API_VERSION, metadata, timestamp: now, window: '20.05s', usage: ctx.store.metrics.node(o.metadata.name ?? '') };
    const usage = ctx.store.metrics.pod(o.metadata.namespace ?? '', o.metadata.name ?? '', containerNames(o));
    return { kind: 'PodMetrics', apiVersion: API_VERSION, metadata, timestamp: now, window: '18.4s', containers: Object.entries(usage).map(([c, u]) => ({ name: c, usage: u })) };
  };
  const running = (o: K8sObject) => isNodes || (isPlainObject(o.status) && o.status.phase === 'Running');
  if (name !== undefined) {
    const obj = ctx.store.ops.find(rt, namespace, name);
    if (!obj || !running(obj)) {
      const kind = isNodes ? 'nodemetrics' : 'podmetrics';
      throw new ApiError(404, 'NotFound', `${kind}.${METRICS_GROUP} "${name}" not found`, { name, group: METRICS_GROUP, kind });
    }
    return sendJson(res, 200, toMetrics(obj));
  }
  const items = ctx.store.snapshots
    .readPage({ rt, namespace, snapshotRV: ctx.store.objects.resourceVersion, limit: 0, filter: (o) => running(o) && match(o.metadata.labels) })
    .items.map(toMetrics);
  sendJson(res, 200, { kind: isNodes ? 'NodeMetricsList' : 'PodMetricsList', apiVersion: API_VERSION, metadata: {}, items });
}
