import { EmptyState } from '../../components/EmptyState';
import { InsightsList } from '../../components/InsightsList';
import { ResourceView } from '../../components/ResourceView';
import { formatInterval } from '../../format/duration';
import { dataOf } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { CommandCenter } from './command/CommandCenter';
import { HostCharts } from './HostCharts';
import { StatusTiles } from './StatusTiles';
import { useDashboardReady } from './useDashboardReady';
import { useHostSeries } from './useHostSeries';
import './overview.css';

export function OverviewView() {
  const latestSample = useApp((s) => s.latestSample);
  const info = dataOf(useApp((s) => s.hostInfo)) ?? null;
  const load = useApp((s) => s.load);
  const range = useApp((s) => s.seriesRange);
  const setRange = useApp((s) => s.setSeriesRange);
  const { series, retry } = useHostSeries(range);

  const latest = dataOf(latestSample) ?? null;
  const cpuPoints = series.status === 'ready' ? series.data.points.length : 0;
  const ready = useDashboardReady(latest !== null && cpuPoints > 0);

  return (
    <div className="overview" data-testid={ready ? 'dashboard-ready' : 'dashboard-loading'}>
      <ResourceView
        resource={latestSample}
        onRetry={() => void load('latestSample')}
        loadingLabel="Reading the host…"
        errorTitle="Could not read the host"
      >
        {(sample) =>
          sample ? (
            <StatusTiles sample={sample} info={info} />
          ) : (
            <EmptyState title="Collecting the first sample…">
              Opsdeck samples this machine
              {info ? ` every ${formatInterval(info.sampleIntervalMs)}` : ' on a fixed interval'}; the tiles fill
              in as soon as the first sample arrives.
            </EmptyState>
          )
        }
      </ResourceView>
      <HostCharts
        range={range}
        onRangeChange={setRange}
        series={series}
        onRetry={retry}
        diskIoUnavailable={latest?.diskIo === null}
        networkUnavailable={latest?.network === null}
      />
      {/* Asked for once the host data shows, so it never delays the dashboard. */}
      {ready && <CommandCenter />}
      {ready && <InsightsList />}
    </div>
  );
}
