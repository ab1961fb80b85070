import http from 'node:http';
import type net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { PromClient } from '../../../../src/monitoring/prometheus/client';
import { PromRequestError, stateOf, toOpsdeckError } from '../../../../src/monitoring/prometheus/requestError';

interface Seen {
  method: string;
  url: string;
  authorization: string | undefined;
  contentType: string | undefined;
  body: string;
}

const servers: http.Server[] = [];
afterEach(async () => {
  for (const s of servers.splice(0)) {
    s.closeAllConnections();
    await new Promise((r) => s.close(r));
  }
});

/** A loopback server answering each request with answer(); what it received goes to seen. */
async function server(answer: (seen: Seen, res: http.ServerResponse) => void): Promise<{ url: string; seen: Seen[] }> {
  const seen: Seen[] = [];
  const s = http.createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const entry = { method: req.method!, url: req.url!, authorization: req.headers.authorization, contentType: req.headers['content-type'], body };
      seen.push(entry);
      answer(entry, res);
    });
  });
  servers.push(s);
  await new Promise<void>((r) => s.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${(s.address() as net.AddressInfo).port}/prom`, seen };
}

const json = (res: http.ServerResponse, status: number, body: unknown) => res.writeHead(status, { 'content-type': 'application/json' }).end(JSON.stringify(body));

async function failureOf(p: Promise<unknown>): Promise<PromRequestError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof PromRequestError) return err;
    throw err;
  }
  throw new Error('expected a failure');
}

describe('Prometheus client', () => {
  it('queries with credentials, the server timeout and the time, and returns data and warnings', async () => {
    const s = await server((_, res) => json(res, 200, { status: 'success', data: { resultType: 'scalar', result: [1, '1'] }, warnings: ['partial'] }));
    const client = new PromClient({ url: s.url, credentials: { kind: 'basic', username: 'ops', password: 'secret' } });
    const answer = await client.query('1', 1_700_000_000_250, { timeoutMs: 5000 });
    expect(answer).toEqual({ data: { resultType: 'scalar', result: [1, '1'] }, warnings: ['partial'] });
    expect(s.seen).toEqual([{ method: 'GET', url: '/prom/api/v1/query?query=1&time=1700000000.25&timeout=5', authorization: 'Basic b3BzOnNlY3JldA==', contentType: undefined, body: '' }]);
  });

  it('posts long range queries as a form', async () => {
    const s = await server((_, res) => json(res, 200, { status: 'success', data: { resultType: 'matrix', result: [] } }));
    const query = `up${' or up'.repeat(400)}`;
    await new PromClient({ url: s.url, credentials: { kind: 'bearer', token: 'tok' } }).queryRange(query, 0, 60_000, 15_000, { timeoutMs: 1000 });
    expect(s.seen[0]).toMatchObject({ method: 'POST', url: '/prom/api/v1/query_range', authorization: 'Bearer tok', contentType: 'application/x-www-form-urlencoded' });
    expect(Object.fromEntries(new URLSearchParams(s.seen[0]!.body))).toEqual({ query, start: '0', end: '60', step: '15', timeout: '1' });
  });

  it('reports Prometheus API errors with their type and text', async () => {
    const s = await server((_, res) => json(res, 400, { status: 'error', errorType: 'bad_data', error: '1:5: parse error: unclosed left parenthesis' }));
    const err = await failureOf(new PromClient({ url: s.url, credentials: { kind: 'none' } }).query('sum(', undefined, { timeoutMs: 1000 }));
    expect(err).toMatchObject({ failure: 'api', errorType: 'bad_data', status: 400, message: 'bad_data: 1:5: parse error: unclosed left parenthesis' });
    expect(toOpsdeckError(err, 'local')).toMatchObject({ code: 'BAD_REQUEST', message: 'bad_data: 1:5: parse error: unclosed left parenthesis' });
    expect(stateOf(err)).toBe('error');
  });

  it('tells refused credentials and answers that are not the API apart', async () => {
    const denied = await server((_, res) => res.writeHead(401).end('Unauthorized\n'));
    const err = await failureOf(new PromClient({ url: denied.url, credentials: { kind: 'none' } }).labels(undefined, {}, { timeoutMs: 1000 }));
    expect(err).toMatchObject({ failure: 'unauthorized', message: 'HTTP 401 Unauthorized: Unauthorized' });
    expect(stateOf(err)).toBe('unauthorized');
    expect(toOpsdeckError(err, 'local')).toMatchObject({ code: 'FORBIDDEN', message: 'Source "local": HTTP 401 Unauthorized: Unauthorized' });

    const proxy = await server((_, res) => res.writeHead(502, { 'content-type': 'text/html' }).end('<html>\n<h1>502 Bad Gateway</h1></html>'));
    const bad = await failureOf(new PromClient({ url: proxy.url, credentials: { kind: 'none' } }).labels(undefined, {}, { timeoutMs: 1000 }));
    expect(bad).toMatchObject({ failure: 'protocol', message: 'HTTP 502 Bad Gateway, not a Prometheus API answer: <html> <h1>502 Bad Gateway</h1></html>' });
    expect(toOpsdeckError(bad, 'local')).toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('gives up after the timeout, and stops when the caller aborts', async () => {
    const silent = await server(() => undefined);
    const client = new PromClient({ url: silent.url, credentials: { kind: 'none' } });
    expect(await failureOf(client.query('up', undefined, { timeoutMs: 200 }))).toMatchObject({ failure: 'unreachable', message: `No answer from ${silent.url} within 200 ms.` });
    const abort = new AbortController();
    const pending = client.query('up', undefined, { timeoutMs: 60_000, signal: abort.signal });
    abort.abort();
    expect(await failureOf(pending)).toMatchObject({ failure: 'unreachable', message: 'The request was cancelled.' });
  });

  it('reads the version from buildinfo, or checks with a query where buildinfo is missing', async () => {
    const prom = await server((_, res) => json(res, 200, { status: 'success', data: { version: '2.42.0', revision: 'x' } }));
    expect(await new PromClient({ url: prom.url, credentials: { kind: 'none' } }).probe({ timeoutMs: 1000 })).toEqual({ version: '2.42.0' });
    const other = await server((seen, res) =>
      seen.url.includes('buildinfo') ? res.writeHead(404).end('404 page not found') : json(res, 200, { status: 'success', data: { resultType: 'scalar', result: [1, '1'] } }),
    );
    expect(await new PromClient({ url: other.url, credentials: { kind: 'none' } }).probe({ timeoutMs: 1000 })).toEqual({ version: null });
    expect(other.seen.map((s) => s.url)).toEqual(['/prom/api/v1/status/buildinfo', '/prom/api/v1/query?query=1&timeout=1']);
  });
});
