import { describe, expect, it } from 'vitest';
import type { HostEvent, K8sLogChunk, K8sLogRead, Result } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { startTestApiServer, type TestApiServer } from '../k8s';
import { eventually } from '../helpers/eventually';
import { tempDir } from '../helpers/tempDir';
import { cleanupAfterEach } from '../helpers/cleanups';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});

const cleanup = cleanupAfterEach();

const NS = 'logs';

function runningPod(server: TestApiServer, name: string, containers: string[]): void {
  server.store.create({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: NS },
    spec: { containers: containers.map((c) => ({ name: c, image: `${c}:1` })) },
    status: { phase: 'Running' },
  });
}

/** A cluster with a one-container pod "talker" and a two-container pod "pair", and a host with the context enabled. */
async function connected(): Promise<{ server: TestApiServer; host: Host; chunks: K8sLogChunk[] }> {
  const server = await startTestApiServer();
  cleanup(() => server.close());
  server.store.create({ apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS } });
  runningPod(server, 'talker', ['main']);
  runningPod(server, 'pair', ['app', 'sidecar']);
  const kubeconfig = server.kubeconfigPath(tempDir(), { context: 'lab' });
  const host = await createHost({ dataDir: tempDir(), mode: 'serve', sampleIntervalMs: 60_000, secretStore: noKeychain, kubeconfigPaths: [kubeconfig], log: () => undefined });
  cleanup(() => host.stop());
  const chunks: K8sLogChunk[] = [];
  host.subscribe((e: HostEvent) => {
    if (e.name === 'k8s.logChunk') chunks.push(e.data);
  });
  const enabled = await host.invoke('k8s.setEnabled', { context: 'lab', enabled: true });
  if (!enabled.ok) throw new Error(enabled.error.message);
  return { server, host, chunks };
}

