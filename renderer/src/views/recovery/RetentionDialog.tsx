import type { ForgetPreview, RecoveryTarget, RetentionPolicy } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';

const BUCKETS = ['last', 'hourly', 'daily', 'weekly', 'monthly', 'yearly'] as const;

function policyOf(counts: Record<string, string>): RetentionPolicy | null {
  const p: RetentionPolicy = {};
  for (const b of BUCKETS) {
    const n = Number(counts[b]);
    if (counts[b] && Number.isInteger(n) && n > 0) p[b] = n;
  }
  return Object.keys(p).length > 0 ? p : null;
}

/** A retention policy previewed (which snapshots stay, which go) before the prune that applies it. */
export function RetentionDialog({ target, onClose }: { target: RecoveryTarget; onClose(): void }) {
  const client = useApp((s) => s.client);
  const [counts, setCounts] = useState<Record<string, string>>(() => Object.fromEntries(BUCKETS.map((b) => [b, String(target.retention?.[b] ?? '')])));
  const [preview, setPreview] = useState<ForgetPreview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const policy = policyOf(counts);

  return (
    <ConfirmDialog
      title={`Retention for ${target.name}`}
      statement="Snapshots the policy does not keep are forgotten, then data no snapshot references is deleted. Preview first: nothing changes until you prune."
      confirmLabel="Forget and prune"
      confirmDisabled={policy === null || preview === null}
      onClose={onClose}
      onConfirm={async () => {
        await client.call('recovery.prune', { targetId: target.id, policy: policy! });
        onClose();
      }}
    >
      <div className="recovery-retention">
        {BUCKETS.map((b) => (
          <label key={b} className="form-field">
            Keep {b}
            <input
              className="mono"
              inputMode="numeric"
              value={counts[b]}
              onChange={(e) => {
                setCounts((c) => ({ ...c, [b]: e.target.value }));
                setPreview(null);
              }}
            />
          </label>
        ))}
      </div>
      <button
        type="button"
        className="button button--small"
        disabled={policy === null}
        onClick={() =>
          client.call('recovery.forget.preview', { targetId: target.id, policy: policy! }).then(
            (p) => {
              setPreview(p);
              setError(null);
            },
            (err: Error) => setError(err.message),
          )
        }
      >
        Preview
      </button>
      {error && <p className="confirm-dialog__error">{error}</p>}
      {preview && (
        <div className="recovery-preview" data-testid="retention-preview">
          <p>
            Keeps {preview.keep.length}, removes {preview.remove.length}.
          </p>
          <ul>
            {preview.keep.map((s) => (
              <li key={s.id}>
                <span className="badge badge--ok">keep</span> <span className="mono">{s.id.slice(0, 8)}</span> {formatTimestamp(s.time)} <span className="muted">{s.reasons.join(', ')}</span>
              </li>
            ))}
            {preview.remove.map((s) => (
              <li key={s.id}>
                <span className="badge badge--critical">remove</span> <span className="mono">{s.id.slice(0, 8)}</span> {formatTimestamp(s.time)}
              </li>
            ))}
          </ul>
        </div>
      )}
    </ConfirmDialog>
  );
}
