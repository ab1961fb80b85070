import { describe, expect, it } from 'vitest';
import { channels } from '../../../../src/contract';

const problems = (channel: keyof typeof channels, payload: unknown) => {
  const r = channels[channel].input.safeParse(payload);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

const none = { kind: 'none' };

describe('Prometheus channel payloads', () => {
  it('takes http(s) URLs with a path, and refuses credentials, queries and other schemes', () => {
    expect(problems('prom.addSource', { name: 'a', url: 'https://example.org/prometheus', auth: none })).toEqual([]);
    expect(problems('prom.addSource', { name: 'a', url: 'ftp://example.org', auth: none })).toEqual(['url: must start with http:// or https://']);
    expect(problems('prom.addSource', { name: 'a', url: 'http://u:p@example.org', auth: none })).toEqual(['url: must not hold credentials: choose basic or bearer auth instead']);
    expect(problems('prom.addSource', { name: 'a', url: 'http://example.org/?x=1', auth: none })).toEqual(['url: must not have a query string or fragment']);
    expect(problems('prom.addSource', { name: 'a', url: 'localhost 9090', auth: none })).toEqual(['url: must be a URL such as http://localhost:9090']);
    expect(problems('prom.addSource', { name: '  ', url: 'http://h', auth: none })).toHaveLength(1);
  });

  it('takes each kind of auth with its own fields only', () => {
    expect(problems('prom.addSource', { name: 'a', url: 'http://h', auth: { kind: 'basic', username: 'ops', password: 'pw' } })).toEqual([]);
    expect(problems('prom.addSource', { name: 'a', url: 'http://h', auth: { kind: 'bearer', token: 't' } })).toEqual([]);
    expect(problems('prom.addSource', { name: 'a', url: 'http://h', auth: { kind: 'basic', username: 'a:b', password: 'pw' } })).toEqual(['auth.username: must not contain ":"']);
    expect(problems('prom.addSource', { name: 'a', url: 'http://h', auth: { kind: 'basic', username: 'ops' } })).toHaveLength(1);
    expect(problems('prom.addSource', { name: 'a', url: 'http://h', auth: { kind: 'none', token: 't' } })).toHaveLength(1);
    expect(problems('prom.addSource', { name: 'a', url: 'http://h', auth: { kind: 'digest' } })).toHaveLength(1);
  });

  it('tests either a saved source or a draft', () => {
    expect(problems('prom.testSource', { id: 1 })).toEqual([]);
    expect(problems('prom.testSource', { url: 'http://h', auth: none })).toEqual([]);
    expect(problems('prom.testSource', { id: 1, url: 'http://h', auth: none })).not.toEqual([]);
  });

  it('checks queries, times, steps and label names', () => {
    expect(channels['prom.query'].input.parse({ source: 1, query: ' up ' })).toEqual({ source: 1, query: 'up', timeoutMs: 30_000 });
    expect(problems('prom.query', { source: 1, query: '' })).toHaveLength(1);
    expect(problems('prom.query', { source: 0, query: 'up' })).toHaveLength(1);
    expect(problems('prom.queryRange', { source: 1, query: 'up', start: 0, end: 1, stepMs: 0 })).toHaveLength(1);
    expect(problems('prom.queryRange', { source: 1, query: 'up', start: -1, end: 1, stepMs: 1 })).toHaveLength(1);
    expect(problems('prom.series', { source: 1, match: [] })).toHaveLength(1);
    expect(problems('prom.labelValues', { source: 1, label: '__name__' })).toEqual([]);
    expect(problems('prom.labelValues', { source: 1, label: '../admin' })).toEqual(['label: must be a label name (letters, digits and _)']);
  });
});
