/** Delivery metrics per namespace of every connected cluster over 7 and 30 days. */
import type { DeliveryMetrics, NamespaceDeliveryMetrics } from '../contract/types';
import { objectAt, type Json } from '../kubernetes/kinds/read';
import type { KubeApi } from '../kubernetes/kubeApi';
import { listAll } from '../readiness/listAll';
import { windowMetrics, type FailedRollout, type RestoredIncident, type RolloutEvent } from './deliveryMath';
import { clusterHistory, COMMIT_TIME_ANNOTATION } from './rolloutEvents';

const DAY = 86_400_000;
const READ_TIMEOUT_MS = 30_000;

export interface DeliveryMetricsOptions {
  api(context: string): Promise<KubeApi>;
  connectedContexts(): Promise<string[]>;
  /** Incidents resolved since a time. */
  incidents(from: number): RestoredIncident[];
  now?: () => number;
}

function rowOf(context: string | null, namespace: string | null, now: number, rollouts: RolloutEvent[], failed: FailedRollout[], incidents: RestoredIncident[]): NamespaceDeliveryMetrics {
  return { context, namespace, windows: [windowMetrics(7, now, rollouts, failed, incidents), windowMetrics(30, now, rollouts, failed, incidents)] };
}

export class DeliveryMetricsEngine {
  private readonly now: () => number;

  constructor(private readonly options: DeliveryMetricsOptions) {
    this.now = options.now ?? Date.now;
  }

  async metrics(): Promise<DeliveryMetrics> {
    const now = this.now();
    const contexts = await this.options.connectedContexts();
    const errors: string[] = [];
    const rollouts: RolloutEvent[] = [];
    const failed: FailedRollout[] = [];
    await Promise.all(
      contexts.map(async (context) => {
        try {
          const s = await (await this.options.api(context)).session();
          const signal = AbortSignal.timeout(READ_TIMEOUT_MS);
          const [deployments, replicaSets] = await Promise.all([listAll(s, '/apis/apps/v1/deployments', signal), listAll(s, '/apis/apps/v1/replicasets', signal)]);
          const history = clusterHistory(context, deployments.map(objectAt) as Json[], replicaSets.map(objectAt) as Json[]);
          rollouts.push(...history.rollouts);
          failed.push(...history.failed);
        } catch (err) {
          errors.push(`${context}: ${(err as Error).message}`);
        }
      }),
    );
    const incidents = this.options.incidents(now - 30 * DAY);
    const rows: NamespaceDeliveryMetrics[] = [rowOf(null, null, now, rollouts, failed, incidents)];
    const since = now - 30 * DAY;
    const keys = new Map<string, { context: string; namespace: string }>();
    for (const e of [...rollouts, ...failed]) if (e.at > since) keys.set(`${e.context}\u0000${e.namespace}`, { context: e.context, namespace: e.namespace });
    const sorted = [...keys.values()].sort((a, b) => a.context.localeCompare(b.context) || a.namespace.localeCompare(b.namespace));
    for (const { context, namespace } of sorted) {
      const mine = <T extends { context: string; namespace: string }>(list: T[]) => list.filter((e) => e.context === context && e.namespace === namespace);
      rows.push(rowOf(context, namespace, now, mine(rollouts), mine(failed), incidents.filter((i) => i.namespace === namespace)));
    }
    return { computedAt: now, commitTimeAnnotation: COMMIT_TIME_ANNOTATION, rows, errors: errors.sort() };
  }
}
