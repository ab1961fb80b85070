import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import WebSocket from 'ws';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { startServer, type RunningServer } from '../../src/serve/server';
import { tempDir } from '../helpers/tempDir';
import { inbox, openSocket } from '../helpers/wsClient';

const TOKEN = 'integration-token-0123456789';
let host: Host;
let server: RunningServer;
let base: string;
let dataDir: string;
let staticDir: string;

beforeAll(async () => {
  // tempDir() cleans up after each test; these live for the whole file.
  dataDir = fs.mkdtempSync('/tmp/opsdeck-serve-data-');
  staticDir = fs.mkdtempSync('/tmp/opsdeck-serve-static-');
  fs.mkdirSync(path.join(staticDir, 'assets'));
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>Opsdeck</title>');
  fs.writeFileSync(path.join(staticDir, 'assets', 'app-abc123.js'), 'console.log(1)');
  host = await createHost({
    dataDir,
    mode: 'serve',
    sampleIntervalMs: 250,
    secretStore: new KeychainSecretStore('opsdeck-test', async () => {
      throw new Error('unused');
    }),
  });
  server = await startServer({ host, staticDir, hostname: '127.0.0.1', port: 0, token: TOKEN });
  base = `http://127.0.0.1:${server.port}`;
});

afterAll(async () => {
  await server.close();
  await host.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(staticDir, { recursive: true, force: true });
});

const cookie = `opsdeck_token=${TOKEN}`;

describe('serve mode over HTTP', () => {
  it('prints a loopback URL that carries the token', () => {
    expect(server.url).toBe(`${base}/?token=${TOKEN}`);
  });

  it('refuses requests without the token', async () => {
    const res = await fetch(`${base}/`);
    expect(res.status).toBe(401);
    expect(await res.text()).toMatch(/needs its access token/);
    expect((await fetch(`${base}/assets/app-abc123.js`)).status).toBe(401);
    expect((await fetch(`${base}/?token=wrong-token-0123456789`)).status).toBe(401);
  });

  it('trades the token in the URL for a same-site, script-proof cookie', async () => {
    const res = await fetch(server.url, { redirect: 'manual' });
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/');
    expect(res.headers.get('set-cookie')).toBe(`${cookie}; Path=/; HttpOnly; SameSite=Strict`);
  });

  it('serves the dashboard with a strict policy once authorised', async () => {
    const res = await fetch(`${base}/`, { headers: { cookie } });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('<title>Opsdeck</title>');
    expect(res.headers.get('content-security-policy')).toContain(`connect-src 'self' ws://127.0.0.1:${server.port}`);
    expect(res.headers.get('x-frame-options')).toBe('DENY');
    const asset = await fetch(`${base}/assets/app-abc123.js`, { headers: { cookie } });
    expect(asset.headers.get('content-type')).toMatch(/javascript/);
    expect(asset.headers.get('cache-control')).toMatch(/immutable/);
  });

  it('never serves a file outside the dashboard folder', async () => {
    for (const p of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/assets/..%2f..%2fpackage.json', '/%E0%A4%A']) {
      const res = await fetch(`${base}${p}`, { headers: { cookie } });
      expect([400, 404]).toContain(res.status);
    }
  });

  it('refuses other methods and unknown host names', async () => {
    expect((await fetch(`${base}/`, { method: 'POST', headers: { cookie } })).status).toBe(405);
    // fetch will not forge a Host header; a DNS-rebinding page would arrive with its own name.
    const status = await new Promise<number>((resolve, reject) =>
      http
        .get({ port: server.port, host: '127.0.0.1', path: '/', headers: { cookie, host: 'attacker.example' } }, (res) => {
          res.resume();
          resolve(res.statusCode ?? 0);
        })
        .on('error', reject),
    );
    expect(status).toBe(421);
  });
});

describe('serve mode over WebSocket', () => {
  const wsUrl = () => `ws://127.0.0.1:${server.port}/api`;

  it('refuses an upgrade without the token', async () => {
    expect(await openSocket(wsUrl())).toBe(401);
    expect(await openSocket(wsUrl(), { cookie: 'opsdeck_token=nope' })).toBe(401);
  });

  it('refuses an upgrade from a foreign page, even with the cookie', async () => {
    expect(await openSocket(wsUrl(), { cookie, origin: 'http://evil.example' })).toBe(403);
  });

  it('answers contract calls and streams host events', async () => {
    const ws = (await openSocket(wsUrl(), { cookie, origin: base })) as WebSocket;
    const box = inbox(ws);
    ws.send(JSON.stringify({ kind: 'invoke', id: 7, channel: 'app.info', payload: {} }));
    expect(await box.next((m) => m.kind === 'result' && m.id === 7)).toMatchObject({
      result: { ok: true, value: { name: 'Opsdeck', mode: 'serve' } },
    });
    const sample = await box.next((m) => m.kind === 'event' && m.event.name === 'host.sample');
    expect(sample).toMatchObject({ event: { data: { memory: { totalBytes: expect.any(Number) } } } });
    ws.close();
  });

  it('answers malformed messages with typed errors and stays open', async () => {
    const ws = (await openSocket(`${wsUrl()}?token=${TOKEN}`)) as WebSocket;
    const box = inbox(ws);
    ws.send('{not json');
    expect(await box.next((m) => m.kind === 'result' && m.id === -1)).toMatchObject({
      result: { ok: false, error: { code: 'BAD_REQUEST' } },
    });
    ws.send(JSON.stringify({ kind: 'invoke', id: 2, channel: 'host.series', payload: { range: 1 } }));
    expect(await box.next((m) => m.kind === 'result' && m.id === 2)).toMatchObject({
      result: { ok: false, error: { code: 'BAD_REQUEST', issues: [{ path: 'range' }] } },
    });
    ws.send(JSON.stringify(null));
    expect(await box.next((m) => m.kind === 'result' && m.id === -1 && !m.result.ok && m.result.error.code === 'UNKNOWN_CHANNEL')).toBeTruthy();
    ws.send(JSON.stringify({ kind: 'invoke', id: 3, channel: 'settings.get', payload: {} }));
    expect(await box.next((m) => m.kind === 'result' && m.id === 3)).toMatchObject({ result: { ok: true } });
    ws.close();
  });

  it('closes a client that sends an oversized frame, and keeps serving others', async () => {
    const big = (await openSocket(`${wsUrl()}?token=${TOKEN}`)) as WebSocket;
    const closed = new Promise<number>((resolve) => big.on('close', (code) => resolve(code)));
    big.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009);
    const ok = (await openSocket(`${wsUrl()}?token=${TOKEN}`)) as WebSocket;
    const box = inbox(ok);
    ok.send(JSON.stringify({ kind: 'invoke', id: 1, channel: 'host.info', payload: {} }));
    expect(await box.next((m) => m.kind === 'result' && m.id === 1)).toMatchObject({ result: { ok: true } });
    ok.close();
  });
});
