import type { HostInfo, HostSample } from '@contract';
import { Tile } from '../../components/Tile';
import { UsageBar } from '../../components/UsageBar';
import { formatBytes, formatRate } from '../../format/bytes';
import { formatDuration } from '../../format/duration';
import { formatPercent, percentOf } from '../../format/number';
import { CoreBars } from './CoreBars';
import { DiskList } from './DiskList';
import { HealthTile } from './HealthTile';
import { NotAvailable } from './NotAvailable';

interface Props {
  sample: HostSample;
  /** Absent while host.info loads or if it failed; the tiles need it only for context. */
  info: HostInfo | null;
}

export function StatusTiles({ sample, info }: Props) {
  const limitations = info?.limitations ?? [];
  const { memory } = sample;
  const memPct = percentOf(memory.usedBytes, memory.totalBytes);
  const swapUnreadable = limitations.some((l) => /swap/i.test(l));
  const swapPct = percentOf(memory.swapUsedBytes, memory.swapTotalBytes);

  return (
    <section className="status" aria-label="Host status">
      <div className="tiles">
        <Tile label="CPU" value={formatPercent(sample.cpu.totalPct)} detail={info ? `${info.cores} cores · ${info.cpuModel}` : undefined}>
          <UsageBar pct={sample.cpu.totalPct} label="CPU busy" />
          <CoreBars perCorePct={sample.cpu.perCorePct} />
        </Tile>
        <Tile
          label="Memory"
          data-testid="mem-total"
          data-bytes={memory.totalBytes}
          value={`${formatBytes(memory.usedBytes)} / ${formatBytes(memory.totalBytes)}`}
          detail={`${formatPercent(memPct)} used · ${formatBytes(memory.availableBytes)} available`}
        >
          <UsageBar pct={memPct} label="Memory used" />
        </Tile>
        {swapUnreadable ? (
          <Tile label="Swap" value={<NotAvailable />} />
        ) : memory.swapTotalBytes === 0 ? (
          <Tile label="Swap" value={<span className="muted">No swap configured</span>} />
        ) : (
          <Tile
            label="Swap"
            value={`${formatBytes(memory.swapUsedBytes)} / ${formatBytes(memory.swapTotalBytes)}`}
            detail={`${formatPercent(swapPct)} used`}
          >
            <UsageBar pct={swapPct} label="Swap used" />
          </Tile>
        )}
        <Tile
          label="Load 1 / 5 / 15 min"
          value={sample.load.map((l) => l.toFixed(2)).join(' / ')}
          detail={info ? `on ${info.cores} cores` : undefined}
        />
        <Tile label="Uptime" value={formatDuration(sample.uptimeSec)} />
        <Tile label="Processes" value={sample.processCount === null ? <NotAvailable /> : sample.processCount} />
        <Tile
          label="Disk I/O"
          className="tile--rates"
          value={
            sample.diskIo === null ? (
              <NotAvailable />
            ) : (
              <>
                <span title="Read">R {formatRate(sample.diskIo.readBps)}</span>{' '}
                <span title="Write">W {formatRate(sample.diskIo.writeBps)}</span>
              </>
            )
          }
        />
        <Tile
          label="Network"
          className="tile--rates"
          value={
            sample.network === null ? (
              <NotAvailable />
            ) : (
              <>
                <span title="Received">↓ {formatRate(sample.network.rxBps)}</span>{' '}
                <span title="Sent">↑ {formatRate(sample.network.txBps)}</span>
              </>
            )
          }
        />
        <HealthTile />
      </div>
      <h2 className="section-title">Filesystems</h2>
      <DiskList disks={sample.disks} />
      {limitations.length > 0 && (
        <p className="muted note">This platform does not expose: {limitations.join(', ')}.</p>
      )}
    </section>
  );
}
