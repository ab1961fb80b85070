import type { SeriesRange } from '@contract';
import { ResourceView } from '../../components/ResourceView';
import type { Resource } from '../../state/resource';
import type { LiveSeries } from './liveSeries';
import { RangePicker } from './RangePicker';
import { TimeSeriesChart } from './TimeSeriesChart';

interface Props {
  range: SeriesRange;
  onRangeChange: (range: SeriesRange) => void;
  series: Resource<LiveSeries>;
  onRetry: () => void;
  /** The platform cannot measure these, so their charts say so instead of drawing nothing. */
  diskIoUnavailable: boolean;
  networkUnavailable: boolean;
}

export function HostCharts({ range, onRangeChange, series, onRetry, diskIoUnavailable, networkUnavailable }: Props) {
  return (
    <section className="charts" aria-label="Host history">
      <div className="section-head">
        <h2>History</h2>
        <RangePicker value={range} onChange={onRangeChange} />
      </div>
      <ResourceView resource={series} onRetry={onRetry} loadingLabel="Loading history…" errorTitle="Could not load history">
        {(s) => (
          <div className="charts__grid">
            <TimeSeriesChart id="cpu" title="CPU busy" unit="percent" series={s} lines={[{ key: 'cpuPct', name: 'CPU', color: 'var(--chart-1)' }]} />
            <TimeSeriesChart id="memory" title="Memory used" unit="percent" series={s} lines={[{ key: 'memUsedPct', name: 'Memory', color: 'var(--chart-2)' }]} />
            <TimeSeriesChart id="load" title="Load average (1 min)" unit="plain" series={s} lines={[{ key: 'load1', name: 'Load 1m', color: 'var(--chart-3)' }]} />
            <TimeSeriesChart
              id="disk-io"
              title="Disk I/O"
              unit="rate"
              series={s}
              unavailable={diskIoUnavailable}
              lines={[
                { key: 'diskReadBps', name: 'Read', color: 'var(--chart-1)' },
                { key: 'diskWriteBps', name: 'Write', color: 'var(--chart-4)' },
              ]}
            />
            <TimeSeriesChart
              id="network"
              title="Network"
              unit="rate"
              series={s}
              unavailable={networkUnavailable}
              lines={[
                { key: 'netRxBps', name: 'Received', color: 'var(--chart-2)' },
                { key: 'netTxBps', name: 'Sent', color: 'var(--chart-3)' },
              ]}
            />
          </div>
        )}
      </ResourceView>
    </section>
  );
}
