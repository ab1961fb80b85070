import { describe, expect, it } from 'vitest';
import { channels } from '../../../src/contract';

const parse = (payload: unknown) => channels['k8s.action'].input.safeParse(payload);
const issuesOf = (payload: unknown) => {
  const r = parse(payload);
  return r.success ? [] : r.error.issues.map((i) => i.path.join('.'));
};

describe('k8s.action payload', () => {
  it('accepts each action with its own fields', () => {
    for (const payload of [
      { context: 'arn:aws:eks:eu-west-1:1:cluster/prod', action: 'scale', kind: 'deployment', namespace: 'shop', name: 'web', replicas: 0 },
      { context: 'c', action: 'scale', kind: 'statefulset', namespace: 'db', name: 'pg.primary', replicas: 10_000 },
      { context: 'c', action: 'restart', namespace: 'shop', name: 'web' },
      { context: 'c', action: 'rollback', namespace: 'shop', name: 'web', revision: 1 },
      { context: 'c', action: 'deletePod', namespace: 'shop', name: 'web-7d9f-abcde' },
      { context: 'c', action: 'cordon', name: 'ip-10-0-0-1.ec2.internal' },
      { context: 'c', action: 'uncordon', name: 'node-1' },
    ]) {
      expect(parse(payload).success, JSON.stringify(payload)).toBe(true);
    }
  });

  it('bounds replicas to whole numbers from 0 to 10,000', () => {
    const scale = { context: 'c', action: 'scale', kind: 'deployment', namespace: 'shop', name: 'web' };
    for (const replicas of [-1, 10_001, 1.5, '3', null]) expect(issuesOf({ ...scale, replicas })).toEqual(['replicas']);
  });

  it('requires DNS-1123 names and namespaces', () => {
    const base = { context: 'c', action: 'deletePod' };
    expect(issuesOf({ ...base, namespace: 'Shop', name: 'web' })).toEqual(['namespace']);
    expect(issuesOf({ ...base, namespace: 'a.b', name: 'web' })).toEqual(['namespace']);
    expect(issuesOf({ ...base, namespace: 'x'.repeat(64), name: 'web' })).toEqual(['namespace']);
    expect(issuesOf({ ...base, namespace: 'shop', name: '-web' })).toEqual(['name']);
    expect(issuesOf({ ...base, namespace: 'shop', name: 'web/../../nodes' })).toEqual(['name']);
    expect(issuesOf({ ...base, namespace: 'shop', name: 'a'.repeat(254) })).toEqual(['name']);
  });

  it('rejects unknown actions, a missing context and fields of another action', () => {
    expect(parse({ context: 'c', action: 'drain', name: 'node-1' }).success).toBe(false);
    expect(issuesOf({ action: 'cordon', name: 'node-1' })).toEqual(['context']);
    expect(parse({ context: 'c', action: 'cordon', name: 'node-1', replicas: 2 }).success).toBe(false);
    expect(issuesOf({ context: 'c', action: 'rollback', namespace: 'shop', name: 'web', revision: 0 })).toEqual(['revision']);
  });
});

describe('audit.list payload', () => {
  it('defaults the page and bounds it', () => {
    expect(channels['audit.list'].input.parse({})).toEqual({ limit: 50, offset: 0 });
    expect(channels['audit.list'].input.safeParse({ limit: 501 }).success).toBe(false);
    expect(channels['audit.list'].input.safeParse({ text: 'x'.repeat(201) }).success).toBe(false);
  });
});
