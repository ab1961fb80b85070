import type { ActionResult, K8sAction, K8sObjectDetail } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../ConfirmDialog';
import type { ObjectRef } from './kinds';
import { ScaleDialog } from './ScaleDialog';
import { useK8sAction } from './useK8sAction';

interface Confirmable {
  title: string;
  statement: string;
  confirmLabel: string;
  action: K8sAction;
}

interface Props {
  object: ObjectRef;
  /** The object as last read: replicas for scaling, cordon state for nodes; null until read. */
  detail: K8sObjectDetail | null;
  onDone(result: ActionResult): void;
}

/** The changes an object's kind allows, each confirmed first: the statement says exactly what will happen. */
function confirmables({ context, kind, namespace, name }: ObjectRef, detail: K8sObjectDetail | null): Confirmable[] {
  const at = `in context ${context}`;
  if (kind === 'deployments' && namespace) {
    return [
      {
        title: 'Restart deployment',
        statement: `Restart deployment ${namespace}/${name} ${at}? Its pods are replaced by new ones, as kubectl rollout restart does.`,
        confirmLabel: 'Restart',
        action: { context, action: 'restart', namespace, name },
      },
    ];
  }
  if (kind === 'pods' && namespace) {
    return [{ title: 'Delete pod', statement: `Delete pod ${namespace}/${name} ${at}?`, confirmLabel: 'Delete pod', action: { context, action: 'deletePod', namespace, name } }];
  }
  if (kind === 'nodes' && detail?.unschedulable !== undefined) {
    return detail.unschedulable
      ? [{ title: 'Uncordon node', statement: `Uncordon node ${name} ${at}? New pods can be scheduled on it again.`, confirmLabel: 'Uncordon', action: { context, action: 'uncordon', name } }]
      : [{ title: 'Cordon node', statement: `Cordon node ${name} ${at}? No new pods will be scheduled on it; running pods stay.`, confirmLabel: 'Cordon', action: { context, action: 'cordon', name } }];
  }
  return [];
}

/** Scale, restart, delete, cordon or uncordon, as buttons that open a confirmation; every change goes through k8s.action. */
export function ObjectActions({ object, detail, onDone }: Props) {
  const act = useK8sAction();
  const [confirming, setConfirming] = useState<Confirmable | null>(null);
  const [scaling, setScaling] = useState(false);
  const scalable = (object.kind === 'deployments' || object.kind === 'statefulsets') && object.namespace !== null;
  const actions = confirmables(object, detail);
  if (!scalable && actions.length === 0) return null;

  return (
    <div className="object-actions" role="group" aria-label="Actions">
      {scalable && (
        <button type="button" className="button" disabled={detail?.desiredReplicas === undefined} onClick={() => setScaling(true)}>
          Scale…
        </button>
      )}
      {actions.map((a) => (
        <button key={a.title} type="button" className="button" onClick={() => setConfirming(a)}>
          {a.confirmLabel}…
        </button>
      ))}
      {scaling && detail?.desiredReplicas !== undefined && (
        <ScaleDialog
          context={object.context}
          target={{ kind: object.kind === 'deployments' ? 'deployment' : 'statefulset', namespace: object.namespace!, name: object.name, desired: detail.desiredReplicas }}
          onClose={() => setScaling(false)}
          onDone={onDone}
        />
      )}
      {confirming && (
        <ConfirmDialog
          title={confirming.title}
          statement={confirming.statement}
          confirmLabel={confirming.confirmLabel}
          onClose={() => setConfirming(null)}
          onConfirm={async () => onDone(await act(confirming.action))}
        />
      )}
    </div>
  );
}
