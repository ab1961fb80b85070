import type { K8sLaggingDeployment } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useK8sAction } from './useK8sAction';

const MAX_REPLICAS = 10_000;

interface Props {
  context: string;
  deployment: K8sLaggingDeployment;
  onClose(): void;
}

/** Asks for a replica count and confirms scaling one deployment to it. */
export function ScaleDialog({ context, deployment, onClose }: Props) {
  const act = useK8sAction();
  const [text, setText] = useState(String(deployment.desired));
  const replicas = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(replicas) && replicas >= 0 && replicas <= MAX_REPLICAS;
  const target = `${deployment.namespace}/${deployment.name}`;

  return (
    <ConfirmDialog
      title="Scale deployment"
      statement={valid ? `Scale deployment ${target} to ${replicas} replicas in context ${context}?` : `Scale deployment ${target} in context ${context}: enter 0 to ${MAX_REPLICAS.toLocaleString()} replicas.`}
      confirmLabel="Scale"
      confirmDisabled={!valid}
      onClose={onClose}
      onConfirm={() => act({ context, action: 'scale', kind: 'deployment', namespace: deployment.namespace, name: deployment.name, replicas })}
    >
      <label className="scale-dialog__field">
        Replicas (now {deployment.desired} desired, {deployment.ready} ready)
        <input type="number" min={0} max={MAX_REPLICAS} step={1} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
    </ConfirmDialog>
  );
}
