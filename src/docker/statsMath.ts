import type { DockerStatsSample } from '../contract';

/** The parts of the engine's stats answer the figures come from (cgroup v1 and v2). */
export interface RawStats {
  read?: string;
  cpu_stats?: CpuStats;
  precpu_stats?: CpuStats;
  memory_stats?: { usage?: number; limit?: number; stats?: Record<string, number> };
  networks?: Record<string, { rx_bytes?: number; tx_bytes?: number }>;
  blkio_stats?: { io_service_bytes_recursive?: { op: string; value: number }[] | null };
  pids_stats?: { current?: number };
}

export interface CpuStats {
  cpu_usage?: { total_usage?: number; percpu_usage?: number[] | null };
  system_cpu_usage?: number;
  online_cpus?: number;
}

/**
 * CPU % as `docker stats` figures it: the container's share of the host's CPU time between two
 * readings, times the CPUs online. `previous` is the reading before (the engine's precpu_stats,
 * or the last one-shot reading).
 */
export function cpuPercent(now: CpuStats | undefined, previous: CpuStats | undefined): number {
  const cpuDelta = (now?.cpu_usage?.total_usage ?? 0) - (previous?.cpu_usage?.total_usage ?? 0);
  const systemDelta = (now?.system_cpu_usage ?? 0) - (previous?.system_cpu_usage ?? 0);
  const online = now?.online_cpus || now?.cpu_usage?.percpu_usage?.length || 1;
  if (!previous?.system_cpu_usage || systemDelta <= 0 || cpuDelta <= 0) return 0;
  return (cpuDelta / systemDelta) * online * 100;
}

/** Memory in use without the page cache, as the CLI shows: inactive_file (v2) or total_inactive_file (v1). */
export function memoryUsed(memory: RawStats['memory_stats']): number {
  const usage = memory?.usage ?? 0;
  const stats = memory?.stats ?? {};
  const inactive = stats.total_inactive_file ?? stats.inactive_file;
  return inactive !== undefined && inactive < usage ? usage - inactive : usage;
}

function blockBytes(raw: RawStats): { read: number; write: number } {
  let read = 0;
  let write = 0;
  for (const entry of raw.blkio_stats?.io_service_bytes_recursive ?? []) {
    const op = entry.op.toLowerCase();
    if (op === 'read') read += entry.value;
    else if (op === 'write') write += entry.value;
  }
  return { read, write };
}

/** One sample from a stats answer; `previousCpu` overrides precpu_stats when the engine left it empty (one-shot). */
export function statsSample(raw: RawStats, at: number, previousCpu?: CpuStats): DockerStatsSample {
  const memoryBytes = memoryUsed(raw.memory_stats);
  const memoryLimitBytes = raw.memory_stats?.limit ?? 0;
  let netRxBytes = 0;
  let netTxBytes = 0;
  for (const net of Object.values(raw.networks ?? {})) {
    netRxBytes += net.rx_bytes ?? 0;
    netTxBytes += net.tx_bytes ?? 0;
  }
  const block = blockBytes(raw);
  return {
    at,
    cpuPercent: cpuPercent(raw.cpu_stats, previousCpu ?? raw.precpu_stats),
    memoryBytes,
    memoryLimitBytes,
    memoryPercent: memoryLimitBytes > 0 ? (memoryBytes / memoryLimitBytes) * 100 : 0,
    netRxBytes,
    netTxBytes,
    blockReadBytes: block.read,
    blockWriteBytes: block.write,
    pids: raw.pids_stats?.current ?? 0,
  };
}
