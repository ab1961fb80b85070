import type { DockerStatsSample } from '@contract';

/** One point of the detail charts: levels as sampled, I/O as rates between two samples. */
export interface StatsPoint {
  at: number;
  cpuPercent: number;
  memoryBytes: number;
  memoryLimitBytes: number;
  netRxBps: number;
  netTxBps: number;
  blockReadBps: number;
  blockWriteBps: number;
}

/** Bytes per second between two totals; a total that went down (the container restarted) counts from zero. */
const rate = (before: number, after: number, seconds: number) => (after >= before ? after - before : after) / seconds;

/** The samples as chart points; the first sample only anchors the rates of the second. */
export function statsPoints(samples: readonly DockerStatsSample[]): StatsPoint[] {
  const points: StatsPoint[] = [];
  for (let i = 1; i < samples.length; i++) {
    const a = samples[i - 1]!;
    const b = samples[i]!;
    const seconds = (b.at - a.at) / 1000;
    if (seconds <= 0) continue;
    points.push({
      at: b.at,
      cpuPercent: b.cpuPercent,
      memoryBytes: b.memoryBytes,
      memoryLimitBytes: b.memoryLimitBytes,
      netRxBps: rate(a.netRxBytes, b.netRxBytes, seconds),
      netTxBps: rate(a.netTxBytes, b.netTxBytes, seconds),
      blockReadBps: rate(a.blockReadBytes, b.blockReadBytes, seconds),
      blockWriteBps: rate(a.blockWriteBytes, b.blockWriteBytes, seconds),
    });
  }
  return points;
}
