/**
 * Runs the controllers off the store's change stream. Work is queued per object and run on the
 * next turn of the event loop (as real controllers act after the write that caused them), and
 * `idle()` resolves once nothing is left to do. Writes made by a bulk seed or a churn are not
 * acted on (they are consistent already, and benchmarks should measure the store alone).
 */
import type { Operations } from '../api/operations';
import { isPlainObject } from '../json';
import { resourceNamed } from '../resources';
import type { Change } from '../store/changeLog';
import type { Clock } from '../time';
import type { K8sObject } from '../types';
import { ControllerContext } from './context';
import { reconcileDaemonSet } from './daemonsets';
import { reconcileDeployment } from './deployments';
import { runPendingPod } from './kubelet';
import { reconcileReplicaSet } from './replicasets';
import { reconcileStatefulSet } from './statefulsets';

export interface ControllerOptions {
  /** Deployments roll out through ReplicaSets (default true). */
  deployments?: boolean;
  /** ReplicaSets keep their pods (default true). */
  replicaSets?: boolean;
  statefulSets?: boolean;
  daemonSets?: boolean;
  /** Pods that clients create (Pending) get a node and start running and ready (default true). Pods the test creates keep their status. */
  kubelet?: boolean;
}

type Reconcile = (ctx: ControllerContext, namespace: string, name: string) => void;

const ids = {
  deployments: resourceNamed('deployments').id,
  replicasets: resourceNamed('replicasets').id,
  statefulsets: resourceNamed('statefulsets').id,
  daemonsets: resourceNamed('daemonsets').id,
  pods: resourceNamed('pods').id,
  nodes: resourceNamed('nodes').id,
};

/** Past this many runs for one object in one busy spell, a controller is taken to be looping and stops. */
const MAX_RUNS_PER_OBJECT = 200;

export class ControllerManager {
  readonly ctx: ControllerContext;
  private queue = new Map<string, () => void>();
  private runs = new Map<string, number>();
  private timer: NodeJS.Immediate | undefined;
  private waiters: Array<() => void> = [];
  private unsubscribe: (() => void) | undefined;
  private readonly on: Required<ControllerOptions>;

  constructor(ops: Operations, clock: Clock, options: ControllerOptions = {}) {
    this.ctx = new ControllerContext(ops, clock);
    this.on = { deployments: true, replicaSets: true, statefulSets: true, daemonSets: true, kubelet: true, ...options };
  }

  start(): void {
    this.unsubscribe ??= this.ctx.store.subscribe((c) => this.onChange(c));
  }

  stop(): void {
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    if (this.timer) clearImmediate(this.timer);
    this.timer = undefined;
    this.queue.clear();
    this.release();
  }

  /** Resolves when no controller work is queued. */
  idle(): Promise<void> {
    if (this.queue.size === 0) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private onChange(change: Change): void {
    if (change.origin === 'seed' || change.origin === 'churn') return;
    const { object, type } = change;
    const ns = object.metadata.namespace ?? '';
    const name = object.metadata.name ?? '';
    switch (change.resource.id) {
      case ids.deployments:
        if (this.on.deployments && type !== 'DELETED') this.enqueue('deploy', ns, name, reconcileDeployment);
        break;
      case ids.replicasets:
        if (this.on.replicaSets && type !== 'DELETED') this.enqueue('rs', ns, name, reconcileReplicaSet);
        if (this.on.deployments) this.enqueueOwner(object, 'Deployment', 'deploy', reconcileDeployment);
        break;
      case ids.statefulsets:
        if (this.on.statefulSets && type !== 'DELETED') this.enqueue('sts', ns, name, reconcileStatefulSet);
        break;
      case ids.daemonsets:
        if (this.on.daemonSets && type !== 'DELETED') this.enqueue('ds', ns, name, reconcileDaemonSet);
        break;
      case ids.pods:
        if (this.on.replicaSets) this.enqueueOwner(object, 'ReplicaSet', 'rs', reconcileReplicaSet);
        if (this.on.statefulSets) this.enqueueOwner(object, 'StatefulSet', 'sts', reconcileStatefulSet);
        if (this.on.kubelet && change.origin === 'api' && type === 'ADDED' && isPlainObject(object.status) && object.status.phase === 'Pending') {
          this.enqueue('kubelet', ns, name, runPendingPod);
        }
        break;
      case ids.nodes:
        if (this.on.daemonSets && type !== 'MODIFIED') {
          for (const ds of this.ctx.store.objects(resourceNamed('daemonsets'))) {
            this.enqueue('ds', ds.metadata.namespace ?? '', ds.metadata.name ?? '', reconcileDaemonSet);
          }
        }
        break;
      default:
        break;
    }
  }

  private enqueueOwner(obj: K8sObject, kind: string, tag: string, fn: Reconcile): void {
    const ref = obj.metadata.ownerReferences?.find((r) => r.controller && r.kind === kind);
    if (ref) this.enqueue(tag, obj.metadata.namespace ?? '', ref.name, fn);
  }

  private enqueue(tag: string, namespace: string, name: string, fn: Reconcile): void {
    const id = `${tag}:${namespace}/${name}`;
    if (!this.queue.has(id)) this.queue.set(id, () => fn(this.ctx, namespace, name));
    this.timer ??= setImmediate(() => this.flush());
  }

  private flush(): void {
    this.timer = undefined;
    const batch = [...this.queue];
    this.queue.clear();
    for (const [id, run] of batch) {
      const n = (this.runs.get(id) ?? 0) + 1;
      this.runs.set(id, n);
      if (n > MAX_RUNS_PER_OBJECT) {
        if (n === MAX_RUNS_PER_OBJECT + 1) console.error(`test API server: controller work for ${id} keeps repeating; stopped`);
        continue;
      }
      try {
        run();
      } catch (err) {
        console.error(`test API server: controller work for ${id} failed:`, err);
      }
    }
    if (this.queue.size === 0) this.release();
  }

  private release(): void {
    this.runs.clear();
    for (const resolve of this.waiters.splice(0)) resolve();
  }
}
