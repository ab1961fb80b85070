import { describe, expect, it } from 'vitest';
import type { CostPricingTable, DockerReclaimable } from '../../../src/contract';
import { AllocationStore, HOUR_MS, type NodeSample, type PodSample } from '../../../src/cost/allocation/allocationStore';
import { dockerRecommendations } from '../../../src/cost/recommendations/dockerSpace';
import { emptyNodeRecommendations } from '../../../src/cost/recommendations/emptyNodes';
import { idleWorkloadRecommendations } from '../../../src/cost/recommendations/idleWorkloads';
import { rightsizeRecommendations } from '../../../src/cost/recommendations/rightsize';
import { volumeRecommendations } from '../../../src/cost/recommendations/volumes';
import { percentile, workloadUsage } from '../../../src/cost/recommendations/workloadUsage';
import { projectClaim, projectVolume } from '../../../src/kubernetes/kinds/volumes';
import { openDatabase } from '../../../src/store/database';
import { tempDir } from '../../helpers/tempDir';

const TABLE: CostPricingTable = { description: 'test', currency: 'USD', cpuCoreHour: 1, ramGbHour: 0.5, gpuHour: 10, storageGbMonth: 0.1 };
const END = Date.UTC(2026, 10, 20);
const RANGE = { start: END - 7 * 24 * HOUR_MS, end: END };
const NODES: NodeSample[] = [
  { node: 'n1', instanceType: null, cpu: 4, ram: 16, gpu: 0 },
  { node: 'n2', instanceType: null, cpu: 4, ram: 16, gpu: 0 },
];

const pod = (name: string, over: Partial<PodSample>): PodSample => ({
  namespace: 'shop',
  pod: name,
  node: 'n1',
  workload: 'Deployment/web',
  labels: {},
  cpuRequest: 2,
  ramRequest: 4,
  gpuRequest: 0,
  cpuUsage: 0.2,
  ramUsage: 0.5,
  ...over,
});

/** A store with one sample an hour for the last `hours` hours. */
function storeWith(hours: number, pods: (hour: number) => PodSample[], nodes = NODES): AllocationStore {
  const store = new AllocationStore(openDatabase(tempDir()));
  for (let h = 1; h <= hours; h++) store.record({ context: 'prod', at: END - h * HOUR_MS + 60_000, intervalMs: HOUR_MS, pods: pods(h), nodes, claims: [] });
  return store;
}

const usage = (store: AllocationStore) => workloadUsage(store.workloadHours(RANGE));

describe('right-size', () => {
  it('suggests P95 plus headroom when requests are far above usage, with the monthly saving', () => {
    // Two replicas; one hour in 48 peaks at 0.5 cores: below the P95 rank, so it does not count.
    const store = storeWith(48, (h) => [pod('web-1', { cpuUsage: h === 7 ? 0.5 : 0.2 }), pod('web-2', { cpuUsage: h === 7 ? 0.5 : 0.2 })]);
    const [rec, ...rest] = rightsizeRecommendations(usage(store), TABLE);
    expect(rest).toEqual([]);
    expect(rec).toMatchObject({ id: 'cost.rightsize/prod/shop/Deployment/web', kind: 'rightsize', engine: 'cost' });
    // Suggested: 0.2 × 1.2 = 0.24 cores, 0.5 × 1.2 = 0.6 GiB; saved per replica (2 − 0.24) × 1 + (4 − 0.6) × 0.5 an hour.
    expect(rec!.effect.monthlySaving).toBeCloseTo(2 * (1.76 + 1.7) * 730, 6);
    expect(rec!.evidence.join('\n')).toMatch(/request 2, P95 of hourly usage 200m/);
    expect(rec!.effect.text).toMatch(/CPU request 2 → 240m, memory request 4Gi → 614\.4Mi/);
  });

  it('stays quiet when usage is near the requests or there is under a day of evidence', () => {
    expect(rightsizeRecommendations(usage(storeWith(48, () => [pod('web-1', { cpuUsage: 1.5, ramUsage: 3 })])), TABLE)).toEqual([]);
    expect(rightsizeRecommendations(usage(storeWith(20, () => [pod('web-1', {})])), TABLE)).toEqual([]);
  });

  it('flags usage above the requests as a risk, memory first', () => {
    const [rec] = rightsizeRecommendations(usage(storeWith(30, () => [pod('web-1', { cpuRequest: 0.5, ramRequest: 1, cpuUsage: 0.3, ramUsage: 1.5 })])), TABLE);
    expect(rec).toMatchObject({ kind: 'underprovisioned', effect: { risk: 'high' } });
    expect(rec!.effect.monthlySaving).toBeUndefined();
    expect(rec!.effect.text).toMatch(/memory request 1Gi → 1\.8Gi/);
  });

  it('takes the nearest-rank percentile', () => {
    expect(percentile([5, 1, 4, 2, 3], 95)).toBe(5);
    expect(percentile(Array.from({ length: 100 }, (_, i) => i + 1), 95)).toBe(95);
  });
});

