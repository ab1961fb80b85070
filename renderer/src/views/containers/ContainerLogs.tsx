import { MAX_DOCKER_LOG_LINES } from '@contract/types';
import { useMemo, useState } from 'react';
import { LoadError } from '../../components/LoadError';
import { LogOutput } from '../../components/logs/LogOutput';
import { LogSearchBar } from '../../components/logs/LogSearchBar';
import { useLogDownload } from '../../components/logs/useLogDownload';
import { TailSelect } from '../../components/TailSelect';
import { useLogSearch } from '../../components/useLogSearch';
import { useApp } from '../../state/StoreProvider';
import { lineText, linesOf, logFileText, type StreamFilter } from './logFilter';
import { useContainerLog } from './useContainerLog';

const TAIL_CHOICES = [100, 1000, 10_000, MAX_DOCKER_LOG_LINES];
const STREAM_LABELS: Record<StreamFilter, string> = { both: 'stdout and stderr', stdout: 'stdout only', stderr: 'stderr only' };

/** One container's log: tail length, timestamps, follow, stdout/stderr filter, search and download. */
export function ContainerLogs({ engine, id, name }: { engine: string; id: string; name: string }) {
  const client = useApp((s) => s.client);
  const [tailLines, setTailLines] = useState(1000);
  const [timestamps, setTimestamps] = useState(false);
  const [follow, setFollow] = useState(true);
  const [streams, setStreams] = useState<StreamFilter>('both');
  const [attempt, setAttempt] = useState(0);
  const log = useContainerLog({ engine, id, timestamps, tailLines, follow, attempt });
  const tty = log.facts?.tty ?? false;

  // Lines grow in place while following: the version says when.
  const shown = useMemo(() => linesOf(log.lines, streams), [log.lines, log.version, streams]);
  const texts = useMemo(() => shown.map(lineText), [shown, log.version]);
  const search = useLogSearch(texts, log.version);

  const download = useLogDownload(async () => {
    const read = await client.call('docker.logs', { engine, id, timestamps, tailLines: MAX_DOCKER_LOG_LINES });
    return { fileName: `${name}${streams === 'both' ? '' : `_${streams}`}.log`, text: logFileText(linesOf(read.lines, streams), streams) };
  });

  return (
    <div className="container-logs">
      <div className="log-toolbar">
        <TailSelect value={tailLines} choices={TAIL_CHOICES} onChange={setTailLines} />
        <label className="log-toolbar__field">
          Streams
          <select value={streams} disabled={tty} title={tty ? 'The container has a TTY: its output is one stream' : undefined} onChange={(e) => setStreams(e.target.value as StreamFilter)}>
            {(Object.keys(STREAM_LABELS) as StreamFilter[]).map((s) => (
              <option key={s} value={s}>
                {STREAM_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
        <label className="log-toolbar__check">
          <input type="checkbox" checked={timestamps} onChange={(e) => setTimestamps(e.target.checked)} />
          Timestamps
        </label>
        <label className="log-toolbar__check">
          <input type="checkbox" checked={follow} onChange={(e) => setFollow(e.target.checked)} />
          Follow
        </label>
        <LogSearchBar {...search.bar} />
        <button type="button" className="button button--small" disabled={download.busy} onClick={() => void download.save()}>
          {download.busy ? 'Downloading…' : 'Download .log'}
        </button>
      </div>
      {download.error && <LoadError title="Could not download the log" message={download.error} onRetry={() => void download.save()} />}
      <LogOutput
        log={log}
        lines={texts}
        following={follow}
        note={tty ? ' · TTY: stdout and stderr are one stream' : ''}
        search={search}
        lineClass={(i) => `log-line--${shown[i]?.stream}`}
        statusTestId="container-log-status"
        onRetry={() => setAttempt((n) => n + 1)}
      />
    </div>
  );
}
