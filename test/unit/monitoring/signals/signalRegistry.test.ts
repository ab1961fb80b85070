import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { K8sKindState } from '../../../../src/contract';
import { parseThreshold, thresholdSamples } from '../../../../src/monitoring/rules/hostThreshold';
import { parseRuleFile } from '../../../../src/monitoring/rules/ruleFile';
import type { DockerEngineView } from '../../../../src/monitoring/signals/dockerSignals';
import { KubernetesSignals, type ClusterView } from '../../../../src/monitoring/signals/kubernetesSignals';
import { SignalRegistry } from '../../../../src/monitoring/signals/signalRegistry';
import { sampleAt } from '../../../helpers/sample';

const container = (name: string, over: Partial<DockerEngineView['containers'][number]> = {}): DockerEngineView['containers'][number] => ({
  engine: 'local',
  id: `${name}0123456789abcdef`,
  name,
  image: 'busybox',
  health: 'healthy',
  oomKilled: false,
  restartCount: 0,
  composeProject: null,
  composeService: null,
  ...over,
});

type Kind = 'nodes' | 'pods' | 'deployments';
/** A context as the Kubernetes metrics see it: kinds with their caches, and the leases taken. */
function cluster(name: string, items: Partial<Record<Kind, unknown[]>>, state: K8sKindState = 'synced') {
  const leases: Kind[] = [];
  const view = (kind: Kind) => ({ status: { state, listed: state === 'synced' }, cache: { values: () => (items[kind] ?? [])[Symbol.iterator]() } });
  const c = {
    name,
    informers: { nodes: view('nodes'), pods: view('pods'), deployments: view('deployments') },
    retain: (kind: Kind) => {
      leases.push(kind);
      return () => leases.splice(leases.indexOf(kind), 1);
    },
  } as unknown as ClusterView;
  return { c, leases };
}

const pod = (name: string, over: object = {}) => ({ namespace: 'shop', name, node: 'node-1', phase: 'Running', status: 'Running', readyContainers: 1, containers: 1, restarts: 0, ...over });

function registry(engines: DockerEngineView[], clusters: ClusterView[]) {
  let sample: ReturnType<typeof sampleAt> | null = null;
  const kubernetes = new KubernetesSignals(() => clusters);
  return { signals: new SignalRegistry({ host: () => sample, docker: () => engines, kubernetes }), setSample: (s: typeof sample) => (sample = s) };
}

