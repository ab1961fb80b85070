import type { ActionResult } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../ConfirmDialog';
import { useK8sAction } from './useK8sAction';

const MAX_REPLICAS = 10_000;

export interface ScaleTarget {
  kind: 'deployment' | 'statefulset';
  namespace: string;
  name: string;
  /** spec.replicas now. */
  desired: number;
  ready?: number;
}

interface Props {
  context: string;
  target: ScaleTarget;
  onClose(): void;
  onDone?(result: ActionResult): void;
}

/** Asks for a replica count and confirms scaling one deployment or statefulset to it. */
export function ScaleDialog({ context, target, onClose, onDone }: Props) {
  const act = useK8sAction();
  const [text, setText] = useState(String(target.desired));
  const replicas = Number(text);
  const valid = text.trim() !== '' && Number.isInteger(replicas) && replicas >= 0 && replicas <= MAX_REPLICAS;
  const object = `${target.kind} ${target.namespace}/${target.name}`;

  return (
    <ConfirmDialog
      title={`Scale ${target.kind}`}
      statement={valid ? `Scale ${object} to ${replicas} replicas in context ${context}?` : `Scale ${object} in context ${context}: enter 0 to ${MAX_REPLICAS.toLocaleString()} replicas.`}
      confirmLabel="Scale"
      confirmDisabled={!valid}
      onClose={onClose}
      onConfirm={async () => {
        const result = await act({ context, action: 'scale', kind: target.kind, namespace: target.namespace, name: target.name, replicas });
        onDone?.(result);
      }}
    >
      <label className="scale-dialog__field">
        Replicas (now {target.desired} desired{target.ready === undefined ? '' : `, ${target.ready} ready`})
        <input type="number" min={0} max={MAX_REPLICAS} step={1} value={text} onChange={(e) => setText(e.target.value)} />
      </label>
    </ConfirmDialog>
  );
}
