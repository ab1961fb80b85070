import type { K8sKind } from '../../contract/types';
import { projectDeployment, type DeploymentProjection } from './deployments';
import { projectNamespace, type NamespaceProjection } from './namespaces';
import { projectNode, type NodeProjection } from './nodes';
import { projectPod, type PodProjection } from './pods';
import type { Projected } from './projected';

/** The compact form Opsdeck keeps of each kind. */
export interface Projections {
  namespaces: NamespaceProjection;
  nodes: NodeProjection;
  pods: PodProjection;
  deployments: DeploymentProjection;
}

export interface KindSpec<T extends Projected> {
  kind: K8sKind;
  /** The cluster-wide collection, listed and watched. */
  path: string;
  project(raw: unknown): T | null;
}

/** Adding a kind: its projection, an entry here, and its name in K8S_KINDS. */
export const KIND_SPECS: { [K in K8sKind]: KindSpec<Projections[K]> } = {
  namespaces: { kind: 'namespaces', path: '/api/v1/namespaces', project: projectNamespace },
  nodes: { kind: 'nodes', path: '/api/v1/nodes', project: projectNode },
  pods: { kind: 'pods', path: '/api/v1/pods', project: projectPod },
  deployments: { kind: 'deployments', path: '/apis/apps/v1/deployments', project: projectDeployment },
};