function value<T>(r: Result<unknown>): T {
  if (!r.ok) throw new Error(`${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const read = async (host: Host, payload: Record<string, unknown>) => value<K8sLogRead>(await host.invoke('k8s.logs', { context: 'lab', namespace: NS, ...payload }));
const follow = async (host: Host, payload: Record<string, unknown>) =>
  value<{ streamId: string }>(await host.invoke('k8s.logs.follow', { context: 'lab', namespace: NS, ...payload })).streamId;
const linesOf = (chunks: K8sLogChunk[], streamId: string) => chunks.filter((c) => c.streamId === streamId).flatMap((c) => c.lines);

describe('pod logs through the host', () => {
  it('reads the last lines, says whether there were more, and keeps empty lines', async () => {
    const { server, host } = await connected();
    server.store.appendLog(NS, 'talker', ['one', '', 'three', 'four']);
    expect(await read(host, { pod: 'talker', tailLines: 10 })).toEqual({ lines: ['one', '', 'three', 'four'], truncated: false });
    expect(await read(host, { pod: 'talker', tailLines: 4 })).toEqual({ lines: ['one', '', 'three', 'four'], truncated: false });
    expect(await read(host, { pod: 'talker', tailLines: 2 })).toEqual({ lines: ['three', 'four'], truncated: true });
  });

  it('reads with timestamps, a chosen container and the previous instance', async () => {
    const { server, host } = await connected();
    server.store.appendLog(NS, 'pair', ['from the sidecar'], { container: 'sidecar', time: new Date('2025-03-01T08:00:00Z') });
    server.store.appendLog(NS, 'pair', ['before the restart'], { container: 'app', previous: true });
    expect((await read(host, { pod: 'pair', container: 'sidecar', timestamps: true })).lines).toEqual(['2025-03-01T08:00:00.000000000Z from the sidecar']);
    expect((await read(host, { pod: 'pair', container: 'app', previous: true })).lines).toEqual(['before the restart']);
  });

  it('passes the API server refusals through in its words', async () => {
    const { host } = await connected();
    const noContainer = await host.invoke('k8s.logs', { context: 'lab', namespace: NS, pod: 'pair' });
    expect(noContainer).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(!noContainer.ok && noContainer.error.message).toContain('a container name must be specified for pod pair, choose one of: [app sidecar]');
    const noPrevious = await host.invoke('k8s.logs', { context: 'lab', namespace: NS, pod: 'talker', previous: true });
    expect(!noPrevious.ok && noPrevious.error.message).toContain('previous terminated container "main" in pod "talker" not found');
    const followPair = await host.invoke('k8s.logs.follow', { context: 'lab', namespace: NS, pod: 'pair' });
    expect(followPair).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    expect(await host.invoke('k8s.logs', { context: 'lab', namespace: NS, pod: 'ghost' })).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('follows a log: the tail, then appended lines in chunks, then the end when the pod is deleted', async () => {
    const { server, host, chunks } = await connected();
    server.store.appendLog(NS, 'talker', ['old', 'recent']);
    const streamId = await follow(host, { pod: 'talker', tailLines: 1 });
    await eventually(() => expect(linesOf(chunks, streamId)).toEqual(['recent']));
    // About 2 MB at once: more than a stream holds between sends, so its reading pauses and resumes.
    const burst = Array.from({ length: 30_000 }, (_, i) => `line ${String(i).padStart(5, '0')} ${'x'.repeat(60)}`);
    server.store.appendLog(NS, 'talker', burst);
    await eventually(() => expect(linesOf(chunks, streamId)).toHaveLength(burst.length + 1));
    expect(linesOf(chunks, streamId)).toEqual(['recent', ...burst]);
    const mine = chunks.filter((c) => c.streamId === streamId);
    expect(mine.every((c) => c.lines.length <= 2000 && Buffer.byteLength(c.lines.join('\n')) <= 256 * 1024 && !c.ended)).toBe(true);
    server.store.delete('pods', NS, 'talker');
    await eventually(() => expect(chunks.filter((c) => c.streamId === streamId).at(-1)).toMatchObject({ ended: true, error: null }));
    expect(value<{ stopped: boolean }>(await host.invoke('k8s.logs.stop', { streamId }))).toEqual({ stopped: false });
  });

  it('stops a stream on request and when its context is disabled', async () => {
    const { server, host, chunks } = await connected();
    const first = await follow(host, { pod: 'talker', tailLines: 0 });
    const second = await follow(host, { pod: 'pair', container: 'app', tailLines: 0 });
    expect(value<{ stopped: boolean }>(await host.invoke('k8s.logs.stop', { streamId: first }))).toEqual({ stopped: true });
    expect(chunks.filter((c) => c.streamId === first).at(-1)).toMatchObject({ ended: true, error: null });
    server.store.appendLog(NS, 'talker', 'after the stop');
    server.store.appendLog(NS, 'pair', 'still followed', { container: 'app' });
    await eventually(() => expect(linesOf(chunks, second)).toEqual(['still followed']));
    expect(linesOf(chunks, first)).toEqual([]);
    await host.invoke('k8s.setEnabled', { context: 'lab', enabled: false });
    await eventually(() => expect(chunks.filter((c) => c.streamId === second).at(-1)).toMatchObject({ ended: true, error: 'Context "lab" is no longer enabled.' }));
  });

  it('refuses a stream beyond the limit', async () => {
    const { host } = await connected();
    const ids = [];
    for (let i = 0; i < 20; i++) ids.push(await follow(host, { pod: 'talker', tailLines: 0 }));
    const refused = await host.invoke('k8s.logs.follow', { context: 'lab', namespace: NS, pod: 'talker' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'UNAVAILABLE', message: 'At most 20 logs can be followed at once: stop one first.' } });
    await host.invoke('k8s.logs.stop', { streamId: ids[0] });
    expect(await follow(host, { pod: 'talker', tailLines: 0 })).toMatch(/^log-/);
  });
});
