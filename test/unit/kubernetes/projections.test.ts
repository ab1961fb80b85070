import { describe, expect, it } from 'vitest';
import { projectDeployment } from '../../../src/kubernetes/kinds/deployments';
import { projectNamespace } from '../../../src/kubernetes/kinds/namespaces';
import { projectNode } from '../../../src/kubernetes/kinds/nodes';
import { projectPod } from '../../../src/kubernetes/kinds/pods';
import { sameProjection } from '../../../src/kubernetes/kinds/projected';
import { parseQuantity } from '../../../src/kubernetes/kinds/quantity';

const CREATED = '2025-11-20T08:00:00Z';

function pod(over: { status?: Record<string, unknown>; metadata?: Record<string, unknown>; spec?: Record<string, unknown> } = {}) {
  return {
    metadata: {
      name: 'web-7d4b9-x2x',
      namespace: 'shop',
      uid: 'uid-1',
      resourceVersion: '42',
      creationTimestamp: CREATED,
      labels: { app: 'web' },
      ownerReferences: [{ kind: 'ReplicaSet', name: 'web-7d4b9', controller: true }],
      managedFields: [{ manager: 'kubelet' }],
      ...over.metadata,
    },
    spec: { nodeName: 'node-1', containers: [{ name: 'app' }, { name: 'proxy' }], ...over.spec },
    status: {
      phase: 'Running',
      containerStatuses: [
        { name: 'app', ready: true, restartCount: 2, state: { running: {} } },
        { name: 'proxy', ready: false, restartCount: 1, state: { running: {} } },
      ],
      ...over.status,
    },
  };
}

describe('pod projection', () => {
  it('keeps what the table and overview need, and nothing else', () => {
    expect(projectPod(pod())).toEqual({
      key: 'shop/web-7d4b9-x2x',
      namespace: 'shop',
      name: 'web-7d4b9-x2x',
      uid: 'uid-1',
      phase: 'Running',
      status: 'Running',
      readyContainers: 1,
      containers: 2,
      restarts: 3,
      node: 'node-1',
      labels: { app: 'web' },
      createdAt: Date.parse(CREATED),
      owner: { kind: 'ReplicaSet', name: 'web-7d4b9' },
      requestCpuMillis: 0,
      requestMemoryBytes: 0,
      requestGpus: 0,
    });
  });

  it.each([
    [
      'a waiting reason',
      { containerStatuses: [{ ready: false, restartCount: 7, state: { waiting: { reason: 'CrashLoopBackOff' } } }] },
      'CrashLoopBackOff',
    ],
    ['a terminated reason', { phase: 'Succeeded', containerStatuses: [{ state: { terminated: { reason: 'Completed', exitCode: 0 } } }] }, 'Completed'],
    ['an exit code without reason', { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 137 } } }] }, 'ExitCode:137'],
    ['the pod reason', { phase: 'Failed', reason: 'Evicted', containerStatuses: [] }, 'Evicted'],
    [
      'a running init container',
      { phase: 'Pending', initContainerStatuses: [{ state: { terminated: { exitCode: 0 } } }, { state: { running: {} } }], containerStatuses: [] },
      'Init:1/2',
    ],
    [
      'a failing init container',
      { phase: 'Pending', initContainerStatuses: [{ state: { waiting: { reason: 'ImagePullBackOff' } } }], containerStatuses: [] },
      'Init:ImagePullBackOff',
    ],
  ])('shows kubectl’s STATUS for %s', (_what, status, expected) => {
    const spec = { initContainers: [{ name: 'a' }, { name: 'b' }] };
    expect(projectPod(pod({ status, spec }))?.status).toBe(expected);
  });

  it('keeps the requests the scheduler reserves: containers and sidecars added up, or the largest init container', () => {
    const requests = (cpu: string, memory: string) => ({ resources: { requests: { cpu, memory } } });
    const spec = {
      initContainers: [{ name: 'migrate', ...requests('2', '64Mi') }, { name: 'mesh', restartPolicy: 'Always', ...requests('100m', '32Mi') }],
      containers: [{ name: 'app', ...requests('250m', '128Mi') }, { name: 'log', ...requests('50m', '16Mi') }],
      overhead: { cpu: '10m' },
    };
    expect(projectPod(pod({ spec }))).toMatchObject({ requestCpuMillis: 2010, requestMemoryBytes: 176 * 2 ** 20 });
    expect(projectPod(pod({ spec: { containers: [{ name: 'app' }] } }))).toMatchObject({ requestCpuMillis: 0, requestMemoryBytes: 0 });
  });

  it('counts GPUs from requests, or from limits when only those are set', () => {
    const containers = [
      { name: 'train', resources: { limits: { 'nvidia.com/gpu': '2' } } },
      { name: 'infer', resources: { requests: { 'amd.com/gpu': '1', cpu: '1' }, limits: { 'amd.com/gpu': '1' } } },
    ];
    expect(projectPod(pod({ spec: { containers } }))?.requestGpus).toBe(3);
  });

  it('says Terminating once deletion has begun', () => {
    expect(projectPod(pod({ metadata: { deletionTimestamp: CREATED } }))?.status).toBe('Terminating');
  });

  it('copes with a pod that has no status yet or an unknown phase', () => {
    const bare = projectPod({ metadata: { name: 'p', namespace: 'ns' }, spec: { containers: [{}] } });
    expect(bare).toMatchObject({ phase: 'Pending', status: 'Pending', readyContainers: 0, containers: 1, restarts: 0, node: null, owner: null, createdAt: null });
    expect(projectPod(pod({ status: { phase: 'Exploded' } }))?.phase).toBe('Unknown');
    expect(projectPod({ metadata: {} })).toBeNull();
    expect(projectPod('not an object')).toBeNull();
  });
});

