import { describe, expect, it } from 'vitest';
import { apiUrl, authorizationHeader, buildRequest, MAX_GET_URL, promSeconds } from '../../../../src/monitoring/prometheus/request';

describe('Prometheus requests', () => {
  it('keeps a path prefix of the base URL, with or without a trailing slash', () => {
    expect(apiUrl('http://127.0.0.1:9090', 'api/v1/query').href).toBe('http://127.0.0.1:9090/api/v1/query');
    expect(apiUrl('https://example.org/prometheus', 'api/v1/query').href).toBe('https://example.org/prometheus/api/v1/query');
    expect(apiUrl('https://example.org/prometheus/', 'api/v1/labels').href).toBe('https://example.org/prometheus/api/v1/labels');
  });

  it('builds basic and bearer headers, and none without credentials', () => {
    expect(authorizationHeader({ kind: 'none' })).toBeNull();
    expect(authorizationHeader({ kind: 'basic', username: 'ops', password: 'pä:ss' })).toBe(`Basic ${Buffer.from('ops:pä:ss', 'utf8').toString('base64')}`);
    expect(authorizationHeader({ kind: 'basic', username: 'ops', password: 'secret' })).toBe('Basic b3BzOnNlY3JldA==');
    expect(authorizationHeader({ kind: 'bearer', token: 'eyJ.abc' })).toBe('Bearer eyJ.abc');
  });

  it('sends a short query as GET with encoded parameters', () => {
    const r = buildRequest('http://h:9090/p', 'api/v1/query', [['query', 'sum(rate(x{a="b"}[5m]))'], ['time', '1700000000.5']], { kind: 'bearer', token: 't' }, true);
    expect(r).toEqual({
      url: 'http://h:9090/p/api/v1/query?query=sum%28rate%28x%7Ba%3D%22b%22%7D%5B5m%5D%29%29&time=1700000000.5',
      method: 'GET',
      headers: { accept: 'application/json', authorization: 'Bearer t' },
      body: null,
    });
  });

  it('repeats match[] parameters in order', () => {
    const r = buildRequest('http://h', 'api/v1/series', [['match[]', 'up'], ['match[]', 'node_load1']], { kind: 'none' }, true);
    expect(r.url).toBe('http://h/api/v1/series?match%5B%5D=up&match%5B%5D=node_load1');
  });

  it('sends a long query as a form-encoded POST where the endpoint takes one', () => {
    const query = `up${' + 0'.repeat(MAX_GET_URL)}`;
    const post = buildRequest('http://h', 'api/v1/query', [['query', query]], { kind: 'none' }, true);
    expect(post).toMatchObject({ url: 'http://h/api/v1/query', method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(new URLSearchParams(post.body!).get('query')).toBe(query);
    // Label values answer GET only: a long matcher stays in the URL.
    expect(buildRequest('http://h', 'api/v1/label/job/values', [['match[]', query]], { kind: 'none' }, false).method).toBe('GET');
  });

  it('writes milliseconds as decimal seconds', () => {
    expect(promSeconds(1_700_000_000_000)).toBe('1700000000');
    expect(promSeconds(1_700_000_000_500)).toBe('1700000000.5');
    expect(promSeconds(1_700_000_000_001)).toBe('1700000000.001');
    expect(promSeconds(15_000)).toBe('15');
    expect(promSeconds(0)).toBe('0');
  });
});