describe('signal registry', () => {
  it('reads host metrics from the latest sample, and waits for the first', () => {
    const r = registry([], []);
    expect(r.signals.read('opsdeck_host_memory_used_percent')).toBeNull();
    r.setSample(sampleAt(0, { memUsedPct: 75 }));
    expect(r.signals.read('opsdeck_host_memory_used_percent')).toEqual([{ metric: {}, value: expect.closeTo(75, 5) }]);
  });

  it('gives each container a series labelled with engine, container, name and compose project', () => {
    const engines: DockerEngineView[] = [
      { state: 'connected', synced: true, containers: [container('web', { health: 'unhealthy', composeProject: 'shop', composeService: 'web', restartCount: 3 }), container('db', { oomKilled: true })] },
    ];
    const { signals } = registry(engines, []);
    expect(signals.read('opsdeck_container_unhealthy')).toEqual([
      { metric: { engine: 'local', container: 'web012345678', name: 'web', image: 'busybox', project: 'shop', service: 'web' }, value: 1 },
      { metric: { engine: 'local', container: 'db0123456789', name: 'db', image: 'busybox' }, value: 0 },
    ]);
    expect(signals.read('opsdeck_container_restarts')!.map((s) => s.value)).toEqual([3, 0]);
    expect(signals.read('opsdeck_container_oom_killed')!.map((s) => [s.metric.name, s.value])).toEqual([['web', 0], ['db', 1]]);
    const threshold = parseThreshold('opsdeck_container_unhealthy == 1');
    expect(thresholdSamples(threshold, signals.read(threshold.metric)!).map((s) => s.metric)).toEqual([
      { __name__: 'opsdeck_container_unhealthy', engine: 'local', container: 'web012345678', name: 'web', image: 'busybox', project: 'shop', service: 'web' },
    ]);
  });

  it('waits for a connecting engine to list its containers; an unreachable one counts with what it last knew', () => {
    const engines: DockerEngineView[] = [{ state: 'connecting', synced: false, containers: [] }];
    const { signals } = registry(engines, []);
    expect(signals.read('opsdeck_container_unhealthy')).toBeNull();
    engines[0] = { state: 'unreachable', synced: false, containers: [container('web')] };
    expect(signals.read('opsdeck_container_unhealthy')).toHaveLength(1);
    expect(registry([], []).signals.read('opsdeck_container_unhealthy')).toEqual([]);
  });

  it('reads nodes, pods and deployments from every context', () => {
    const a = cluster('prod', {
      nodes: [{ name: 'node-1', ready: true }, { name: 'node-2', ready: false }],
      pods: [pod('web-1'), pod('web-2', { status: 'CrashLoopBackOff', readyContainers: 0, restarts: 7 }), pod('job-1', { phase: 'Succeeded', readyContainers: 0 }), pod('new', { phase: 'Pending', node: null })],
      deployments: [{ namespace: 'shop', name: 'web', desired: 3, cells: { available: 1 } }],
    });
    const b = cluster('dev', { nodes: [{ name: 'dev-1', ready: false }] });
    const { signals } = registry([], [a.c, b.c]);
    expect(signals.read('opsdeck_k8s_node_not_ready')).toEqual([
      { metric: { context: 'prod', node: 'node-1' }, value: 0 },
      { metric: { context: 'prod', node: 'node-2' }, value: 1 },
      { metric: { context: 'dev', node: 'dev-1' }, value: 1 },
    ]);
    expect(signals.read('opsdeck_k8s_pod_crash_looping')!.filter((s) => s.value === 1).map((s) => s.metric)).toEqual([{ context: 'prod', namespace: 'shop', pod: 'web-2', node: 'node-1' }]);
    expect(signals.read('opsdeck_k8s_pod_restarts')!.map((s) => s.value)).toEqual([0, 7, 0, 0]);
    // A completed pod is neither ready nor not ready.
    expect(signals.read('opsdeck_k8s_pod_not_ready')!.map((s) => [s.metric.pod, s.value])).toEqual([['web-1', 0], ['web-2', 1], ['new', 1]]);
    expect(signals.read('opsdeck_k8s_deployment_unavailable_replicas')).toEqual([{ metric: { context: 'prod', namespace: 'shop', deployment: 'web' }, value: 2 }]);
  });

  it('waits while the contexts are not known or one is still listing a kind, and counts a forbidden kind as empty', () => {
    expect(new KubernetesSignals(() => null).series('opsdeck_k8s_node_not_ready')).toBeNull();
    expect(registry([], [cluster('prod', {}, 'syncing').c]).signals.read('opsdeck_k8s_node_not_ready')).toBeNull();
    expect(registry([], [cluster('prod', {}, 'forbidden').c]).signals.read('opsdeck_k8s_node_not_ready')).toEqual([]);
  });

  it('holds the kinds the rules need in every live context, and lets them go with the rules or the context', () => {
    const a = cluster('prod', {});
    const b = cluster('dev', {});
    const clusters = [a.c, b.c];
    const kubernetes = new KubernetesSignals(() => clusters);
    kubernetes.hold(['opsdeck_k8s_pod_restarts', 'opsdeck_k8s_pod_crash_looping', 'opsdeck_host_load1', 'opsdeck_k8s_node_not_ready']);
    expect(a.leases.sort()).toEqual(['nodes', 'pods']);
    expect(b.leases.sort()).toEqual(['nodes', 'pods']);
    kubernetes.hold(['opsdeck_k8s_deployment_unavailable_replicas']);
    expect(a.leases).toEqual(['deployments']);
    clusters.pop();
    kubernetes.series('opsdeck_k8s_deployment_unavailable_replicas');
    expect(b.leases).toEqual([]);
    expect(a.leases).toEqual(['deployments']);
    kubernetes.stop();
    expect(a.leases).toEqual([]);
  });

  it('lets rules name every signal, and refuses others with the list', () => {
    for (const m of ['opsdeck_container_restarts', 'opsdeck_k8s_pod_not_ready', 'opsdeck_k8s_deployment_unavailable_replicas']) expect(parseThreshold(`${m} > 0`).metric).toBe(m);
    expect(() => parseThreshold('opsdeck_k8s_pods > 1')).toThrow(/unknown host metric "opsdeck_k8s_pods": use one of .*opsdeck_container_unhealthy.*opsdeck_k8s_node_not_ready/);
  });
});

describe('the shipped container and Kubernetes rules', () => {
  it('parse, and compare Opsdeck signals only', () => {
    const name = 'opsdeck-containers.yml';
    const parsed = parseRuleFile(name, fs.readFileSync(path.resolve(__dirname, '../../../../resources/rules', name), 'utf8'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.groups.map((g) => [g.name, g.source])).toEqual([
      ['opsdeck-docker', 'host'],
      ['opsdeck-kubernetes', 'host'],
    ]);
    expect(parsed.groups.flatMap((g) => g.rules.map((r) => r.threshold!.metric))).toEqual([
      'opsdeck_container_unhealthy',
      'opsdeck_container_oom_killed',
      'opsdeck_k8s_node_not_ready',
      'opsdeck_k8s_pod_crash_looping',
      'opsdeck_k8s_deployment_unavailable_replicas',
    ]);
  });
});
