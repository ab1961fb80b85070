/** The parts of a Deployment, StatefulSet or DaemonSet the readiness rules read, taken off the wire. */
import type { ReadinessWorkloadKind } from '../contract/types';
import { labelsAt, listAt, objectAt, stringAt, type Json } from '../kubernetes/kinds/read';

/** A workload (or its whole namespace) labelled or annotated with this set to "true" is critical. */
export const CRITICAL_MARK = 'opsdeck.io/critical';

export interface Workload {
  kind: ReadinessWorkloadKind;
  namespace: string;
  name: string;
  labels: Readonly<Record<string, string>>;
  annotations: Readonly<Record<string, string>>;
  /** spec.replicas (default 1); null for a DaemonSet, which runs one pod per node. */
  replicas: number | null;
  /** The pod template's labels, which a PodDisruptionBudget selects. */
  podLabels: Readonly<Record<string, string>>;
  pod: Json;
  containers: Json[];
  initContainers: Json[];
}

/** What a rule may look at besides the workload itself. */
export interface RuleContext {
  critical: boolean;
  minReplicas: number;
  /** The namespace's PodDisruptionBudgets as selectors (matchLabels / matchExpressions). */
  budgets: readonly Json[];
  /** The namespace's service accounts by name. */
  serviceAccounts: ReadonlyMap<string, Json>;
}

export function workloadOf(kind: ReadinessWorkloadKind, raw: unknown): Workload | null {
  const meta = objectAt(objectAt(raw).metadata);
  const name = stringAt(meta.name);
  const namespace = stringAt(meta.namespace);
  if (!name || !namespace) return null;
  const spec = objectAt(objectAt(raw).spec);
  const template = objectAt(spec.template);
  const pod = objectAt(template.spec);
  const replicas = kind === 'DaemonSet' ? null : typeof spec.replicas === 'number' ? spec.replicas : 1;
  return {
    kind,
    namespace,
    name,
    labels: labelsAt(meta.labels),
    annotations: labelsAt(meta.annotations),
    replicas,
    podLabels: labelsAt(objectAt(template.metadata).labels),
    pod,
    containers: listAt(pod.containers).map(objectAt),
    initContainers: listAt(pod.initContainers).map(objectAt),
  };
}

/** Marked critical itself, or its namespace is. */
export function isCritical(w: Workload, namespaceCritical: boolean): boolean {
  return namespaceCritical || w.labels[CRITICAL_MARK] === 'true' || w.annotations[CRITICAL_MARK] === 'true';
}
