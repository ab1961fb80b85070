import type { HostSample, HostSeries, SeriesPoint, SeriesRange } from '../contract';
import type { Db } from '../store/database';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
export const RANGE_MS: Record<SeriesRange, number> = {
  '15m': 15 * MINUTE,
  '1h': HOUR,
  '6h': 6 * HOUR,
  '24h': 24 * HOUR,
  '7d': 7 * 24 * HOUR,
};
/** A chart never draws more points than this. */
export const MAX_POINTS = 1000;
export const RAW_RETENTION_MS = 24 * HOUR;
export const ROLLUP_STEP_MS = 5 * MINUTE;
export const ROLLUP_RETENTION_MS = 30 * 24 * HOUR;

const pct = (part: number, whole: number) => (whole > 0 ? (part / whole) * 100 : 0);

const SERIES_COLUMNS = `
  avg(cpu_pct) AS cpuPct, avg(mem_used_pct) AS memUsedPct, avg(swap_used_pct) AS swapUsedPct,
  avg(load1) AS load1, avg(disk_read_bps) AS diskReadBps, avg(disk_write_bps) AS diskWriteBps,
  avg(net_rx_bps) AS netRxBps, avg(net_tx_bps) AS netTxBps`;

/** Host samples in the store: raw for a day, five-minute averages for a month. */
export class HostSampleStore {
  private readonly insertStmt;
  private readonly latestStmt;
  /** Series queries by table: raw samples and five-minute rollups. */
  private readonly seriesStmts;
  /** A mount's used percent, from the samples' detail: rollups do not keep disks, so only the raw day. */
  private readonly diskStmt;

  constructor(
    private readonly db: Db,
    private readonly sampleIntervalMs: number,
  ) {
    this.insertStmt = db.prepare(`
      INSERT OR REPLACE INTO host_samples
        (ts, cpu_pct, mem_used_pct, swap_used_pct, load1, disk_read_bps, disk_write_bps, net_rx_bps, net_tx_bps, detail)
      VALUES (@ts, @cpuPct, @memUsedPct, @swapUsedPct, @load1, @diskReadBps, @diskWriteBps, @netRxBps, @netTxBps, @detail)`);
    this.latestStmt = db.prepare<[], { detail: string }>(
      'SELECT detail FROM host_samples ORDER BY ts DESC LIMIT 1',
    );
    const seriesFrom = (table: string) =>
      db.prepare<[number, number, number], SeriesPoint>(
        `SELECT ts - ts % ? AS ts, ${SERIES_COLUMNS}
         FROM ${table} WHERE ts > ? AND ts <= ?
         GROUP BY 1 ORDER BY 1`,
      );
    this.seriesStmts = { raw: seriesFrom('host_samples'), rollups: seriesFrom('host_samples_5m') };
    this.diskStmt = db.prepare<[string, number, number, number], { ts: number; value: number }>(
      `SELECT round(avg(s.ts)) AS ts, avg(100.0 * json_extract(d.value, '$.usedBytes') / json_extract(d.value, '$.totalBytes')) AS value
       FROM host_samples s, json_each(s.detail, '$.disks') d
       WHERE json_extract(d.value, '$.mount') = ? AND json_extract(d.value, '$.totalBytes') > 0 AND s.ts > ? AND s.ts <= ?
       GROUP BY s.ts - s.ts % ? ORDER BY 1`,
    );
  }

  insert(sample: HostSample): void {
    const m = sample.memory;
    this.insertStmt.run({
      ts: sample.ts,
      cpuPct: sample.cpu.totalPct,
      memUsedPct: pct(m.usedBytes, m.totalBytes),
      swapUsedPct: pct(m.swapUsedBytes, m.swapTotalBytes),
      load1: sample.load[0],
      diskReadBps: sample.diskIo?.readBps ?? null,
      diskWriteBps: sample.diskIo?.writeBps ?? null,
      netRxBps: sample.network?.rxBps ?? null,
      netTxBps: sample.network?.txBps ?? null,
      detail: JSON.stringify(sample),
    });
  }

  latest(): HostSample | null {
    const row = this.latestStmt.get();
    return row ? (JSON.parse(row.detail) as HostSample) : null;
  }

  /**
   * Averages samples into steps so the result never exceeds MAX_POINTS.
   * Ranges past the raw retention read the five-minute rollups.
   */
  series(range: SeriesRange, now = Date.now()): HostSeries {
    const span = RANGE_MS[range];
    const fromRollups = span > RAW_RETENTION_MS;
    const resolution = fromRollups ? ROLLUP_STEP_MS : this.sampleIntervalMs;
    const stepMs = Math.max(resolution, Math.ceil(span / MAX_POINTS / 1000) * 1000);
    const from = now - span;
    const points = (fromRollups ? this.seriesStmts.rollups : this.seriesStmts.raw).all(stepMs, from, now);
    return { range, stepMs, from, to: now, points };
  }

  /**
   * A mount's used percent averaged in steps of stepMs over (from, to], each at its samples' mean
   * time (a trend stays a straight line); raw samples only (the last day).
   */
  diskUsedSeries(mount: string, from: number, to: number, stepMs: number): { ts: number; value: number }[] {
    return this.diskStmt.all(mount, from, to, stepMs);
  }

  /** Folds finished five-minute buckets into rollups and drops data past retention. */
  compact(now = Date.now()): void {
    const currentBucket = Math.floor(now / ROLLUP_STEP_MS) * ROLLUP_STEP_MS;
    this.db.transaction(() => {
      this.db
        .prepare(
          `INSERT OR REPLACE INTO host_samples_5m
             (ts, cpu_pct, mem_used_pct, swap_used_pct, load1, disk_read_bps, disk_write_bps, net_rx_bps, net_tx_bps, samples)
           SELECT ts - ts % @step, avg(cpu_pct), avg(mem_used_pct), avg(swap_used_pct), avg(load1),
                  avg(disk_read_bps), avg(disk_write_bps), avg(net_rx_bps), avg(net_tx_bps), count(*)
           FROM host_samples
           WHERE ts >= coalesce((SELECT max(ts) FROM host_samples_5m), 0) AND ts < @currentBucket
           GROUP BY 1`,
        )
        .run({ step: ROLLUP_STEP_MS, currentBucket });
      this.db.prepare('DELETE FROM host_samples WHERE ts < ?').run(now - RAW_RETENTION_MS);
      this.db.prepare('DELETE FROM host_samples_5m WHERE ts < ?').run(now - ROLLUP_RETENTION_MS);
    })();
  }
}
