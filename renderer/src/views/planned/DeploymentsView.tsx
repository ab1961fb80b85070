import { EmptyState } from '../../components/EmptyState';

export function DeploymentsView() {
  return (
    <EmptyState
      title="Deployments & Readiness"
      source="Opsdeck will read rollout status from your Kubernetes clusters through your kubeconfig. Deployment tracking and readiness checks are not part of this build yet."
    >
      Recent rollouts per cluster and namespace with their status and revision, and readiness checks (probes, replicas,
      resource limits) for what is about to ship.
    </EmptyState>
  );
}
