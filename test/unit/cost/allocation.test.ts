import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostPricingTable } from '../../../src/contract';
import { AllocationEngine, windowRange } from '../../../src/cost/allocation/allocationEngine';
import { HOUR_MS, type ClusterSample } from '../../../src/cost/allocation/allocationStore';
import { PricingFile } from '../../../src/cost/allocation/pricing';
import { openDatabase } from '../../../src/store/database';
import { KeyValueStore } from '../../../src/store/keyValue';
import { tempDir } from '../../helpers/tempDir';

const DEFAULTS = path.join(__dirname, '../../../resources/pricing/default.json');
/** Round figures: 1 per core-hour, 0.5 per GiB-hour, 10 per GPU-hour, 0.1 per GiB-hour of storage. */
const TABLE: CostPricingTable = { description: 'test', currency: 'USD', cpuCoreHour: 1, ramGbHour: 0.5, gpuHour: 10, storageGbMonth: 73 };
const NOW = Date.UTC(2026, 10, 20, 12, 30);
const AT = Date.UTC(2026, 10, 20, 11, 10);

function sample(over: Partial<ClusterSample> = {}): ClusterSample {
  return {
    context: 'prod',
    at: AT,
    intervalMs: HOUR_MS,
    nodes: [{ node: 'n1', instanceType: null, cpu: 4, ram: 8, gpu: 0 }],
    pods: [
      // Usage above the CPU request: allocated 1.5 cores; memory below the request: allocated 2 GiB.
      { namespace: 'shop', pod: 'web-1', node: 'n1', workload: 'Deployment/web', labels: { team: 'red' }, cpuRequest: 1, ramRequest: 2, gpuRequest: 0, cpuUsage: 1.5, ramUsage: 1 },
      // No usage measured: allocated its requests.
      { namespace: 'shop', pod: 'api-1', node: 'n1', workload: 'Deployment/api', labels: { team: 'blue' }, cpuRequest: 0.5, ramRequest: 1, gpuRequest: 0, cpuUsage: null, ramUsage: null },
      // No requests: allocated its usage.
      { namespace: 'tools', pod: 'debug', node: 'n1', workload: 'Pod/debug', labels: {}, cpuRequest: 0, ramRequest: 0, gpuRequest: 0, cpuUsage: 0.25, ramUsage: 0.5 },
    ],
    claims: [{ namespace: 'tools', claim: 'data', labels: {}, storage: 10 }],
    ...over,
  };
}

async function engine(samples: ClusterSample[], table = TABLE, rates: { instanceType: string; hourly: number }[] = []) {
  const dir = tempDir();
  const db = openDatabase(dir);
  const e = new AllocationEngine({
    db,
    kv: new KeyValueStore(db),
    clusters: { connectedNames: () => [], cluster: () => Promise.reject(new Error('not used')) },
    pricing: new PricingFile(dir, DEFAULTS),
    instanceRates: async () => ({ rates: rates.map((r) => ({ ...r, provider: 'AWS', hours: 10 })), note: null }),
    log: () => undefined,
    now: () => NOW,
  });
  await e.setPricing({ table });
  for (const s of samples) e.store.record(s);
  return e;
}

const costs = (rows: { key: string; totalCost: number; pods: number }[]) => Object.fromEntries(rows.map((r) => [r.key, [Number(r.totalCost.toFixed(6)), r.pods]]));

