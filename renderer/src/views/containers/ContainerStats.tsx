import type { ComponentProps } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { formatBytes } from '../../format/bytes';
import { formatInterval } from '../../format/duration';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { statsPoints, type StatsPoint } from './statsSeries';
import { StatsChart } from './StatsChart';
import { useDockerChanged } from './useDockerChanged';

/** The detail charts: one per resource, I/O as rates. */
const chartsFor = (points: StatsPoint[]): Omit<ComponentProps<typeof StatsChart>, 'points'>[] => [
  { id: 'cpu', title: 'CPU (100% = one core)', unit: 'percent', lines: [{ key: 'cpuPercent', name: 'CPU', color: 'var(--chart-1)' }] },
  { id: 'memory', title: `Memory (limit ${formatBytes(points.at(-1)!.memoryLimitBytes)})`, unit: 'bytes', lines: [{ key: 'memoryBytes', name: 'Used', color: 'var(--chart-2)' }] },
  {
    id: 'network',
    title: 'Network',
    unit: 'rate',
    lines: [
      { key: 'netRxBps', name: 'Received', color: 'var(--chart-2)' },
      { key: 'netTxBps', name: 'Sent', color: 'var(--chart-3)' },
    ],
  },
  {
    id: 'block',
    title: 'Block I/O',
    unit: 'rate',
    lines: [
      { key: 'blockReadBps', name: 'Read', color: 'var(--chart-1)' },
      { key: 'blockWriteBps', name: 'Write', color: 'var(--chart-4)' },
    ],
  },
];

/** A container's CPU, memory, network and disk over the last minutes the host keeps. */
export function ContainerStats({ engine, id, running }: { engine: string; id: string; running: boolean }) {
  const { resource, refresh } = useRefreshingCall('docker.stats', { engine, id });
  useDockerChanged(engine, ['stats'], refresh);
  return (
    <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading stats…" errorTitle="Could not read the stats">
      {(history) => {
        const points = statsPoints(history.samples);
        if (points.length === 0)
          return <p className="note">{running ? `The first readings arrive within a few seconds (one every ${formatInterval(history.intervalMs)}).` : 'The container is not running, so it has no stats.'}</p>;
        return (
          <div className="container-charts">
            {chartsFor(points).map((chart) => (
              <StatsChart key={chart.id} {...chart} points={points} />
            ))}
          </div>
        );
      }}
    </ResourceView>
  );
}
