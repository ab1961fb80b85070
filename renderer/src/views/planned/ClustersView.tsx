import { EmptyState } from '../../components/EmptyState';

export function ClustersView() {
  return (
    <EmptyState
      title="Clusters"
      source="Opsdeck will read your kubeconfig (KUBECONFIG or ~/.kube/config) and reach each context's API server with the credentials that context names. Kubernetes support is not part of this build yet."
    >
      Each Kubernetes cluster you can reach, with its nodes, namespaces, workloads and recent warning events, and which
      of them need attention.
    </EmptyState>
  );
}
