import type { K8sContexts } from '@contract';
import { EmptyState } from '../../components/EmptyState';

/** No kubeconfig, or one without contexts: where Opsdeck looked and how to give it one. */
export function NoContexts({ contexts }: { contexts: K8sContexts }) {
  const nothingFound = contexts.found.length === 0;
  return (
    <EmptyState
      title={nothingFound ? 'No kubeconfig found' : 'No contexts in your kubeconfig'}
      source={
        <>
          Opsdeck reads the kubeconfig files kubectl uses: every file listed in <code>KUBECONFIG</code>, or{' '}
          <code>~/.kube/config</code> when it is not set. Add a cluster with your provider&apos;s command (for example{' '}
          <code>aws eks update-kubeconfig</code>, <code>gcloud container clusters get-credentials</code> or{' '}
          <code>az aks get-credentials</code>) or <code>kubectl config set-context</code>; Opsdeck picks up the change by
          itself.
        </>
      }
    >
      {nothingFound ? 'Opsdeck looked for ' : 'Opsdeck read '}
      {contexts.files.map((f, i) => (
        <span key={f}>
          {i > 0 && ', '}
          <code>{f}</code>
        </span>
      ))}
      {nothingFound ? ' and found no file.' : ' and found no context in it.'}
    </EmptyState>
  );
}
