import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { CostAllocationReport, CostPricing, CostRecommendations } from '../../src/contract';
import type { Host, HostOptions } from '../../src/host/createHost';
import { importBusybox, runContainer } from '../docker';
import { dockerdForFile } from '../docker/perFile';
import { cleanupAfterEach } from '../helpers/cleanups';
import { costTestHost } from '../helpers/costHost';
import { eventually } from '../helpers/eventually';
import { call } from '../helpers/hostCall';
import { tempDir } from '../helpers/tempDir';
import { startTestApiServer, type TestApiServer } from '../k8s';

const FOCUS_SAMPLE = path.resolve(__dirname, '../../../shared/data/focus/focus_sample.csv');

const SOON_MS = 30_000;
const cleanup = cleanupAfterEach();
const dockerd = dockerdForFile();
/** Round prices: 1 per core-hour, 0.5 per GiB-hour, 10 per GPU-hour, 0.1 per GiB-hour of storage. */
const TABLE = { description: 'test', currency: 'USD', cpuCoreHour: 1, ramGbHour: 0.5, gpuHour: 10, storageGbMonth: 73 };

async function startHost(extra: Partial<HostOptions>): Promise<Host> {
  const host = await costTestHost(extra);
  cleanup(() => host.stop());
  return host;
}

const ready = { type: 'Ready', status: 'True' };

/** One 4-core, 8 GiB node running a 2-replica deployment (500m and 1Gi each, using 800m and 256Mi), and three volumes. */
async function cluster(instanceType = 'm5.xlarge'): Promise<TestApiServer> {
  const server = await startTestApiServer({ bookmarkIntervalMs: 200, metrics: true });
  cleanup(() => server.close());
  const { store } = server;
  store.create({
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name: 'node-a', labels: { 'node.kubernetes.io/instance-type': instanceType } },
    status: { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '3800m', memory: '7Gi' }, conditions: [ready] },
  });
  store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'shop' } });
  const template = {
    metadata: { labels: { app: 'web', team: 'red' } },
    spec: { containers: [{ name: 'app', image: 'web:1', resources: { requests: { cpu: '500m', memory: '1Gi' } } }] },
  };
  store.create({
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'web', namespace: 'shop' },
    spec: { replicas: 2, selector: { matchLabels: { app: 'web' } }, template },
  });
  store.create({
    apiVersion: 'v1',
    kind: 'PersistentVolumeClaim',
    metadata: { name: 'data', namespace: 'shop', labels: { team: 'red' } },
    spec: { volumeName: 'pv-data', resources: { requests: { storage: '10Gi' } } },
    status: { phase: 'Bound', capacity: { storage: '10Gi' } },
  });
  store.create({ apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'stuck', namespace: 'shop' }, spec: { storageClassName: 'none' }, status: { phase: 'Pending' } });
  store.create({
    apiVersion: 'v1',
    kind: 'PersistentVolume',
    metadata: { name: 'pv-old' },
    spec: { capacity: { storage: '5Gi' }, persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'shop', name: 'old' } },
    status: { phase: 'Released' },
  });
  await store.settled();
  const pods = store.list('pods', { namespace: 'shop' });
  expect(pods).toHaveLength(2);
  for (const p of pods) store.metrics.setPod('shop', p.metadata.name!, { app: { cpu: '800m', memory: '256Mi' } });
  return server;
}

