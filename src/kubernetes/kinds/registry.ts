import { K8S_CLUSTER_SCOPED, type K8sKind, type K8sObjectKind } from '../../contract/types';
import { projectCronJob, cronJobView, type CronJobProjection } from './cronjobs';
import { projectDaemonSet, daemonSetView, type DaemonSetProjection } from './daemonsets';
import { projectDeployment, deploymentView, type DeploymentProjection } from './deployments';
import { projectEvent, eventView, type EventProjection } from './events';
import { projectIngress, ingressView, type IngressProjection } from './ingresses';
import { projectJob, jobView, type JobProjection } from './jobs';
import { projectNamespace, namespaceView, type NamespaceProjection } from './namespaces';
import { projectNode, nodeView, type NodeProjection } from './nodes';
import type { ObjectView } from './objectProjection';
import { projectPod, type PodProjection } from './pods';
import { budgetView, projectBudget, type BudgetProjection } from './poddisruptionbudgets';
import type { Projected } from './projected';
import { projectReplicaSet, replicaSetView, type ReplicaSetProjection } from './replicasets';
import { projectServiceAccount, serviceAccountView, type ServiceAccountProjection } from './serviceaccounts';
import { projectService, serviceView, type ServiceProjection } from './services';
import { projectStatefulSet, statefulSetView, type StatefulSetProjection } from './statefulsets';
import { claimView, projectClaim, projectVolume, volumeView, type ClaimProjection, type VolumeProjection } from './volumes';

/** The compact form Opsdeck keeps of each kind. */
export interface Projections {
  namespaces: NamespaceProjection;
  nodes: NodeProjection;
  pods: PodProjection;
  deployments: DeploymentProjection;
  replicasets: ReplicaSetProjection;
  statefulsets: StatefulSetProjection;
  daemonsets: DaemonSetProjection;
  jobs: JobProjection;
  cronjobs: CronJobProjection;
  services: ServiceProjection;
  ingresses: IngressProjection;
  persistentvolumeclaims: ClaimProjection;
  persistentvolumes: VolumeProjection;
  poddisruptionbudgets: BudgetProjection;
  serviceaccounts: ServiceAccountProjection;
  events: EventProjection;
}

export interface KindSpec<T extends Projected> {
  kind: K8sKind;
  /** The group-version's root: /api/v1 or /apis/<group>/<version>. */
  api: string;
  namespaced: boolean;
  /** The cluster-wide collection, listed and watched. */
  path: string;
  project(raw: unknown): T | null;
}

function spec<K extends K8sKind>(kind: K, api: string, project: (raw: unknown) => Projections[K] | null): KindSpec<Projections[K]> {
  return { kind, api, namespaced: !K8S_CLUSTER_SCOPED.includes(kind), path: `${api}/${kind}`, project };
}

const CORE = '/api/v1';
const APPS = '/apis/apps/v1';
const BATCH = '/apis/batch/v1';

/** Adding a kind: its projection and view, an entry in both tables, and its name in K8S_KINDS. */
export const KIND_SPECS: { [K in K8sKind]: KindSpec<Projections[K]> } = {
  namespaces: spec('namespaces', CORE, projectNamespace),
  nodes: spec('nodes', CORE, projectNode),
  pods: spec('pods', CORE, projectPod),
  deployments: spec('deployments', APPS, projectDeployment),
  replicasets: spec('replicasets', APPS, projectReplicaSet),
  statefulsets: spec('statefulsets', APPS, projectStatefulSet),
  daemonsets: spec('daemonsets', APPS, projectDaemonSet),
  jobs: spec('jobs', BATCH, projectJob),
  cronjobs: spec('cronjobs', BATCH, projectCronJob),
  services: spec('services', CORE, projectService),
  ingresses: spec('ingresses', '/apis/networking.k8s.io/v1', projectIngress),
  persistentvolumeclaims: spec('persistentvolumeclaims', CORE, projectClaim),
  persistentvolumes: spec('persistentvolumes', CORE, projectVolume),
  poddisruptionbudgets: spec('poddisruptionbudgets', '/apis/policy/v1', projectBudget),
  serviceaccounts: spec('serviceaccounts', CORE, projectServiceAccount),
  events: spec('events', CORE, projectEvent),
};

export const OBJECT_VIEWS: { [K in K8sObjectKind]: ObjectView<Projections[K]> } = {
  nodes: nodeView,
  namespaces: namespaceView,
  deployments: deploymentView,
  replicasets: replicaSetView,
  statefulsets: statefulSetView,
  daemonsets: daemonSetView,
  jobs: jobView,
  cronjobs: cronJobView,
  services: serviceView,
  ingresses: ingressView,
  persistentvolumeclaims: claimView,
  persistentvolumes: volumeView,
  poddisruptionbudgets: budgetView,
  serviceaccounts: serviceAccountView,
  events: eventView,
};

/** The API path of one object of a kind. */
export function objectPath(kind: K8sKind, namespace: string | null, name: string): string {
  const { api, namespaced } = KIND_SPECS[kind];
  const ns = namespaced && namespace ? `/namespaces/${encodeURIComponent(namespace)}` : '';
  return `${api}${ns}/${kind}/${encodeURIComponent(name)}`;
}
