import { describe, expect, it } from 'vitest';
import { DOCKER_SPARK_POINTS, type DockerStatsSample } from '../../../src/contract';
import { StatsHistory } from '../../../src/docker/statsHistory';

const sample = (at: number, cpuPercent = at / 1000): DockerStatsSample => ({
  at, cpuPercent, memoryBytes: at, memoryLimitBytes: 1e9, memoryPercent: 0, netRxBytes: 0, netTxBytes: 0, blockReadBytes: 0, blockWriteBytes: 0, pids: 1,
});

describe('stats history', () => {
  it('keeps each container’s samples for the window only, and the newest for the row', () => {
    const h = new StatsHistory(10_000);
    for (let at = 0; at <= 20_000; at += 2000) h.add('a', sample(at));
    expect(h.samples('a').map((s) => s.at)).toEqual([10_000, 12_000, 14_000, 16_000, 18_000, 20_000]);
    expect(h.latest('a')?.at).toBe(20_000);
    expect(h.latest('b')).toBeNull();
    expect(h.samples('b')).toEqual([]);
  });

  it('gives the last points for a sparkline, oldest first', () => {
    const h = new StatsHistory(3_600_000);
    for (let i = 0; i < DOCKER_SPARK_POINTS + 5; i++) h.add('a', sample(i * 1000));
    const spark = h.spark('a');
    expect(spark.cpuPercent).toHaveLength(DOCKER_SPARK_POINTS);
    expect(spark.cpuPercent[0]).toBe(5);
    expect(spark.memoryBytes.at(-1)).toBe((DOCKER_SPARK_POINTS + 4) * 1000);
  });

  it('forgets containers that are gone', () => {
    const h = new StatsHistory();
    h.add('a', sample(1));
    h.add('b', sample(1));
    h.retain(new Set(['b']));
    expect([h.latest('a'), h.latest('b')?.at]).toEqual([null, 1]);
  });
});
