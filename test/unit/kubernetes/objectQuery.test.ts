import { describe, expect, it } from 'vitest';
import { OpsdeckError } from '../../../src/contract/errors';
import { projectDeployment, deploymentView, type DeploymentProjection } from '../../../src/kubernetes/kinds/deployments';
import { projectJob, jobView, type JobProjection } from '../../../src/kubernetes/kinds/jobs';
import { projectNode, nodeView, type NodeProjection } from '../../../src/kubernetes/kinds/nodes';
import { ObjectCache } from '../../../src/kubernetes/objectCache';
import { ObjectQueryEngine, type ObjectQuery } from '../../../src/kubernetes/objectQuery';

const deployment = (namespace: string, name: string, ready: number, desired: number, created: string, image = `registry/${name}:1`, labels: Record<string, string> = { app: name }) =>
  projectDeployment({
    metadata: { namespace, name, uid: `${namespace}-${name}`, creationTimestamp: created, labels },
    spec: { replicas: desired, template: { spec: { containers: [{ name: 'main', image }] } } },
    status: { readyReplicas: ready, availableReplicas: ready },
  })!;

function setup() {
  const cache = new ObjectCache<DeploymentProjection>();
  cache.replaceAll([
    deployment('shop', 'web', 3, 3, '2025-01-03T00:00:00Z', 'registry/web:2', { app: 'web', tier: 'front' }),
    deployment('shop', 'api', 1, 3, '2025-01-01T00:00:00Z', 'registry/API-Server:7'),
    deployment('billing', 'web', 0, 2, '2025-01-04T00:00:00Z'),
    deployment('kube-system', 'coredns', 2, 2, '2025-01-02T00:00:00Z'),
  ]);
  return { cache, engine: new ObjectQueryEngine('deployments', cache, deploymentView) };
}

const q = (over: Partial<ObjectQuery> = {}): ObjectQuery => ({ problems: false, sort: 'name', dir: 'asc', offset: 0, limit: 100, ...over });
const keys = (engine: ObjectQueryEngine<DeploymentProjection>, query: ObjectQuery) => engine.run(query, 0).rows.map((r) => `${r.namespace}/${r.name}`);

describe('object query', () => {
  it('filters by namespace, label selector, problems and text in name, namespace and searchable cells', () => {
    const { engine } = setup();
    expect(keys(engine, q({ namespace: 'shop' }))).toEqual(['shop/api', 'shop/web']);
    expect(keys(engine, q({ labelSelector: 'app=web,tier' }))).toEqual(['shop/web']);
    expect(keys(engine, q({ problems: true }))).toEqual(['shop/api', 'billing/web']);
    expect(keys(engine, q({ text: 'KUBE' }))).toEqual(['kube-system/coredns']);
    // Cells are searched in any case: the image here has capitals.
    expect(keys(engine, q({ text: 'api-server' }))).toEqual(['shop/api']);
    expect(keys(engine, q({ text: 'registry/web' }))).toEqual(['billing/web', 'shop/web']);
    expect(keys(engine, q({ text: 'nothing-like-it' }))).toEqual([]);
  });

  it.each([
    ['name', 'asc', ['shop/api', 'kube-system/coredns', 'billing/web', 'shop/web']],
    ['namespace', 'desc', ['shop/web', 'shop/api', 'kube-system/coredns', 'billing/web']],
    ['age', 'asc', ['billing/web', 'shop/web', 'kube-system/coredns', 'shop/api']],
    ['status', 'asc', ['billing/web', 'shop/api', 'kube-system/coredns', 'shop/web']],
  ] as const)('sorts by %s %s', (sort, dir, expected) => {
    expect(keys(setup().engine, q({ sort, dir }))).toEqual(expected);
  });

  it('returns rows with the kind’s columns, health and replicas for the scale dialog', () => {
    const page = setup().engine.run(q({ namespace: 'shop', limit: 1, offset: 1 }), 0);
    expect(page).toMatchObject({ total: 4, matched: 2, offset: 1, columns: deploymentView.columns });
    expect(page.rows).toEqual([
      {
        kind: 'deployments',
        namespace: 'shop',
        name: 'web',
        uid: 'shop-web',
        createdAt: Date.parse('2025-01-03T00:00:00Z'),
        status: '3/3',
        health: 'ok',
        cells: { ready: '3/3', upToDate: 0, available: 3, containers: 'main', images: 'registry/web:2', selector: '<none>' },
        desiredReplicas: 3,
      },
    ]);
  });

  it('marks cordoned nodes and fills clock-bound cells at query time', () => {
    const nodes = new ObjectCache<NodeProjection>();
    nodes.replaceAll([projectNode({ metadata: { name: 'n1' }, spec: { unschedulable: true }, status: { conditions: [{ type: 'Ready', status: 'True' }] } })!]);
    expect(new ObjectQueryEngine('nodes', nodes, nodeView).run(q(), 0).rows[0]).toMatchObject({ unschedulable: true, status: 'Ready,SchedulingDisabled' });
    const jobs = new ObjectCache<JobProjection>();
    jobs.replaceAll([projectJob({ metadata: { name: 'j', namespace: 'a' }, status: { startTime: '2025-01-01T00:00:00Z' } })!]);
    const engine = new ObjectQueryEngine('jobs', jobs, jobView);
    const start = Date.parse('2025-01-01T00:00:00Z');
    expect(engine.run(q(), start + 5_000).rows[0]?.cells.duration).toBe('5s');
    expect(engine.run(q(), start + 65_000).rows[0]?.cells.duration).toBe('65s');
  });

  it('keeps a patched result equal to a fresh one as objects change', () => {
    const { cache, engine } = setup();
    const queries = [q({ sort: 'status' }), q({ problems: true, sort: 'age', dir: 'desc' }), q({ text: 'web' })];
    queries.forEach((query) => engine.run(query, 0));
    cache.upsert(deployment('shop', 'api', 3, 3, '2025-01-01T00:00:00Z'));
    cache.upsert(deployment('shop', 'cart', 0, 1, '2025-01-05T00:00:00Z', 'registry/web-cart:1'));
    cache.remove('billing/web');
    for (const query of queries) expect(engine.run(query, 0)).toEqual(new ObjectQueryEngine('deployments', cache, deploymentView).run(query, 0));
    expect(keys(engine, q({ problems: true }))).toEqual(['shop/cart']);
  });

  it('answers a bad label selector with BAD_REQUEST', () => {
    const run = () => setup().engine.run(q({ labelSelector: 'app notin' }), 0);
    expect(run).toThrow(OpsdeckError);
    expect(run).toThrow(/^Label selector: /);
  });
});