describe('Kubernetes cost allocation', () => {
  it('samples pods with their metrics and allocates max(request, usage) at the prices, idle apart', async () => {
    const server = await cluster();
    const host = await startHost({ kubeconfigPaths: [server.kubeconfigPath(tempDir())] });
    await call<CostPricing>(host, 'cost.pricing.set', { table: TABLE });
    await call(host, 'k8s.setEnabled', { context: 'opsdeck-test', enabled: true });

    const report = await eventually(async () => {
      const r = await call<CostAllocationReport>(host, 'cost.allocation', { window: '24h', groupBy: 'workload' });
      expect(r.rows.map((row) => row.key).sort()).toEqual(['shop/Deployment/web', 'shop/PersistentVolumeClaim/data']);
      return r;
    }, SOON_MS);
    expect(report.connected).toBe(true);
    expect(report.contexts).toEqual(['opsdeck-test']);
    const web = report.rows.find((r) => r.key === 'shop/Deployment/web')!;
    expect(web.pods).toBe(2);
    // The node's capacity-hours are what the pods took plus what was idle: 4 cores and 8 GiB.
    const nodeCpu = web.cpuCoreHours + report.idle.cpuCoreHours;
    const nodeRam = web.ramGbHours + report.idle.ramGbHours;
    expect(nodeRam / nodeCpu).toBeCloseTo(2, 9);
    // CPU from usage (2 × 800m of 4 cores), memory from requests (2 × 1Gi of 8Gi).
    expect(web.cpuCoreHours / nodeCpu).toBeCloseTo(0.4, 9);
    expect(web.ramGbHours / nodeRam).toBeCloseTo(0.25, 9);
    expect(web.totalCost).toBeCloseTo(web.cpuCoreHours * 1 + web.ramGbHours * 0.5, 9);
    expect(report.nodeCost).toBeCloseTo(nodeCpu * 1 + nodeRam * 0.5, 9);
    expect(report.idle.totalCost).toBeCloseTo(report.nodeCost - web.totalCost, 9);
    const claim = report.rows.find((r) => r.key === 'shop/PersistentVolumeClaim/data')!;
    expect(claim.storageCost).toBeCloseTo(claim.storageGbHours * 0.1, 9);
    expect(claim.storageGbHours / nodeCpu).toBeLessThanOrEqual(10 / 4);

    const csv = await call<{ fileName: string; csv: string }>(host, 'cost.allocation.export', { window: '24h', groupBy: 'workload' });
    expect(csv.fileName).toBe('k8s-allocation-24h-workload.csv');
    const lines = csv.csv.trimEnd().split('\r\n');
    expect(lines[0]).toBe('group,pods,cpu_core_hours,ram_gib_hours,gpu_hours,storage_gib_hours,cpu_cost,ram_cost,gpu_cost,storage_cost,total_cost,currency');
    expect(lines.map((l) => l.split(',')[0]).sort()).toEqual(['(idle)', 'group', 'shop/Deployment/web', 'shop/PersistentVolumeClaim/data']);

    const teams = await call<CostAllocationReport>(host, 'cost.allocation', { window: '24h', groupBy: 'team' });
    expect(teams.rows.map((r) => r.key)).toEqual(['red']);
    expect(teams.labelKey).toBe('team');
  });

  it('prices nodes by their instance type from the imported FOCUS sample', async () => {
    const server = await cluster('g5.4xlarge');
    const host = await startHost({ kubeconfigPaths: [server.kubeconfigPath(tempDir())] });
    await call(host, 'cost.pricing.set', { table: TABLE });
    await call(host, 'cost.import', { path: FOCUS_SAMPLE });
    const pricing = await call<CostPricing>(host, 'cost.pricing.get', {});
    // EffectiveCost over PricingQuantity of the sample's instance-hour rows, as a spreadsheet sums them; types whose hours cost nothing are left out.
    expect(pricing.instanceRates.map((r) => [r.instanceType, r.provider, Number(r.hourly.toFixed(6)), Number(r.hours.toFixed(6))])).toEqual([
      ['c5.4xlarge', 'AWS', 1.291711, 0.774167],
      ['g3.4xlarge', 'AWS', 1.185771, 1.686667],
      ['g5.4xlarge', 'AWS', 1.75074, 6.283056],
      ['m4.10xlarge', 'AWS', 2, 1],
    ]);
    expect(pricing.instanceRatesNote).toBeNull();

    await call(host, 'k8s.setEnabled', { context: 'opsdeck-test', enabled: true });
    const report = await eventually(async () => {
      const r = await call<CostAllocationReport>(host, 'cost.allocation', { window: '24h', groupBy: 'namespace' });
      expect(r.nodeCost).toBeGreaterThan(0);
      return r;
    }, SOON_MS);
    const shop = report.rows.find((r) => r.key === 'shop')!;
    const nodeHours = (shop.cpuCoreHours + report.idle.cpuCoreHours) / 4;
    expect(report.nodeCost / nodeHours).toBeCloseTo(pricing.instanceRates[2]!.hourly, 9);
    const recs = await call<CostRecommendations>(host, 'cost.recommendations', {});
    expect(recs.notes.some((n) => n.startsWith('No billing data'))).toBe(false);
  });

  it('recommends acting on the released volume and the unbound claim', async () => {
    const server = await cluster();
    const host = await startHost({ kubeconfigPaths: [server.kubeconfigPath(tempDir())] });
    await call(host, 'cost.pricing.set', { table: TABLE });
    await call(host, 'k8s.setEnabled', { context: 'opsdeck-test', enabled: true });
    const recs = await eventually(async () => {
      const r = await call<CostRecommendations>(host, 'cost.recommendations', {});
      expect(r.items.map((i) => i.id).sort()).toEqual(['cost.released-pv/opsdeck-test/pv-old', 'cost.unbound-pvc/opsdeck-test/shop/stuck']);
      return r;
    }, SOON_MS);
    const released = recs.items.find((i) => i.kind === 'released-pv')!;
    expect(released.effect.monthlySaving).toBeCloseTo(5 * 73, 9);
    expect(released.evidence).toContain('Capacity 5Gi, reclaim policy Retain');
    expect(recs.notes.some((n) => n.startsWith('No billing data'))).toBe(true);
  });

  it('refuses a bad price and keeps the one in use', async () => {
    const host = await startHost({});
    const r = await host.invoke('cost.pricing.set', { table: { ...TABLE, cpuCoreHour: -1 } });
    expect(r.ok).toBe(false);
    const pricing = await call<CostPricing>(host, 'cost.pricing.get', {});
    expect(pricing).toMatchObject({ custom: false, teamLabel: 'team', table: { cpuCoreHour: 0.031611 } });
    const empty = await call<CostAllocationReport>(host, 'cost.allocation', { window: '7d', groupBy: 'namespace' });
    expect(empty).toMatchObject({ connected: false, rows: [] });
  });
});

