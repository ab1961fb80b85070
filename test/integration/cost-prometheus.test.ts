import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CostAllocationReport, PromSources, PromSourceInfo } from '../../src/contract';
import { podUsageFromPrometheus } from '../../src/cost/allocation/prometheusUsage';
import { cleanupAfterEach } from '../helpers/cleanups';
import { costTestHost } from '../helpers/costHost';
import { call } from '../helpers/hostCall';
import { tempDir } from '../helpers/tempDir';
import { startTestApiServer } from '../k8s';
import type { PrometheusReader } from '../../src/cost/allocation/prometheusQuery';
import { workloadNetwork } from '../../src/cost/recommendations/prometheusNetwork';
import { PromClient } from '../../src/monitoring/prometheus/client';
import { eventually } from '../helpers/eventually';
import { startPrometheusStack, type PrometheusStack } from '../prometheus';

let stack: PrometheusStack;
const cleanup = cleanupAfterEach();
beforeAll(async () => {
  stack = await startPrometheusStack();
}, 90_000);
afterAll(() => stack?.stop());

const source = (state: PromSourceInfo['state']): PromSourceInfo => ({
  id: 1,
  name: 'lab',
  url: stack.prometheusUrl,
  auth: 'none',
  username: null,
  state,
  message: null,
  version: null,
  lastCheckedAt: null,
  nextCheckAt: null,
});

/** The sources list as the host keeps it, with a real client for the one source. */
const reader = (state: PromSourceInfo['state'] = 'connected'): PrometheusReader => ({
  sources: () => ({ sources: [source(state)], hint: null }),
  withSource: (_id, fn) => fn(new PromClient({ url: stack.prometheusUrl, credentials: { kind: 'none' } })),
});

const PODS = [
  { context: 'prod', namespace: 'shop', pod: 'web-1', workload: 'Deployment/web' },
  { context: 'prod', namespace: 'shop', pod: 'web-2', workload: 'Deployment/web' },
  { context: 'prod', namespace: 'shop', pod: 'quiet-1', workload: 'Deployment/quiet' },
];

const counters = (web: number, quiet: number) =>
  [
    '# TYPE container_network_receive_bytes_total counter',
    `container_network_receive_bytes_total{namespace="shop",pod="web-1",interface="eth0"} ${web}`,
    `container_network_receive_bytes_total{namespace="shop",pod="quiet-1",interface="eth0"} ${quiet}`,
    '# TYPE container_network_transmit_bytes_total counter',
    `container_network_transmit_bytes_total{namespace="shop",pod="web-1",interface="eth0"} ${web}`,
    `container_network_transmit_bytes_total{namespace="shop",pod="quiet-1",interface="eth0"} ${quiet}`,
    '',
  ].join('\n');

describe('workload network from cAdvisor counters in Prometheus', () => {
  it('says network is not measured while no source has the counters', async () => {
    const reading = await workloadNetwork(reader(), PODS, Date.now());
    expect(reading.bytes).toBeNull();
    expect(reading.note).toMatch(/no connected Prometheus source has cAdvisor network metrics/);
    expect((await workloadNetwork(reader('unreachable'), PODS, Date.now())).note).toMatch(/no Prometheus source is connected/);
  });

  it("adds up each workload's pods' traffic in and out", async () => {
    await stack.push('cadvisor', counters(1_000, 5_000));
    const client = new PromClient({ url: stack.prometheusUrl, credentials: { kind: 'none' } });
    const samples = async () => {
      const { data } = await client.query('count_over_time(container_network_receive_bytes_total{pod="web-1"}[1h])', undefined, { timeoutMs: 5_000 });
      return data.resultType === 'vector' ? Number(data.result[0]?.value?.[1] ?? 0) : 0;
    };
    await eventually(async () => expect(await samples()).toBeGreaterThanOrEqual(2), 20_000);
    await stack.push('cadvisor', counters(30_001_000, 5_000));
    const reading = await eventually(async () => {
      const r = await workloadNetwork(reader(), PODS, Date.now());
      expect(r.bytes?.get('prod/shop/Deployment/web')).toBeGreaterThanOrEqual(60_000_000);
      return r;
    }, 30_000);
    // A counter that did not move: no traffic; a pod Prometheus has no series for adds nothing.
    expect(reading.bytes!.get('prod/shop/Deployment/quiet')).toBe(0);
    expect([...reading.bytes!.keys()].sort()).toEqual(['prod/shop/Deployment/quiet', 'prod/shop/Deployment/web']);
  }, 90_000);
});

describe('pod usage from cAdvisor when the cluster has no metrics-server', () => {
  it('allocates from the working set and CPU rate that Prometheus has', async () => {
    const server = await startTestApiServer({ bookmarkIntervalMs: 200, metrics: false });
    cleanup(() => server.close());
    server.store.create({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: { name: 'node-a' },
      status: { capacity: { cpu: '4', memory: '8Gi' }, allocatable: { cpu: '4', memory: '8Gi' }, conditions: [{ type: 'Ready', status: 'True' }] },
    });
    server.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'lab' } });
    server.store.create({
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'solo', namespace: 'lab' },
      spec: { nodeName: 'node-a', containers: [{ name: 'app', image: 'solo:1', resources: { requests: { cpu: '100m', memory: '128Mi' } } }] },
      status: { phase: 'Running' },
    });
    await server.store.settled();
    // A CPU counter that stands still (rate 0: the request counts) and a 1 GiB working set (above the request: it counts).
    await stack.push(
      'cadvisor-usage',
      [
        '# TYPE container_cpu_usage_seconds_total counter',
        'container_cpu_usage_seconds_total{namespace="lab",pod="solo",container="app"} 42',
        '# TYPE container_memory_working_set_bytes gauge',
        `container_memory_working_set_bytes{namespace="lab",pod="solo",container="app"} ${2 ** 30}`,
        '',
      ].join('\n'),
    );
    await eventually(async () => expect((await podUsageFromPrometheus(reader(), Date.now()))?.get('lab/solo')).toEqual({ cpuMillis: 0, memoryBytes: 2 ** 30 }), 30_000);

    const host = await costTestHost({ kubeconfigPaths: [server.kubeconfigPath(tempDir())] });
    cleanup(() => host.stop());
    await call(host, 'prom.addSource', { name: 'lab', url: stack.prometheusUrl, auth: { kind: 'none' } });
    await eventually(async () => expect((await call<PromSources>(host, 'prom.sources', {})).sources[0]!.state).toBe('connected'), 30_000);
    await call(host, 'k8s.setEnabled', { context: 'opsdeck-test', enabled: true });

    const report = await eventually(async () => {
      const r = await call<CostAllocationReport>(host, 'cost.allocation', { window: '24h', groupBy: 'namespace' });
      expect(r.rows.map((row) => row.key)).toEqual(['lab']);
      return r;
    }, 30_000);
    const lab = report.rows[0]!;
    expect(lab.cpuCoreHours / (lab.cpuCoreHours + report.idle.cpuCoreHours)).toBeCloseTo(0.1 / 4, 9);
    expect(lab.ramGbHours / (lab.ramGbHours + report.idle.ramGbHours)).toBeCloseTo(1 / 8, 9);
  }, 90_000);
});
