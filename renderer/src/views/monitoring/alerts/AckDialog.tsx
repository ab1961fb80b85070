import type { AlertInstance } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { useApp } from '../../../state/StoreProvider';
import { keepEnter } from '../keepEnter';

/** Asks before acknowledging an alert, with an optional comment. */
export function AckDialog({ alert, onDone, onClose }: { alert: AlertInstance; onDone(): void; onClose(): void }) {
  const client = useApp((s) => s.client);
  const [comment, setComment] = useState('');
  return (
    <ConfirmDialog
      title="Acknowledge alert"
      statement={`Acknowledge ${alert.alertname} (#${alert.id})? It stays ${alert.state} and is marked as being looked at.`}
      confirmLabel="Acknowledge"
      onClose={onClose}
      onConfirm={async () => {
        await client.call('alerts.ack', { id: alert.id, comment: comment.trim() });
        onDone();
      }}
    >
      <label className="form-field">
        Comment
        <textarea rows={3} value={comment} onKeyDown={keepEnter} onChange={(e) => setComment(e.target.value)} />
      </label>
    </ConfirmDialog>
  );
}
