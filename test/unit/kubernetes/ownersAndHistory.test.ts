import { describe, expect, it } from 'vitest';
import { containersOf, eventsAbout, withoutManagedFields } from '../../../src/kubernetes/detail';
import { projectEvent, type EventProjection } from '../../../src/kubernetes/kinds/events';
import { ObjectCache } from '../../../src/kubernetes/objectCache';
import { ownerChain, ownerPath, resourceOf } from '../../../src/kubernetes/owners';
import { revisionsOf } from '../../../src/kubernetes/rolloutHistory';

const controller = (apiVersion: string, kind: string, name: string, uid: string) => ({ apiVersion, kind, name, uid, controller: true });

describe('owner chain', () => {
  it('guesses resources as apimachinery does', () => {
    expect(['ReplicaSet', 'Ingress', 'NetworkPolicy', 'Node'].map(resourceOf)).toEqual(['replicasets', 'ingresses', 'networkpolicies', 'nodes']);
    expect(ownerPath(controller('apps/v1', 'Deployment', 'web', 'd'), 'shop')).toBe('/apis/apps/v1/namespaces/shop/deployments/web');
    // A cluster-scoped owner (a node owns its mirror pods) is not looked for in the pod's namespace.
    expect(ownerPath(controller('v1', 'Node', 'node-1', 'n'), 'kube-system')).toBe('/api/v1/nodes/node-1');
    expect(ownerPath(controller('example.com/v1', 'Widget', 'w', 'x'), 'shop')).toBe('/apis/example.com/v1/namespaces/shop/widgets/w');
  });

  it('follows controller references up, reading each owner, and stops where one is gone or replaced', async () => {
    const objects: Record<string, unknown> = {
      '/apis/apps/v1/namespaces/shop/replicasets/web-abc': {
        metadata: { uid: 'rs-uid', ownerReferences: [{ apiVersion: 'v1', kind: 'Other', name: 'x', uid: 'o' }, controller('apps/v1', 'Deployment', 'web', 'd-uid')] },
      },
      '/apis/apps/v1/namespaces/shop/deployments/web': { metadata: { uid: 'd-uid' } },
      '/apis/apps/v1/namespaces/shop/replicasets/old': { metadata: { uid: 'someone-else' } },
    };
    const get = async (path: string) => {
      if (!(path in objects)) throw new Error(`404 ${path}`);
      return objects[path];
    };
    const pod = (ref: unknown) => ({ metadata: { namespace: 'shop', ownerReferences: [ref] } });
    expect(await ownerChain(pod(controller('apps/v1', 'ReplicaSet', 'web-abc', 'rs-uid')), get)).toEqual([
      { kind: 'ReplicaSet', name: 'web-abc', uid: 'rs-uid', found: true },
      { kind: 'Deployment', name: 'web', uid: 'd-uid', found: true },
    ]);
    expect(await ownerChain(pod(controller('apps/v1', 'ReplicaSet', 'gone', 'g')), get)).toEqual([{ kind: 'ReplicaSet', name: 'gone', uid: 'g', found: false }]);
    expect(await ownerChain(pod(controller('apps/v1', 'ReplicaSet', 'old', 'old-uid')), get)).toEqual([{ kind: 'ReplicaSet', name: 'old', uid: 'old-uid', found: false }]);
    // Owners that do not control the object are not followed.
    expect(await ownerChain(pod({ apiVersion: 'v1', kind: 'ConfigMap', name: 'c', uid: 'c' }), get)).toEqual([]);
  });
});