describe('node projection', () => {
  const node = (ready: 'True' | 'False', labels: Record<string, string>, unschedulable?: boolean) => ({
    metadata: { name: 'node-1', labels },
    spec: unschedulable ? { unschedulable: true } : {},
    status: {
      capacity: { cpu: '8', memory: '32869864Ki' },
      allocatable: { cpu: '7800m', memory: '31721192Ki' },
      conditions: [
        { type: 'MemoryPressure', status: 'False' },
        { type: 'Ready', status: ready },
      ],
      nodeInfo: { kubeletVersion: 'v1.32.0' },
    },
  });

  it('reads readiness, roles and resources', () => {
    expect(projectNode(node('True', { 'node-role.kubernetes.io/control-plane': '', 'kubernetes.io/role': 'infra' }))).toMatchObject({
      key: 'node-1',
      namespace: null,
      ready: true,
      unschedulable: false,
      allocatable: { cpuMillis: 7800, memoryBytes: 31721192 * 1024 },
      capacity: { cpuMillis: 8000, memoryBytes: 32869864 * 1024, gpus: 0 },
      status: 'Ready',
      health: 'ok',
      cells: { roles: 'control-plane,infra', version: 'v1.32.0', cpu: '7800m', memory: '30.3Gi', internalIP: '<none>' },
    });
    expect(projectNode(node('False', {}, true))).toMatchObject({
      ready: false,
      unschedulable: true,
      status: 'NotReady,SchedulingDisabled',
      health: 'error',
      cells: { roles: '<none>' },
    });
    expect(projectNode(node('True', {}, true))).toMatchObject({ status: 'Ready,SchedulingDisabled', health: 'warning' });
    expect(projectNode({ metadata: { name: 'new' } })).toMatchObject({ status: 'Unknown', health: 'error' });
  });

  it('parses quantities in every suffix', () => {
    expect(parseQuantity('1.5Gi')).toBe(1.5 * 2 ** 30);
    expect(parseQuantity('250m')).toBe(0.25);
    expect(parseQuantity('2k')).toBe(2000);
    expect(parseQuantity('3e3')).toBe(3000);
    expect(parseQuantity('12')).toBe(12);
    expect(parseQuantity('lots')).toBeNull();
    expect(parseQuantity(undefined)).toBeNull();
  });
});

describe('deployment and namespace projections', () => {
  it('reads desired and ready replicas, defaulting replicas to 1 as the API does', () => {
    const d = {
      metadata: { name: 'web', namespace: 'shop', uid: 'u' },
      spec: { template: { spec: { containers: [{ image: 'registry/web:1.2' }, { image: 'registry/proxy:2' }] } } },
      status: { readyReplicas: 0, updatedReplicas: 1 },
    };
    expect(projectDeployment(d)).toMatchObject({
      key: 'shop/web',
      desired: 1,
      ready: 0,
      status: '0/1',
      health: 'error',
      cells: { ready: '0/1', upToDate: 1, available: 0, images: 'registry/web:1.2,registry/proxy:2' },
    });
    expect(projectDeployment({ ...d, spec: { ...d.spec, replicas: 0 } })?.desired).toBe(0);
  });

  it('reads a namespace phase', () => {
    expect(projectNamespace({ metadata: { name: 'shop' }, status: { phase: 'Terminating' } })).toMatchObject({ key: 'shop', status: 'Terminating', health: 'warning' });
    expect(projectNamespace({ metadata: { name: 'new' } })?.status).toBe('Active');
  });
});

describe('projection equality', () => {
  it('sees through fresh objects and notices a changed label', () => {
    const a = projectPod(pod());
    expect(sameProjection(a, projectPod(pod()))).toBe(true);
    expect(sameProjection(a, projectPod(pod({ metadata: { labels: { app: 'api' } } })))).toBe(false);
    // fields the projection drops do not make a change
    expect(sameProjection(a, projectPod(pod({ metadata: { resourceVersion: '43', annotations: { x: 'y' } } })))).toBe(true);
  });
});
