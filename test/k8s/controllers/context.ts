/** What the controllers share: the operations, the clock, node placement and owned-object lookups. */
import type { Operations, WriteOptions } from '../api/operations';
import { isPlainObject } from '../json';
import { resourceNamed, type ResourceType } from '../resources';
import type { Clock } from '../time';
import type { K8sObject } from '../types';
import { podIP, type Placement } from './pods';

export const CONTROLLER_WRITE: WriteOptions = { origin: 'controller', trusted: true };
export const CONTROLLER_STATUS: WriteOptions = { origin: 'controller', trusted: true, subresource: 'status' };

export class ControllerContext {
  private placed = 0;
  private ips = 0;
  private seq = 0;

  constructor(
    readonly ops: Operations,
    readonly clock: Clock,
  ) {}

  get store() {
    return this.ops.store;
  }

  /** A counter for generated names: names are never reused within a run. */
  sequence(): number {
    return this.seq++;
  }

  /** Objects of a kind whose controller owner reference names `uid`. */
  owned(uid: string, rt: ResourceType): K8sObject[] {
    const out: K8sObject[] = [];
    for (const dep of this.store.dependentsOf(uid)) {
      if (dep.rt !== rt) continue;
      const obj = this.store.get(rt, dep.key);
      if (obj?.metadata.ownerReferences?.some((r) => r.uid === uid && r.controller)) out.push(obj);
    }
    return out.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  }

  /** The next node, round robin over the nodes that accept pods; none when the cluster has no nodes. */
  place(): Placement {
    const ip = podIP(++this.ips);
    const nodes = [...this.store.objects(resourceNamed('nodes'))].filter((n) => !(isPlainObject(n.spec) && n.spec.unschedulable));
    if (nodes.length === 0) return { podIP: ip };
    nodes.sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const node = nodes[this.placed++ % nodes.length] as K8sObject;
    return { nodeName: node.metadata.name, hostIP: nodeIP(node), podIP: ip };
  }

  /** Writes status only when it changed. */
  setStatus(rt: ResourceType, obj: K8sObject, status: Record<string, unknown>): void {
    this.ops.update(rt, obj.metadata.namespace, obj.metadata.name as string, { ...obj, status }, CONTROLLER_STATUS);
  }
}

export function nodeIP(node: K8sObject): string | undefined {
  const status = node.status;
  if (!isPlainObject(status) || !Array.isArray(status.addresses)) return undefined;
  const internal = status.addresses.find((a) => isPlainObject(a) && a.type === 'InternalIP');
  return isPlainObject(internal) ? (internal.address as string) : undefined;
}
