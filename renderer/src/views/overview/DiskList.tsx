import type { DiskUsage } from '@contract';
import { UsageBar } from '../../components/UsageBar';
import { formatBytes } from '../../format/bytes';
import { formatPercent, percentOf } from '../../format/number';

/** Every mounted filesystem the host could stat, fullest first. */
export function DiskList({ disks }: { disks: DiskUsage[] }) {
  if (disks.length === 0) {
    return <p className="muted">The host reported no mounted filesystems it could read.</p>;
  }
  const sorted = [...disks].sort((a, b) => percentOf(b.usedBytes, b.totalBytes) - percentOf(a.usedBytes, a.totalBytes));
  return (
    <ul className="disk-list" aria-label="Filesystems">
      {sorted.map((d) => {
        const pct = percentOf(d.usedBytes, d.totalBytes);
        return (
          <li key={d.mount} className="disk" data-testid={`disk-${d.mount}`} data-used-bytes={d.usedBytes} data-total-bytes={d.totalBytes}>
            <div className="disk__head">
              <span className="disk__mount" title={d.device}>
                {d.mount}
              </span>
              <span className="muted">{d.fsType}</span>
              <span className="disk__figures">
                {formatBytes(d.usedBytes)} / {formatBytes(d.totalBytes)} · {formatPercent(pct)}
              </span>
            </div>
            <UsageBar pct={pct} label={`${d.mount} used`} />
          </li>
        );
      })}
    </ul>
  );
}
