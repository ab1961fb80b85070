import type { K8sContainerInfo } from '@contract';
import { MAX_LOG_LINES } from '@contract/types';
import { useState } from 'react';
import { useApp } from '../../state/StoreProvider';
import { LoadError } from '../LoadError';
import { LogOutput } from '../logs/LogOutput';
import { LogSearchBar } from '../logs/LogSearchBar';
import { useLogDownload } from '../logs/useLogDownload';
import { TailSelect } from '../TailSelect';
import { useLogSearch } from '../useLogSearch';
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

  const target = { context, namespace, pod, container, previous, timestamps };
  const log = usePodLog({ ...target, tailLines, follow: follow && !previous, attempt });
  const search = useLogSearch(log.lines, log.version);

  const download = useLogDownload(async () => {
    const read = await client.call('k8s.logs', { ...target, tailLines: MAX_LOG_LINES });
    return { fileName: `${pod}_${container}${previous ? '_previous' : ''}.log`, text: read.lines.join('\n') + (read.lines.length ? '\n' : '') };
  });

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
        <TailSelect value={tailLines} choices={TAIL_CHOICES} onChange={setTailLines} />
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
        <LogSearchBar {...search.bar} />
        <button type="button" className="button button--small" disabled={download.busy || !container} onClick={() => void download.save()}>
          {download.busy ? 'Downloading…' : 'Download .log'}
        </button>
      </div>
      {download.error && <LoadError title="Could not download the log" message={download.error} onRetry={() => void download.save()} />}
      <LogOutput log={log} lines={log.lines} following={follow && !previous} search={search} statusTestId="log-status" onRetry={() => setAttempt((n) => n + 1)} />
    </div>
  );
}
