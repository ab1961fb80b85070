import type { PromAuthKind, PromSourceInfo, PromSources } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../../components/ConfirmDialog';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { authToSend, URL_PATTERN, type AuthDraft } from './sourceAuth';

interface Props {
  /** null: a new source. */
  source: PromSourceInfo | null;
  onSaved(sources: PromSources): void;
  onClose(): void;
}

/** Adds or edits a source; the password or token field starts empty and a stored one is never shown. */
export function SourceDialog({ source, onSaved, onClose }: Props) {
  const client = useApp((s) => s.client);
  const [name, setName] = useState(source?.name ?? '');
  const [url, setUrl] = useState(source?.url ?? 'http://localhost:9090');
  const [draft, setDraft] = useState<AuthDraft>({ kind: source?.auth ?? 'none', username: source?.username ?? '', secret: '' });
  const [testResult, setTestResult] = useState<string | null>(null);
  const auth = authToSend(draft, source);
  const usable = name.trim() !== '' && URL_PATTERN.test(url.trim()) && auth !== null;
  const set = (patch: Partial<AuthDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const test = () => {
    setTestResult('Testing…');
    const request = auth === undefined && source ? client.call('prom.testSource', { id: source.id }) : client.call('prom.testSource', { url: url.trim(), auth: auth ?? { kind: 'none' } });
    request.then(
      (r) => setTestResult(r.state === 'connected' ? `Connected${r.version ? `: Prometheus ${r.version}` : ''}` : `${r.state}: ${r.message ?? ''}`),
      (err: unknown) => setTestResult(errorMessage(err)),
    );
  };

  const save = async () => {
    const base = { name: name.trim(), url: url.trim() };
    onSaved(
      source
        ? await client.call('prom.updateSource', { id: source.id, ...base, ...(auth ? { auth } : {}) })
        : await client.call('prom.addSource', { ...base, auth: auth ?? { kind: 'none' } }),
    );
  };

  return (
    <ConfirmDialog
      title={source ? `Edit ${source.name}` : 'Add a Prometheus source'}
      statement="Opsdeck checks the server's build info now and again; credentials are kept in the OS keychain."
      confirmLabel={source ? 'Save source' : 'Add source'}
      confirmDisabled={!usable}
      onClose={onClose}
      onConfirm={save}
    >
      <label className="form-field">
        Name
        <input type="text" spellCheck={false} value={name} onChange={(e) => setName(e.target.value)} />
      </label>
      <label className="form-field">
        URL
        <input type="text" className="mono" spellCheck={false} placeholder="http://localhost:9090" value={url} onChange={(e) => setUrl(e.target.value)} />
      </label>
      <label className="form-field">
        Authentication
        <select value={draft.kind} onChange={(e) => set({ kind: e.target.value as PromAuthKind, secret: '' })}>
          <option value="none">None</option>
          <option value="basic">Basic (user and password)</option>
          <option value="bearer">Bearer token</option>
        </select>
      </label>
      {draft.kind === 'basic' && (
        <label className="form-field">
          User
          <input type="text" spellCheck={false} autoComplete="off" value={draft.username} onChange={(e) => set({ username: e.target.value })} />
        </label>
      )}
      {draft.kind !== 'none' && (
        <label className="form-field">
          {draft.kind === 'basic' ? 'Password' : 'Token'}
          <input
            type="password"
            autoComplete="new-password"
            placeholder={source?.auth === draft.kind ? 'Stored in the keychain; type to replace' : ''}
            value={draft.secret}
            onChange={(e) => set({ secret: e.target.value })}
          />
        </label>
      )}
      <div className="source-test">
        <button type="button" className="button button--small" onClick={test} disabled={!URL_PATTERN.test(url.trim()) || auth === null}>
          Test connection
        </button>
        <span role="status">{testResult}</span>
      </div>
    </ConfirmDialog>
  );
}
