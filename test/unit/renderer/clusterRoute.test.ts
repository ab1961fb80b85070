import { describe, expect, it } from 'vitest';
import { DEFAULT_ROUTE, hashWithRoute, kindPatch, routeFromHash } from '../../../renderer/src/views/clusters/clusterRoute';

describe('clusters route in the hash', () => {
  it('reads every filter from the hash query, ignoring values it does not know', () => {
    expect(routeFromHash('#/clusters?ctx=prod&ns=shop&sel=app%3Dweb%2Ctier+in+%28a%29&q=web&phase=Pending&sort=restarts&dir=desc')).toEqual({
      context: 'prod',
      namespace: 'shop',
      labelSelector: 'app=web,tier in (a)',
      text: 'web',
      phase: 'Pending',
      sort: 'restarts',
      dir: 'desc',
      kind: 'pods',
      problems: false,
      selected: null,
    });
    expect(routeFromHash('#/clusters?phase=Exploded&sort=size&dir=up')).toEqual(DEFAULT_ROUTE);
    expect(routeFromHash('#/clusters')).toEqual(DEFAULT_ROUTE);
  });

  it('writes only what differs from the defaults and keeps other parameters', () => {
    const hash = hashWithRoute('#/clusters?other=1', { ...DEFAULT_ROUTE, context: 'arn:aws:eks:eu-west-1:1:cluster/prod', text: 'web', sort: 'age' });
    expect(hash).toBe('#/clusters?other=1&ctx=arn%3Aaws%3Aeks%3Aeu-west-1%3A1%3Acluster%2Fprod&q=web&sort=age');
    expect(routeFromHash(hash)).toMatchObject({ context: 'arn:aws:eks:eu-west-1:1:cluster/prod', text: 'web', sort: 'age', dir: 'asc' });
    expect(hashWithRoute(hash, DEFAULT_ROUTE)).toBe('#/clusters?other=1');
    expect(hashWithRoute('#/clusters?q=x', DEFAULT_ROUTE)).toBe('#/clusters');
  });

  it('keeps the kind, problems filter and open object, and only the sorts and filters the kind has', () => {
    const route = routeFromHash('#/clusters?kind=nodes&problems=true&sort=age&dir=desc&obj=node-0001&phase=Pending');
    expect(route).toMatchObject({ kind: 'nodes', problems: true, sort: 'age', dir: 'desc', selected: 'node-0001', phase: null });
    expect(hashWithRoute('#/clusters', route)).toBe('#/clusters?kind=nodes&problems=true&sort=age&dir=desc&obj=node-0001');
    // Pods sort by restarts; other kinds do not, and pods have no "problems only".
    expect(routeFromHash('#/clusters?kind=services&sort=restarts').sort).toBe('name');
    expect(routeFromHash('#/clusters?problems=true').problems).toBe(false);
    expect(routeFromHash('#/clusters?kind=widgets').kind).toBe('pods');
    expect(routeFromHash('#/clusters?kind=pods&obj=shop%2Fweb-1').selected).toBe('shop/web-1');
  });

  it('starts a kind switch with the filters every kind shares', () => {
    expect(kindPatch('deployments')).toEqual({ kind: 'deployments', phase: null, problems: false, sort: 'name', dir: 'asc', selected: null });
  });
});
