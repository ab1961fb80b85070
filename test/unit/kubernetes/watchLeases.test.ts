import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { K8sKind } from '../../../src/contract/types';
import { WatchLeases } from '../../../src/kubernetes/watchLeases';

describe('watch leases', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function setup() {
    const log: string[] = [];
    const leases = new WatchLeases(
      (kind: K8sKind) => log.push(`watch ${kind}`),
      (kind: K8sKind) => log.push(`unwatch ${kind}`),
      1000,
    );
    return { log, leases };
  }

  it('starts a kind on its first request and stops it an idle period after the last one', () => {
    const { log, leases } = setup();
    leases.touch('jobs');
    leases.touch('jobs');
    expect(log).toEqual(['watch jobs']);
    vi.advanceTimersByTime(900);
    leases.touch('jobs');
    vi.advanceTimersByTime(900);
    expect(log).toEqual(['watch jobs']);
    vi.advanceTimersByTime(100);
    expect(log).toEqual(['watch jobs', 'unwatch jobs']);
    leases.touch('jobs');
    expect(log).toEqual(['watch jobs', 'unwatch jobs', 'watch jobs']);
  });

  it('keeps a held kind however long, and counts down from the last release', () => {
    const { log, leases } = setup();
    const first = leases.retain('services');
    const second = leases.retain('services');
    leases.touch('services');
    vi.advanceTimersByTime(5000);
    first();
    first();
    vi.advanceTimersByTime(5000);
    expect(log).toEqual(['watch services']);
    second();
    vi.advanceTimersByTime(999);
    expect(log).toEqual(['watch services']);
    vi.advanceTimersByTime(1);
    expect(log).toEqual(['watch services', 'unwatch services']);
  });

  it('forgets everything on clear without stopping', () => {
    const { log, leases } = setup();
    leases.touch('ingresses');
    leases.clear();
    vi.advanceTimersByTime(10_000);
    expect(log).toEqual(['watch ingresses']);
  });
});
