import fs from 'node:fs/promises';
import os from 'node:os';
import type { DiskUsage, HostSample } from '../contract';
import {
  busyPct,
  memoryFromMeminfo,
  parseDiskstats,
  parseLoadavg,
  parseMeminfo,
  parseMounts,
  parseNetDev,
  parseProcStat,
  type CpuTimes,
} from './procfs';

/** Cumulative counters at one instant; a sample is the difference of two. */
export interface Reading {
  ts: number;
  cpu: { total: CpuTimes; cores: CpuTimes[] };
  memory: HostSample['memory'];
  load: [number, number, number];
  uptimeSec: number;
  disks: DiskUsage[];
  io: { readBytes: number; writeBytes: number } | null;
  net: { rxBytes: number; txBytes: number } | null;
  processCount: number | null;
}

export interface HostReader {
  read(): Promise<Reading>;
  /** What this reader cannot see on this platform. */
  limitations: string[];
}

async function diskUsage(mount: string, device: string, fsType: string): Promise<DiskUsage | null> {
  try {
    const s = await fs.statfs(mount);
    const totalBytes = s.blocks * s.bsize;
    if (totalBytes === 0) return null;
    return {
      mount,
      device,
      fsType,
      totalBytes,
      usedBytes: (s.blocks - s.bfree) * s.bsize,
      availableBytes: s.bavail * s.bsize,
    };
  } catch {
    return null; // unmounted since /proc/mounts was read, or not ours to stat
  }
}

/** Physical whole disks (those with a backing device), so partitions are not counted twice. */
async function physicalDisks(sysBlock: string): Promise<Set<string>> {
  const names = await fs.readdir(sysBlock).catch(() => [] as string[]);
  const found = await Promise.all(
    names.map(async (n) => ((await fs.stat(`${sysBlock}/${n}/device`).catch(() => null)) ? n : null)),
  );
  return new Set(found.filter((n): n is string => n !== null));
}

export function linuxReader(root = ''): HostReader {
  const proc = `${root}/proc`;
  let disks: Promise<Set<string>> | null = null;
  const text = (p: string) => fs.readFile(`${proc}/${p}`, 'utf8');
  return {
    limitations: [],
    async read() {
      disks ??= physicalDisks(`${root}/sys/block`);
      const [stat, meminfo, loadavg, uptime, diskstats, netdev, mounts, entries, diskSet] = await Promise.all([
        text('stat'),
        text('meminfo'),
        text('loadavg'),
        text('uptime'),
        text('diskstats').catch(() => null),
        text('net/dev').catch(() => null),
        text('mounts'),
        fs.readdir(proc),
        disks,
      ]);
      const usage = await Promise.all(
        parseMounts(mounts).map((m) => diskUsage(`${root}${m.mount}`, m.device, m.fsType)),
      );
      return {
        ts: Date.now(),
        cpu: parseProcStat(stat),
        memory: memoryFromMeminfo(parseMeminfo(meminfo)),
        load: parseLoadavg(loadavg),
        uptimeSec: Number(uptime.split(' ')[0]),
        disks: usage
          .filter((d): d is DiskUsage => d !== null)
          .map((d) => ({ ...d, mount: d.mount.slice(root.length) || '/' })),
        io: diskstats === null ? null : parseDiskstats(diskstats, diskSet),
        net: netdev === null ? null : parseNetDev(netdev),
        processCount: entries.filter((e) => /^\d+$/.test(e)).length,
      };
    },
  };
}

/** macOS and Windows: what Node itself can tell, and a plain list of what it cannot. */
export function portableReader(): HostReader {
  const root = process.platform === 'win32' ? `${process.cwd().slice(0, 3)}` : '/';
  return {
    limitations: ['disk throughput', 'network throughput', 'process count', 'swap'],
    async read() {
      const cpus = os.cpus();
      const cores = cpus.map(({ times: t }) => ({
        idle: t.idle,
        total: t.user + t.nice + t.sys + t.idle + t.irq,
      }));
      const total = cores.reduce((a, c) => ({ idle: a.idle + c.idle, total: a.total + c.total }), {
        idle: 0,
        total: 0,
      });
      const totalBytes = os.totalmem();
      const availableBytes = os.freemem();
      const disk = await diskUsage(root, root, 'unknown');
      return {
        ts: Date.now(),
        cpu: { total, cores },
        memory: {
          totalBytes,
          availableBytes,
          usedBytes: totalBytes - availableBytes,
          swapTotalBytes: 0,
          swapUsedBytes: 0,
        },
        load: os.loadavg() as [number, number, number],
        uptimeSec: os.uptime(),
        disks: disk ? [disk] : [],
        io: null,
        net: null,
        processCount: null,
      };
    },
  };
}

export const defaultReader = (): HostReader =>
  process.platform === 'linux' ? linuxReader() : portableReader();

const rate = (prev: number, next: number, seconds: number) =>
  seconds > 0 ? Math.max(0, (next - prev) / seconds) : 0;

/** Turns two readings into a sample: percentages and per-second rates over the interval. */
export function toSample(prev: Reading, next: Reading): HostSample {
  const seconds = (next.ts - prev.ts) / 1000;
  return {
    ts: next.ts,
    cpu: {
      totalPct: busyPct(prev.cpu.total, next.cpu.total),
      perCorePct: next.cpu.cores.map((c, i) => (prev.cpu.cores[i] ? busyPct(prev.cpu.cores[i]!, c) : 0)),
    },
    load: next.load,
    memory: next.memory,
    disks: next.disks,
    diskIo:
      prev.io && next.io
        ? {
            readBps: rate(prev.io.readBytes, next.io.readBytes, seconds),
            writeBps: rate(prev.io.writeBytes, next.io.writeBytes, seconds),
          }
        : null,
    network:
      prev.net && next.net
        ? { rxBps: rate(prev.net.rxBytes, next.net.rxBytes, seconds), txBps: rate(prev.net.txBytes, next.net.txBytes, seconds) }
        : null,
    uptimeSec: next.uptimeSec,
    processCount: next.processCount,
  };
}
