/** The test Kubernetes API server: start it, point a client at it, drive the store. */
export { startTestApiServer, type RestartOptions, type TestApiServer, type TestApiServerOptions } from './server';
export { ClusterStore, type ChangeSummary, type ClusterStoreOptions, type ListFilter } from './store/clusterStore';
export { writeKubeconfig, kubeconfigYaml, type KubeconfigOptions } from './kubeconfig';
export type { ForbidRule } from './http/auth';
export type { ServerSettings } from './http/context';
export type { ControllerOptions } from './controllers/manager';
export { HOLD_ANNOTATION } from './controllers/kubelet';
export { CHURN_ANNOTATION, WRITTEN_AT_ANNOTATION, epochMs, type Churn, type ChurnOptions, type ChurnStats } from './sim/churn';
export type { SeedOptions, SeedResult } from './sim/seed';
export type { Usage } from './sim/metrics';
export { ApiError, type Status } from './errors';
export { RESOURCES, type ResourceType } from './resources';
export type { K8sObject, ObjectMeta, Pod, Workload } from './types';
