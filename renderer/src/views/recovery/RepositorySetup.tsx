import { useState } from 'react';
import { useApp } from '../../state/StoreProvider';

/** The tab's empty state: a repository comes first, created here or connected from a folder that holds one. */
export function RepositorySetup({ problem, path }: { problem: string | null; path: string | null }) {
  const client = useApp((s) => s.client);
  const [mode, setMode] = useState<'create' | 'connect'>(path ? 'connect' : 'create');
  const [folder, setFolder] = useState(path ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const valid = password.length > 0 && (mode === 'create' ? folder === '' || folder.startsWith('/') : folder.startsWith('/'));

  async function submit() {
    setBusy(true);
    setError(null);
    try {
      if (mode === 'create') await client.call('recovery.repository.create', { password, ...(folder ? { path: folder } : {}) });
      else await client.call('recovery.repository.open', { path: folder, password });
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <section className="empty-state recovery-setup" aria-label="Backup repository" data-testid="recovery-setup">
      <h2 className="empty-state__title">Disaster Recovery</h2>
      <p>
        Start by creating a backup repository: an encrypted, deduplicated store in a folder (under Opsdeck's data directory by default, or any path such as a
        mounted NAS). Then add targets (folders, PostgreSQL databases, Kubernetes namespaces, Docker volumes), back them up on a schedule, and prove they restore
        with recovery plans and drills.
      </p>
      {problem && <p className="banner banner--error">{problem}</p>}
      <div className="segmented" role="group" aria-label="Repository">
        <button type="button" className="segmented__option" aria-pressed={mode === 'create'} onClick={() => setMode('create')}>
          Create a repository
        </button>
        <button type="button" className="segmented__option" aria-pressed={mode === 'connect'} onClick={() => setMode('connect')}>
          Connect an existing one
        </button>
      </div>
      <form
        className="recovery-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (valid && !busy) void submit();
        }}
      >
        <label className="form-field">
          Folder{mode === 'create' ? ' (empty for the default)' : ''}
          <input className="mono" value={folder} placeholder={mode === 'create' ? '<data directory>/backups' : '/mnt/nas/opsdeck'} onChange={(e) => setFolder(e.target.value)} data-testid="repo-path" />
        </label>
        <label className="form-field">
          Repository password (kept in the OS keychain; without it the backups cannot be read)
          <input type="password" value={password} onChange={(e) => setPassword(e.target.value)} data-testid="repo-password" autoComplete="new-password" />
        </label>
        {error && <p className="confirm-dialog__error">{error}</p>}
        <button type="submit" className="button" disabled={!valid || busy} data-testid="repo-submit">
          {mode === 'create' ? 'Create repository' : 'Connect repository'}
        </button>
      </form>
    </section>
  );
}
