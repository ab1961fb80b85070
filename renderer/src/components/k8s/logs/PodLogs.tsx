import type { K8sContainerInfo } from '@contract';
import { MAX_LOG_LINES } from '@contract/types';
import { useMemo, useState } from 'react';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { LoadError } from '../../LoadError';
import { Loading } from '../../Loading';
import { saveTextFile } from '../../saveTextFile';
import { LogLines } from './LogLines';
import { findMatches } from './logSearch';
import { LogSearchBar } from './LogSearchBar';
import { usePodLog } from './usePodLog';

const TAIL_CHOICES = [100, 1000, 10_000, MAX_LOG_LINES];

interface Props {
  context: string;
  namespace: string;
  pod: string;
  containers: K8sContainerInfo[];
  /** The container to show first; else the first one that is not an init container. */
  initialContainer?: string;
}

/** One pod's container logs: pick a container and instance, follow, search, download. */
export function PodLogs({ context, namespace, pod, containers, initialContainer }: Props) {
  const client = useApp((s) => s.client);
  const [container, setContainer] = useState(initialContainer ?? containers.find((c) => !c.init)?.name ?? containers[0]?.name ?? '');
  const info = containers.find((c) => c.name === container);
  const [previousWanted, setPrevious] = useState(false);
  const previous = previousWanted && Boolean(info?.hasPrevious);
  const [timestamps, setTimestamps] = useState(false);
  const [tailLines, setTailLines] = useState(1000);
  const [follow, setFollow] = useState(false);
  const [attempt, setAttempt] = useState(0);
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  const [download, setDownload] = useState<{ busy: boolean; error: string | null }>({ busy: false, error: null });

  const target = { context, namespace, pod, container, previous, timestamps };
  const log = usePodLog({ ...target, tailLines, follow: follow && !previous, attempt });
  // Lines grow in place while following: version says when.
  const matches = useMemo(() => findMatches(log.lines, query), [log.lines, log.version, query]);
  const index = matches.length === 0 ? 0 : Math.min(current, matches.length - 1);
  const currentLine = matches.length === 0 ? null : matches[index]!;

  const saveLog = async () => {
    setDownload({ busy: true, error: null });
    try {
      const read = await client.call('k8s.logs', { ...target, tailLines: MAX_LOG_LINES });
      saveTextFile(`${pod}_${container}${previous ? '_previous' : ''}.log`, read.lines.join('\n') + (read.lines.length ? '\n' : ''));
      setDownload({ busy: false, error: null });
    } catch (err) {
      setDownload({ busy: false, error: errorMessage(err) });
    }
  };

  if (containers.length === 0) return <p className="note">This pod has no containers.</p>;

  return (
    <div className="pod-logs">
      <div className="log-toolbar">
        <label className="log-toolbar__field">
          Container
          <select value={container} onChange={(e) => setContainer(e.target.value)}>
            {containers.map((c) => (
              <option key={c.name} value={c.name}>
                {c.init ? `${c.name} (init)` : c.name}
              </option>
            ))}
          </select>
        </label>
        <label className="log-toolbar__field">
          Lines
          <select value={tailLines} onChange={(e) => setTailLines(Number(e.target.value))}>
            {TAIL_CHOICES.map((n) => (
              <option key={n} value={n}>
                last {n.toLocaleString()}
              </option>
            ))}
          </select>
        </label>
        <label className="log-toolbar__check" title={info?.hasPrevious ? undefined : 'This container has not restarted'}>
          <input type="checkbox" checked={previous} disabled={!info?.hasPrevious} onChange={(e) => setPrevious(e.target.checked)} />
          Previous instance
        </label>
        <label className="log-toolbar__check">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          Timestamps
        </label>
        <label className="log-toolbar__check" title={previous ? 'A previous instance has stopped: there is nothing to follow' : undefined}>
          <input type="checkbox" checked={follow && !previous} disabled={previous} onChange={(e) => setFollow(e.target.checked)} />
          Follow
        </label>
        <LogSearchBar
          query={query}
          onQuery={(q) => {
            setQuery(q);
            setCurrent(0);
          }}
          count={matches.length}
          current={index}
          onCurrent={setCurrent}
        />
        <button type="button" className="button button--small" disabled={download.busy || !container} onClick={() => void saveLog()}>
          {download.busy ? 'Downloading…' : 'Download .log'}
        </button>
      </div>
      {download.error && <LoadError title="Could not download the log" message={download.error} onRetry={() => void saveLog()} />}
      {log.error && <LoadError title="Could not read the log" message={log.error} onRetry={() => setAttempt((n) => n + 1)} />}
      {log.loading && !log.error && <Loading label="Reading the log…" />}
      {!log.loading && !log.error && (
        <>
          <p className="muted log-status" data-testid="log-status">
            {log.lines.length.toLocaleString()} lines{log.truncated ? ' (older lines not shown)' : ''}
            {follow && !previous && !log.ended && ' · following'}
            {log.ended && (log.ended.error ? ` · stream failed: ${log.ended.error}` : ' · stream ended')}
          </p>
          <LogLines lines={log.lines} version={log.version} query={query} currentLine={query ? currentLine : null} stickToEnd />
        </>
      )}
    </div>
  );
}
