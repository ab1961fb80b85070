import { describe, expect, it } from 'vitest';
import { cpuPercent, memoryUsed, statsSample } from '../../../src/docker/statsMath';

describe('container stats figures', () => {
  it('figures CPU % like the docker CLI: container delta over system delta, times online CPUs', () => {
    const previous = { cpu_usage: { total_usage: 1_000_000_000 }, system_cpu_usage: 100_000_000_000, online_cpus: 4 };
    const now = { cpu_usage: { total_usage: 1_500_000_000 }, system_cpu_usage: 104_000_000_000, online_cpus: 4 };
    // 0.5 s of CPU out of 4 s of system time (1 s on each of 4 CPUs): half of one core.
    expect(cpuPercent(now, previous)).toBeCloseTo(50, 10);
  });

  it('counts percpu entries when online_cpus is missing (old engines), and says 0 without a previous reading', () => {
    const previous = { cpu_usage: { total_usage: 0 }, system_cpu_usage: 1000 };
    const now = { cpu_usage: { total_usage: 100, percpu_usage: [50, 50] }, system_cpu_usage: 2000 };
    expect(cpuPercent(now, previous)).toBeCloseTo(20, 10);
    expect(cpuPercent(now, {})).toBe(0);
    expect(cpuPercent(now, undefined)).toBe(0);
  });

  it('leaves the page cache out of memory: inactive_file on cgroup v2, total_inactive_file on v1', () => {
    expect(memoryUsed({ usage: 10_000, stats: { inactive_file: 4000 } })).toBe(6000);
    expect(memoryUsed({ usage: 10_000, stats: { total_inactive_file: 3000, inactive_file: 1 } })).toBe(7000);
    expect(memoryUsed({ usage: 10_000, stats: { inactive_file: 20_000 } })).toBe(10_000);
    expect(memoryUsed({ usage: 10_000 })).toBe(10_000);
    expect(memoryUsed(undefined)).toBe(0);
  });

  it('sums network interfaces and block I/O by operation, whatever the case of the op name', () => {
    const sample = statsSample(
      {
        cpu_stats: { cpu_usage: { total_usage: 200 }, system_cpu_usage: 2000, online_cpus: 1 },
        precpu_stats: { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000, online_cpus: 1 },
        memory_stats: { usage: 5000, limit: 20_000, stats: { inactive_file: 1000 } },
        networks: { eth0: { rx_bytes: 10, tx_bytes: 20 }, eth1: { rx_bytes: 1, tx_bytes: 2 } },
        blkio_stats: { io_service_bytes_recursive: [{ op: 'Read', value: 7 }, { op: 'read', value: 3 }, { op: 'Write', value: 9 }, { op: 'Total', value: 19 }] },
        pids_stats: { current: 3 },
      },
      1234,
    );
    expect(sample).toEqual({
      at: 1234,
      cpuPercent: 10,
      memoryBytes: 4000,
      memoryLimitBytes: 20_000,
      memoryPercent: 20,
      netRxBytes: 11,
      netTxBytes: 22,
      blockReadBytes: 10,
      blockWriteBytes: 9,
      pids: 3,
    });
  });

  it('uses the given previous reading for one-shot answers, which carry no precpu_stats', () => {
    const raw = { cpu_stats: { cpu_usage: { total_usage: 300 }, system_cpu_usage: 3000, online_cpus: 2 }, precpu_stats: {} };
    expect(statsSample(raw, 0).cpuPercent).toBe(0);
    expect(statsSample(raw, 0, { cpu_usage: { total_usage: 100 }, system_cpu_usage: 1000 }).cpuPercent).toBeCloseTo(20, 10);
  });
});
