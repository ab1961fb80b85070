import { EmptyState } from '../../components/EmptyState';

export function RecoveryView() {
  return (
    <EmptyState
      title="Disaster Recovery"
      source="Opsdeck will read backup status from the tools that run your backups, such as Velero in your Kubernetes clusters, with the same kubeconfig and keychain credentials as the other views. Disaster recovery tracking is not part of this build yet."
    >
      Each backup job with its last successful run, its age against the recovery point objective you set, and when a
      restore was last tested.
    </EmptyState>
  );
}
