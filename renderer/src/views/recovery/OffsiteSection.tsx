import type { OffsiteRemote } from '@contract';
import { useState } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { useNewestAnswer } from '../../components/useNewestAnswer';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';
import { TextField } from './TextField';

function RemoteForm({ remote, onSaved }: { remote: OffsiteRemote; onSaved(): void }) {
  const client = useApp((s) => s.client);
  const [endpoint, setEndpoint] = useState(remote.endpoint ?? '');
  const [region, setRegion] = useState(remote.region ?? 'us-east-1');
  const [bucket, setBucket] = useState(remote.bucket ?? '');
  const [prefix, setPrefix] = useState(remote.prefix);
  const [accessKeyId, setAccessKeyId] = useState(remote.accessKeyId ?? '');
  const [secret, setSecret] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const valid = /^https?:\/\//.test(endpoint) && region !== '' && bucket !== '' && accessKeyId !== '' && (secret !== '' || remote.hasSecret);

  async function save() {
    setBusy(true);
    setError(null);
    try {
      await client.call('recovery.remote.set', { endpoint, region, bucket, prefix, accessKeyId, ...(secret ? { secretAccessKey: secret } : {}) });
      setSecret('');
      onSaved();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form
      className="recovery-form recovery-offsite__form"
      onSubmit={(e) => {
        e.preventDefault();
        if (valid && !busy) void save();
      }}
    >
      <TextField label="Endpoint URL" value={endpoint} onChange={setEndpoint} testId="offsite-endpoint" />
      <TextField label="Region" value={region} onChange={setRegion} testId="offsite-region" />
      <TextField label="Bucket" value={bucket} onChange={setBucket} testId="offsite-bucket" />
      <TextField label="Prefix (folder in the bucket)" value={prefix} onChange={setPrefix} testId="offsite-prefix" />
      <TextField label="Access key id" value={accessKeyId} onChange={setAccessKeyId} testId="offsite-access-key" />
      <TextField
        label={remote.hasSecret ? 'Secret access key (kept in the keychain; leave empty to keep it)' : 'Secret access key (kept in the OS keychain)'}
        type="password"
        value={secret}
        onChange={setSecret}
        testId="offsite-secret"
      />
      {error && <p className="confirm-dialog__error">{error}</p>}
      <button type="submit" className="button" disabled={!valid || busy} data-testid="offsite-save">
        Check and save
      </button>
    </form>
  );
}

/** Off-site copy: the S3-compatible bucket the repository is copied to, and how the last copy went. */
export function OffsiteSection() {
  const client = useApp((s) => s.client);
  const remote = useNewestAnswer('recovery.remote.get', {});
  const [error, setError] = useState<string | null>(null);
  useHostEvent('recovery.job', (job) => {
    if (job.kind === 'offsite-push' && job.state !== 'running') remote.load();
  });
  const copyNow = () => client.call('recovery.remote.push', {}).then(() => setError(null), (err: Error) => setError(err.message));

  return (
    <section aria-label="Off-site copy" data-testid="recovery-offsite">
      <div className="section-head">
        <h2>Off-site copy</h2>
      </div>
      <ResourceView resource={remote.resource} onRetry={remote.load}>
        {(r) => (
          <>
            <p className="muted">
              {r.configured
                ? `Copies go to ${r.bucket}/${r.prefix} at ${r.endpoint}: new packs first, then the index and snapshots, so an interrupted copy is never missing data a snapshot needs.`
                : 'No off-site copy yet: set an S3-compatible bucket (AWS S3, MinIO, Ceph, Garage) to keep a copy of the repository away from this machine.'}
            </p>
            {r.configured && (
              <div className="recovery-actions">
                <button type="button" className="button" onClick={() => void copyNow()} data-testid="offsite-push">
                  Copy now
                </button>
                <span className="muted" data-testid="offsite-last">
                  {r.lastCopy ? `Last copy ${formatTimestamp(r.lastCopy.at)}: ${r.lastCopy.ok ? '' : 'failed: '}${r.lastCopy.message}` : 'Not copied yet.'}
                </span>
              </div>
            )}
            {error && <div className="rule-error">{error}</div>}
            <RemoteForm key={`${r.endpoint}/${r.bucket}/${r.prefix}`} remote={r} onSaved={remote.load} />
          </>
        )}
      </ResourceView>
    </section>
  );
}
