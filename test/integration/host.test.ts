import fs from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import type { HostEvent, HostSample } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { tempDir } from '../helpers/tempDir';

const hosts: Host[] = [];
const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});

async function start(dataDir = tempDir()) {
  const host = await createHost({ dataDir, mode: 'serve', sampleIntervalMs: 250, secretStore: noKeychain });
  hosts.push(host);
  return host;
}

function nextSample(host: Host): Promise<HostSample> {
  return new Promise((resolve) => {
    const off = host.subscribe((e: HostEvent) => {
      if (e.name === 'host.sample') {
        off();
        resolve(e.data);
      }
    });
  });
}

afterEach(async () => {
  for (const h of hosts.splice(0)) await h.stop();
});

const meminfoTotal = () => Number(/^MemTotal:\s+(\d+) kB/m.exec(fs.readFileSync('/proc/meminfo', 'utf8'))![1]) * 1024;

describe('host on this machine', () => {
  it('samples the real machine: memory equals /proc/meminfo, CPU and disks are sane', async () => {
    const host = await start();
    const sample = await nextSample(host);
    expect(sample.memory.totalBytes).toBe(meminfoTotal());
    expect(sample.memory.usedBytes).toBeGreaterThan(0);
    expect(sample.memory.usedBytes).toBeLessThan(sample.memory.totalBytes);
    expect(sample.cpu.totalPct).toBeGreaterThanOrEqual(0);
    expect(sample.cpu.totalPct).toBeLessThanOrEqual(100);
    expect(sample.cpu.perCorePct).toHaveLength((await host.invoke('host.info', {}) as { value: { cores: number } }).value.cores);
    const root = sample.disks.find((d) => d.mount === '/');
    const statfs = fs.statfsSync('/');
    expect(root?.totalBytes).toBe(statfs.blocks * statfs.bsize);
    expect(sample.network).not.toBeNull();
    expect(sample.processCount).toBeGreaterThan(1);
    expect(sample.uptimeSec).toBeGreaterThan(0);
  });

  it('stores samples and serves them as a series and as the latest sample', async () => {
    const host = await start();
    const first = await nextSample(host);
    await nextSample(host);
    const series = await host.invoke('host.series', { range: '15m' });
    expect(series.ok).toBe(true);
    if (!series.ok) return;
    const value = series.value as { points: { ts: number; cpuPct: number }[]; stepMs: number };
    expect(value.stepMs).toBe(1000); // 15 min / 1000 points, rounded up to whole seconds
    expect(value.points.length).toBeGreaterThanOrEqual(1);
    expect(value.points[0]!.ts).toBeLessThanOrEqual(first.ts);
    const latest = await host.invoke('host.latest', {});
    expect(latest).toMatchObject({ ok: true, value: { memory: { totalBytes: meminfoTotal() } } });
  });

  it('keeps settings and history across a restart', async () => {
    const dir = tempDir();
    const host = await start(dir);
    await nextSample(host);
    expect(await host.invoke('settings.update', { theme: 'dark' })).toMatchObject({
      ok: true,
      value: { theme: 'dark', notificationsPaused: false },
    });
    await host.stop();

    const again = await start(dir);
    expect(await again.invoke('settings.get', {})).toMatchObject({ value: { theme: 'dark' } });
    expect(await again.invoke('host.latest', {})).toMatchObject({ ok: true, value: { ts: expect.any(Number) } });
  });

  it('answers bad requests with typed errors and keeps running', async () => {
    const host = await start();
    const bad = [
      ['host.series', { range: 'forever' }],
      ['settings.update', { theme: 'neon' }],
      ['settings.update', { notificationsPaused: 'yes' }],
      ['no.such.channel', {}],
      ['app.info', { unexpected: true }],
    ] as const;
    for (const [channel, payload] of bad) {
      const r = await host.invoke(channel, payload);
      expect(r.ok, channel).toBe(false);
    }
    expect(await host.invoke('app.info', {})).toMatchObject({ ok: true, value: { name: 'Opsdeck', mode: 'serve' } });
    expect(await host.invoke('secrets.status', {})).toMatchObject({
      ok: true,
      value: { available: false, reason: expect.stringMatching(/not used here/) },
    });
  });

  it('refuses a data directory it cannot write, with the path in the message', async () => {
    const file = `${tempDir()}/file`;
    fs.writeFileSync(file, '');
    await expect(createHost({ dataDir: `${file}/data`, mode: 'serve' })).rejects.toThrow(/file\/data is not writable/);
  });
});
