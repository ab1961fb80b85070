import type { ActionResult, K8sRevision } from '@contract';
import { useState } from 'react';
import { formatTimestamp } from '../../format/time';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { ConfirmDialog } from '../ConfirmDialog';
import { ResourceView } from '../ResourceView';
import { useK8sAction } from './useK8sAction';
import { useK8sChanged } from './useK8sChanged';

interface Props {
  context: string;
  namespace: string;
  name: string;
  onDone(result: ActionResult): void;
}

/** A Deployment's revisions, newest first, as kubectl rollout history shows them, each but the current one with a roll back. */
export function RolloutHistory({ context, namespace, name, onDone }: Props) {
  const { resource, refresh } = useRefreshingCall('k8s.rolloutHistory', { context, namespace, name });
  useK8sChanged(context, ['deployments', 'replicasets'], refresh);
  const act = useK8sAction();
  const [target, setTarget] = useState<K8sRevision | null>(null);

  return (
    <ResourceView resource={resource} onRetry={refresh} loadingLabel="Reading the rollout history…" errorTitle="Could not read the rollout history">
      {(history) =>
        history.revisions.length === 0 ? (
          <p className="note">This deployment has no revisions yet: no ReplicaSet belongs to it.</p>
        ) : (
          <>
            <table className="table detail-table" aria-label="Rollout history" data-testid="rollout-history">
              <thead>
                <tr>
                  <th scope="col">Revision</th>
                  <th scope="col">Change cause</th>
                  <th scope="col">Images</th>
                  <th scope="col">Created</th>
                  <th scope="col">Pods</th>
                  <th scope="col">
                    <span className="visually-hidden">Action</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {history.revisions.map((r) => (
                  <tr key={r.revision} data-revision={r.revision} data-current={r.current} className={r.current ? 'revision--current' : undefined}>
                    <td className="num">{r.revision}</td>
                    <td>{r.changeCause ?? <span className="muted">none recorded</span>}</td>
                    <td className="mono wrap">{r.images.join(', ')}</td>
                    <td>{r.createdAt === null ? '—' : formatTimestamp(r.createdAt)}</td>
                    <td className="num">{r.replicas}</td>
                    <td>
                      {r.current ? (
                        <span className="badge badge--ok">current</span>
                      ) : (
                        <button type="button" className="button button--small" aria-label={`Roll back to revision ${r.revision}`} onClick={() => setTarget(r)}>
                          Roll back to this revision
                        </button>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
            {target && (
              <ConfirmDialog
                title="Roll back deployment"
                statement={`Roll back deployment ${namespace}/${name} to revision ${target.revision} (${target.images.join(', ') || target.replicaSet}) in context ${context}?`}
                confirmLabel="Roll back"
                onClose={() => setTarget(null)}
                onConfirm={async () => {
                  onDone(await act({ context, action: 'rollback', namespace, name, revision: target.revision }));
                  refresh();
                }}
              />
            )}
          </>
        )
      }
    </ResourceView>
  );
}
