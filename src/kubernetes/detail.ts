import { stringify } from 'yaml';
import { OpsdeckError } from '../contract/errors';
import type { K8sCondition, K8sContainerInfo, K8sDetailKind, K8sEventRow, K8sObjectDetail } from '../contract/types';
import { actionError } from './actions';
import type { EventProjection } from './kinds/events';
import { KIND_SPECS, objectPath } from './kinds/registry';
import { countAt, labelsAt, listAt, metaOf, objectAt, stringAt, timeAt, type Json } from './kinds/read';
import { replicasOf } from './kinds/workload';
import type { KubeApi } from './kubeApi';
import type { ObjectCache } from './objectCache';
import { newestFirst } from './overview';
import { ownerChain } from './owners';

const MAX_EVENTS = 100;
const DETAIL_TIMEOUT_MS = 30_000;

export interface DetailTarget {
  kind: K8sDetailKind;
  namespace: string | null;
  name: string;
}

/** The object as `kubectl get -o yaml` shows it, without the field-ownership bookkeeping nobody reads. */
export function withoutManagedFields(object: Json): Json {
  const { managedFields: _dropped, ...metadata } = objectAt(object.metadata);
  return { ...object, metadata };
}

export function conditionsOf(object: Json): K8sCondition[] {
  return listAt(objectAt(object.status).conditions).map((raw) => {
    const c = objectAt(raw);
    return {
      type: stringAt(c.type) ?? '',
      status: stringAt(c.status) ?? '',
      reason: stringAt(c.reason) || null,
      message: stringAt(c.message) || null,
      lastTransitionTime: timeAt(c.lastTransitionTime),
    };
  });
}

/** A container's state in a few words: running, waiting: <reason>, terminated: <reason>. */
function stateText(state: Json): string {
  if (state.running !== undefined) return 'running';
  const terminated = objectAt(state.terminated);
  if (state.terminated !== undefined) return `terminated: ${stringAt(terminated.reason) || `exit code ${countAt(terminated.exitCode)}`}`;
  const reason = stringAt(objectAt(state.waiting).reason);
  return reason ? `waiting: ${reason}` : 'waiting';
}

/** A pod's init and regular containers with their status, in spec order. */
export function containersOf(pod: Json): K8sContainerInfo[] {
  const spec = objectAt(pod.spec);
  const status = objectAt(pod.status);
  const list = (containers: unknown, statuses: unknown, init: boolean) => {
    const byName = new Map(listAt(statuses).map((s) => [stringAt(objectAt(s).name), objectAt(s)]));
    return listAt(containers).map((raw): K8sContainerInfo => {
      const c = objectAt(raw);
      const name = stringAt(c.name) ?? '';
      const s = byName.get(name) ?? objectAt(undefined);
      const restarts = countAt(s.restartCount);
      return {
        name,
        image: stringAt(c.image) ?? '',
        init,
        ready: s.ready === true,
        restarts,
        state: stateText(objectAt(s.state)),
        hasPrevious: restarts > 0 || objectAt(s.lastState).terminated !== undefined,
      };
    });
  };
  return [...list(spec.initContainers, status.initContainerStatuses, true), ...list(spec.containers, status.containerStatuses, false)];
}

/** Events about one object from the events cache: by uid, or by kind, namespace and name when the reporter gave no uid. */
export function eventsAbout(events: ObjectCache<EventProjection>, kind: string, namespace: string | null, name: string, uid: string): K8sEventRow[] {
  const source = namespace ? events.inNamespace(namespace) : events.values();
  const found: K8sEventRow[] = [];
  for (const e of source) {
    const o = e.event.object;
    // The kubelet names a node by its name in place of its uid, as kubectl describe node allows for.
    const byUid = e.involvedUid === uid || (kind === 'Node' && o.kind === 'Node' && e.involvedUid === name);
    const same = e.involvedUid ? byUid : o.kind === kind && o.name === name && o.namespace === namespace;
    if (same) found.push(e.event);
  }
  return found.sort(newestFirst).slice(0, MAX_EVENTS);
}

/** One object read fresh from the API server, with what the cache knows about it. */
export async function readDetail(
  context: string,
  api: KubeApi,
  target: DetailTarget,
  events: ObjectCache<EventProjection>,
): Promise<K8sObjectDetail> {
  const { kind, name } = target;
  const namespaced = KIND_SPECS[kind].namespaced;
  if (namespaced && !target.namespace) throw new OpsdeckError('BAD_REQUEST', `${kind} live in a namespace: give the namespace of "${name}".`);
  const namespace = namespaced ? target.namespace : null;
  try {
    const session = await api.session();
    const signal = AbortSignal.timeout(DETAIL_TIMEOUT_MS);
    const object = objectAt(await session.getJson(objectPath(kind, namespace, name), signal));
    const meta = metaOf(object);
    const uid = meta?.uid ?? '';
    const owners = await ownerChain(object, (path) => session.getJson(path, signal));
    return {
      context,
      kind,
      namespace,
      name,
      uid,
      createdAt: meta?.createdAt ?? null,
      labels: { ...(meta?.labels ?? {}) },
      annotations: { ...labelsAt(objectAt(object.metadata).annotations) },
      yaml: stringify(withoutManagedFields(object)),
      conditions: conditionsOf(object),
      owners,
      events: eventsAbout(events, stringAt(object.kind) ?? '', namespace, name, uid),
      containers: kind === 'pods' ? containersOf(object) : [],
      // Read from the object itself: what the actions act on must be as fresh as the rest.
      ...(kind === 'deployments' || kind === 'statefulsets' ? { desiredReplicas: replicasOf(object.spec) } : {}),
      ...(kind === 'nodes' ? { unschedulable: objectAt(object.spec).unschedulable === true } : {}),
    };
  } catch (err) {
    throw actionError(err);
  }
}