describe('cost allocation', () => {
  it('allocates max(request, usage) per resource and keeps the rest of each node as idle', async () => {
    const report = await (await engine([sample()])).report({ window: '24h', groupBy: 'namespace' });
    // shop: web 1.5×1 + 2×0.5 = 2.5, api 0.5 + 0.5 = 1; tools: debug 0.25 + 0.25, claim 10 GiB × 0.1 = 1.
    expect(costs(report.rows)).toEqual({ shop: [3.5, 2], tools: [1.5, 1] });
    expect(report.nodeCost).toBeCloseTo(8); // 4 cores × 1 + 8 GiB × 0.5
    // Idle: 4 − 2.25 cores and 8 − 3.5 GiB.
    expect(report.idle.cpuCoreHours).toBeCloseTo(1.75);
    expect(report.idle.ramGbHours).toBeCloseTo(4.5);
    expect(report.idle.totalCost).toBeCloseTo(4);
    expect(report.allocatedCost).toBeCloseTo(5);
    const shop = report.rows.find((r) => r.key === 'shop')!;
    expect(shop.cpuCoreHours).toBeCloseTo(2);
    expect(shop.ramGbHours).toBeCloseTo(3);
    expect(report.connected).toBe(true);
    expect(report.coveredFrom).toBe(Date.UTC(2026, 10, 20, 11));
  });

  it('rolls up by workload, label and team (pods without the label are unallocated)', async () => {
    const e = await engine([sample()]);
    expect(costs((await e.report({ window: '24h', groupBy: 'workload' })).rows)).toEqual({
      'shop/Deployment/web': [2.5, 1],
      'shop/Deployment/api': [1, 1],
      'tools/PersistentVolumeClaim/data': [1, 0],
      'tools/Pod/debug': [0.5, 1],
    });
    expect(costs((await e.report({ window: '24h', groupBy: 'team' })).rows)).toEqual({ red: [2.5, 1], blue: [1, 1], __unallocated__: [1.5, 1] });
    await e.setPricing({ teamLabel: 'owner' });
    expect(costs((await e.report({ window: '24h', groupBy: 'team' })).rows)).toEqual({ __unallocated__: [5, 3] });
    expect((await e.report({ window: '24h', groupBy: 'label', labelKey: 'team' })).labelKey).toBe('team');
  });

  it('prices a node by its instance type from billing, split so pods and idle add up to it', async () => {
    const nodes = [{ node: 'n1', instanceType: 'm5.xlarge', cpu: 4, ram: 8, gpu: 0 }];
    const report = await (await engine([sample({ nodes })], TABLE, [{ instanceType: 'm5.xlarge', hourly: 4 }])).report({ window: '24h', groupBy: 'namespace' });
    // Capacity at the table is 8 an hour; the bill says 4: every rate is halved.
    expect(report.nodeCost).toBeCloseTo(4);
    expect(report.rows.find((r) => r.key === 'shop')!.totalCost).toBeCloseTo(1.75);
    expect(report.idle.totalCost + report.allocatedCost - 1).toBeCloseTo(4); // the claim is priced apart
  });

  it('never counts negative idle when pods use more than a node has', async () => {
    const pods = [{ namespace: 'a', pod: 'hog', node: 'n1', workload: 'Pod/hog', labels: {}, cpuRequest: 1, ramRequest: 1, gpuRequest: 0, cpuUsage: 6, ramUsage: 1 }];
    const report = await (await engine([sample({ pods, claims: [] })])).report({ window: '24h', groupBy: 'namespace' });
    expect(report.idle.cpuCoreHours).toBe(0);
    expect(report.idle.ramGbHours).toBeCloseTo(7);
  });

  it('adds samples of one hour together and buckets the series', async () => {
    const half = { intervalMs: HOUR_MS / 2 };
    const report = await (await engine([sample(half), sample({ ...half, at: AT + 20 * 60_000 }), sample({ at: AT - 5 * HOUR_MS })])).report({
      window: '24h',
      groupBy: 'namespace',
    });
    expect(report.rows.find((r) => r.key === 'shop')!.totalCost).toBeCloseTo(7);
    const i = report.series.buckets.indexOf(Date.UTC(2026, 10, 20, 11));
    expect(report.series.groups.find((g) => g.key === 'shop')!.costs[i]).toBeCloseTo(3.5);
    expect(report.series.idle[i]).toBeCloseTo(4);
    expect(report.series.buckets).toHaveLength(24);
  });

  it('says how to connect a cluster when nothing was sampled', async () => {
    const report = await (await engine([])).report({ window: '7d', groupBy: 'namespace' });
    expect(report).toMatchObject({ connected: false, rows: [], nodeCost: 0 });
    expect(report.hint).toMatch(/Clusters tab/);
  });

  it('covers the calendar month so far, or whole hours back from now', () => {
    expect(windowRange('month', NOW)).toEqual({ start: Date.UTC(2026, 10, 1), end: NOW });
    expect(windowRange('24h', NOW)).toEqual({ start: Date.UTC(2026, 10, 19, 13), end: NOW });
  });
});
