import type { HostSample } from '../../src/contract';

const GiB = 1024 ** 3;

/** A host sample for tests of code that consumes samples; fields override the defaults. */
export function sampleAt(ts: number, over: { cpuPct?: number; memUsedPct?: number; diskUsedPct?: number } = {}): HostSample {
  const total = 16 * GiB;
  const used = Math.round((total * (over.memUsedPct ?? 50)) / 100);
  const diskTotal = 100 * GiB;
  const diskUsed = Math.round((diskTotal * (over.diskUsedPct ?? 40)) / 100);
  return {
    ts,
    cpu: { totalPct: over.cpuPct ?? 10, perCorePct: [over.cpuPct ?? 10, over.cpuPct ?? 10] },
    load: [0.5, 0.4, 0.3],
    memory: { totalBytes: total, usedBytes: used, availableBytes: total - used, swapTotalBytes: 0, swapUsedBytes: 0 },
    disks: [{ mount: '/', device: '/dev/vda', fsType: 'ext4', totalBytes: diskTotal, usedBytes: diskUsed, availableBytes: diskTotal - diskUsed }],
    diskIo: { readBps: 1000, writeBps: 2000 },
    network: { rxBps: 300, txBps: 400 },
    uptimeSec: 1000,
    processCount: 100,
  };
}