describe('idle deployments', () => {
  const quiet = () => [pod('web-1', { cpuUsage: 0.001, cpuRequest: 0.5, ramRequest: 1 }), pod('job-1', { workload: 'Job/once', cpuUsage: 0, cpuRequest: 1 })];

  it('finds deployments with near-zero CPU for 7 days, and says when network was not measured', () => {
    const [rec, ...rest] = idleWorkloadRecommendations(usage(storeWith(168, quiet)), TABLE, null, 'Network not measured');
    expect(rest).toEqual([]); // the Job is not a deployment
    expect(rec).toMatchObject({ id: 'cost.idle/prod/shop/Deployment/web', kind: 'idle' });
    // Allocated max(request, usage): 0.5 cores and 1 GiB an hour → 1 an hour → 730 a month.
    expect(rec!.effect.monthlySaving).toBeCloseTo(730, 6);
    expect(rec!.evidence).toContain('Network not measured');
  });

  it('keeps deployments that used CPU or network, or were not watched for the whole week', () => {
    const busy = storeWith(168, (h) => [pod('web-1', { cpuUsage: h === 100 ? 0.05 : 0.001 })]);
    expect(idleWorkloadRecommendations(usage(busy), TABLE, null, '')).toEqual([]);
    const network = new Map([['prod/shop/Deployment/web', 50_000_000]]);
    expect(idleWorkloadRecommendations(usage(storeWith(168, quiet)), TABLE, network, '')).toEqual([]);
    expect(idleWorkloadRecommendations(usage(storeWith(100, quiet)), TABLE, null, '')).toEqual([]);
  });
});

describe('mostly empty nodes', () => {
  it('finds a node whose pods request under 20% of it in a cluster with room elsewhere', () => {
    const store = storeWith(48, () => [pod('web-1', { node: 'n1', cpuRequest: 3, ramRequest: 12 }), pod('tiny', { node: 'n2', cpuRequest: 0.1, ramRequest: 0.5 })]);
    const recs = emptyNodeRecommendations(store.nodeLoads(RANGE), TABLE, new Map());
    expect(recs.map((r) => r.id)).toEqual(['cost.empty-node/prod/n2']);
    // 4 cores × 1 + 16 GiB × 0.5 = 12 an hour.
    expect(recs[0]!.effect.monthlySaving).toBeCloseTo(12 * 730, 6);
    expect(recs[0]!.evidence.join('\n')).toMatch(/3% of its CPU, 3% of its memory/);
  });

  it('never suggests removing the only node', () => {
    const store = storeWith(48, () => [pod('tiny', { cpuRequest: 0.1, ramRequest: 0.5 })], [NODES[0]!]);
    expect(emptyNodeRecommendations(store.nodeLoads(RANGE), TABLE, new Map())).toEqual([]);
  });
});

describe('volumes', () => {
  const claim = (phase: string) => projectClaim({ metadata: { name: `c-${phase}`, namespace: 'shop', uid: phase }, spec: { storageClassName: 'gp3' }, status: { phase } })!;
  const volume = (phase: string) =>
    projectVolume({
      metadata: { name: `pv-${phase}`, uid: phase },
      spec: { capacity: { storage: '100Gi' }, persistentVolumeReclaimPolicy: 'Retain', claimRef: { namespace: 'shop', name: 'old' } },
      status: { phase },
    })!;

  it('reports unbound claims and released volumes with the storage they cost', () => {
    const recs = volumeRecommendations('prod', [claim('Pending'), claim('Bound')], [volume('Released'), volume('Bound'), volume('Available')], TABLE);
    expect(recs.map((r) => r.id)).toEqual(['cost.unbound-pvc/prod/shop/c-Pending', 'cost.released-pv/prod/pv-Released']);
    expect(recs[1]!.effect.monthlySaving).toBeCloseTo(10, 6); // 100 GiB × 0.1
    expect(recs[1]!.evidence.join('\n')).toMatch(/claimed by shop\/old/);
  });
});

describe('docker space', () => {
  const engine = (over: Partial<DockerReclaimable>): DockerReclaimable => ({
    engine: 'local',
    at: 0,
    stoppedContainers: { count: 0, bytes: 0 },
    danglingImages: { count: 0, bytes: 0 },
    unusedVolumes: { count: 0, bytes: 0 },
    totalBytes: 0,
    ...over,
  });

  it('reports what each engine can reclaim, and nothing for a clean one', () => {
    const recs = dockerRecommendations([engine({ stoppedContainers: { count: 2, bytes: 1234 }, danglingImages: { count: 1, bytes: 2_500_000_000 } }), engine({ engine: 'clean' })]);
    expect(recs.map((r) => [r.id, r.effect.text])).toEqual([
      ['cost.stopped-containers/local', 'Removing them (docker container prune) frees 1.2 kB.'],
      ['cost.dangling-images/local', 'Removing them (docker image prune) frees 2.5 GB.'],
    ]);
  });
});