describe('Docker space recommendations', () => {
  it('shows a stopped container and a dangling image with the sizes the engine reports', async () => {
    const stopped = await runContainer(dockerd(), { name: 'stopped', script: 'head -c 200000 /bin/busybox > /junk; exit 0' });
    await stopped.wait();
    const danglingId = await importBusybox(dockerd(), 'opsdeck-cost:v1', 'a');
    await importBusybox(dockerd(), 'opsdeck-cost:v1', 'b');
    const host = await startHost({ dockerHosts: [{ name: 'private', host: dockerd().host }] });

    const recs = await eventually(async () => {
      const r = await call<CostRecommendations>(host, 'cost.recommendations', {});
      expect(r.items.map((i) => i.id)).toEqual(expect.arrayContaining(['cost.stopped-containers/private', 'cost.dangling-images/private']));
      return r;
    }, SOON_MS);
    const df = (await dockerd().docker.df()) as {
      Containers: { Id: string; SizeRw: number }[];
      Images: { Id: string; Size: number; SharedSize: number }[];
    };
    const container = df.Containers.find((c) => c.Id === stopped.id)!;
    const image = df.Images.find((i) => i.Id === danglingId)!;
    expect(container.SizeRw).toBeGreaterThanOrEqual(200_000);
    const evidenceOf = (id: string) => recs.items.find((i) => i.id === id)!.evidence[0];
    expect(evidenceOf('cost.stopped-containers/private')).toBe(`1 stopped container: ${container.SizeRw} bytes (engine disk-usage report)`);
    expect(evidenceOf('cost.dangling-images/private')).toBe(`1 dangling image: ${image.Size - Math.max(0, image.SharedSize)} bytes (engine disk-usage report)`);
    expect(recs.items.find((i) => i.id === 'cost.stopped-containers/private')!.link).toEqual({ tab: 'containers' });
  });
});