describe('rollout history', () => {
  const template = (image: string, extra: Record<string, string> = {}) => ({ metadata: { labels: { app: 'web', ...extra } }, spec: { containers: [{ name: 'app', image }] } });
  const rs = (name: string, revision: string | undefined, image: string, replicas: number, annotations: Record<string, string> = {}) => ({
    metadata: {
      name,
      creationTimestamp: '2025-01-01T00:00:00Z',
      annotations: { ...(revision === undefined ? {} : { 'deployment.kubernetes.io/revision': revision }), ...annotations },
    },
    spec: { replicas, template: template(image, { 'pod-template-hash': name.slice(-3) }) },
  });

  it('lists revisions newest first with change-cause, images and replicas, and marks the one running the template', () => {
    const deployment = { spec: { template: template('web:2') } };
    const revisions = revisionsOf(deployment, [
      rs('web-aaa', '1', 'web:1', 0),
      rs('web-bbb', '3', 'web:2', 3, { 'kubernetes.io/change-cause': 'kubectl set image web=web:2' }),
      rs('web-ccc', '2', 'web:3', 0),
      rs('web-bad', 'x', 'web:4', 0),
    ]);
    expect(revisions.map((r) => [r.revision, r.replicaSet, r.changeCause, r.images, r.replicas, r.current])).toEqual([
      [3, 'web-bbb', 'kubectl set image web=web:2', ['web:2'], 3, true],
      [2, 'web-ccc', null, ['web:3'], 0, false],
      [1, 'web-aaa', null, ['web:1'], 0, false],
    ]);
    expect(revisions[0]?.createdAt).toBe(Date.parse('2025-01-01T00:00:00Z'));
  });

  it('counts a ReplicaSet without a revision as revision 0, and takes the newest as current when no template matches', () => {
    const revisions = revisionsOf({ spec: { template: template('web:9') } }, [rs('web-aaa', undefined, 'web:1', 1), rs('web-bbb', '4', 'web:2', 0)]);
    expect(revisions.map((r) => [r.revision, r.current])).toEqual([
      [4, true],
      [0, false],
    ]);
    expect(revisionsOf({}, [])).toEqual([]);
  });
});

describe('detail parts', () => {
  it('drops managedFields and nothing else', () => {
    expect(withoutManagedFields({ kind: 'Pod', metadata: { name: 'p', managedFields: [{ manager: 'kubectl' }] }, spec: {} })).toEqual({ kind: 'Pod', metadata: { name: 'p' }, spec: {} });
  });

  it('lists init and regular containers with state, restarts and whether a previous instance exists', () => {
    const pod = {
      spec: { initContainers: [{ name: 'setup', image: 'busybox' }], containers: [{ name: 'app', image: 'app:1' }, { name: 'side', image: 'side:1' }] },
      status: {
        initContainerStatuses: [{ name: 'setup', ready: false, restartCount: 0, state: { terminated: { reason: 'Completed', exitCode: 0 } } }],
        containerStatuses: [
          { name: 'side', ready: true, restartCount: 0, state: { running: {} }, lastState: { terminated: { exitCode: 1 } } },
          { name: 'app', ready: false, restartCount: 3, state: { waiting: { reason: 'CrashLoopBackOff' } } },
        ],
      },
    };
    expect(containersOf(pod)).toEqual([
      { name: 'setup', image: 'busybox', init: true, ready: false, restarts: 0, state: 'terminated: Completed', hasPrevious: false },
      { name: 'app', image: 'app:1', init: false, ready: false, restarts: 3, state: 'waiting: CrashLoopBackOff', hasPrevious: true },
      { name: 'side', image: 'side:1', init: false, ready: true, restarts: 0, state: 'running', hasPrevious: true },
    ]);
    expect(containersOf({ spec: { containers: [{ name: 'new', image: 'x' }] } })[0]).toMatchObject({ state: 'waiting', hasPrevious: false });
  });

  it('finds an object’s events by uid, or by kind and name when the reporter gave no uid, newest first', () => {
    const cache = new ObjectCache<EventProjection>();
    const event = (name: string, involved: Record<string, string>, last: string) =>
      projectEvent({ metadata: { name, namespace: 'shop' }, type: 'Normal', reason: name, lastTimestamp: last, involvedObject: { namespace: 'shop', ...involved } })!;
    cache.replaceAll([
      event('by-uid', { kind: 'Pod', name: 'web', uid: 'u1' }, '2025-01-01T00:00:02Z'),
      event('by-name', { kind: 'Pod', name: 'web' }, '2025-01-01T00:00:03Z'),
      event('older-pod', { kind: 'Pod', name: 'web', uid: 'u0' }, '2025-01-01T00:00:04Z'),
      event('other-kind', { kind: 'Service', name: 'web' }, '2025-01-01T00:00:05Z'),
    ]);
    expect(eventsAbout(cache, 'Pod', 'shop', 'web', 'u1').map((e) => e.reason)).toEqual(['by-name', 'by-uid']);
    const nodeEvents = new ObjectCache<EventProjection>();
    nodeEvents.replaceAll([
      projectEvent({ metadata: { name: 'n', namespace: 'default' }, reason: 'NodeReady', involvedObject: { kind: 'Node', name: 'node-1', uid: 'node-1' } })!,
      projectEvent({ metadata: { name: 'o', namespace: 'default' }, reason: 'Other', involvedObject: { kind: 'Node', name: 'node-2', uid: 'node-2' } })!,
    ]);
    expect(eventsAbout(nodeEvents, 'Node', null, 'node-1', 'real-uid').map((e) => e.reason)).toEqual(['NodeReady']);
  });
});
