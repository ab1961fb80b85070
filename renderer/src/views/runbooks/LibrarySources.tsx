import type { RunbookLibraryInfo } from '@contract';
import { useState, type FormEvent } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';
import { useRefreshingCall } from '../../state/useRefreshingCall';

function Sources({ info, onChanged }: { info: RunbookLibraryInfo; onChanged(): void }) {
  const client = useApp((s) => s.client);
  const [folder, setFolder] = useState('');
  const [error, setError] = useState<string | null>(null);
  const change = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
      onChanged();
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  const add = (event: FormEvent) => {
    event.preventDefault();
    void change(async () => {
      await client.call('runbooks.addFolder', { path: folder.trim() });
      setFolder('');
    });
  };
  return (
    <>
      <ul className="runbook-sources">
        <li>
          Built-in library: {info.builtIn.count} runbooks
        </li>
        {info.folders.map((f) => (
          <li key={f.path}>
            <span className="mono">{f.path}</span>: {f.error ? <span className="runbook__error">{f.error}</span> : `${f.count} runbooks`}{' '}
            <button type="button" className="button button--small" onClick={() => void change(() => client.call('runbooks.removeFolder', { path: f.path }))} aria-label={`Remove ${f.path}`}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form className="runbook-sources__add" onSubmit={add}>
        <label className="form-field">
          <span>Add a folder of runbooks (absolute path, e.g. a checkout of your team&apos;s repository)</span>
          <input className="input mono" value={folder} onChange={(e) => setFolder(e.target.value)} placeholder="/home/me/src/runbooks" spellCheck={false} />
        </label>
        <button type="submit" className="button button--small" disabled={!folder.trim()}>
          Add folder
        </button>
      </form>
      {error && (
        <p className="note runbook__error" role="alert">
          {error}
        </p>
      )}
      {info.problems.length > 0 && (
        <>
          <h4>Files not loaded</h4>
          <ul className="runbook-problems">
            {info.problems.map((p) => (
              <li key={`${p.file}:${p.line}`}>
                <span className="mono">
                  {p.file}:{p.line}
                </span>{' '}
                {p.message}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}

/** Where runbooks come from: the built-in library and the user's folders, watched for changes. */
export function LibrarySources() {
  const { resource, refresh } = useRefreshingCall('runbooks.library', {});
  useHostEvent('runbooks.changed', refresh);
  const problems = resource.status === 'ready' ? resource.data.problems.length : 0;
  return (
    <details className="runbook-library">
      <summary>
        Runbook folders{problems > 0 && <span className="runbook__error"> · {problems} files not loaded</span>}
      </summary>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Reading the library…">
        {(info) => <Sources info={info} onChanged={refresh} />}
      </ResourceView>
    </details>
  );
}
