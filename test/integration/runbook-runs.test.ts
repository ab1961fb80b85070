import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AuditEntry, K8sPodPage, RunbookRun, RunReport, Silence } from '../../src/contract';
import { createHost, type Host } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { startTestApiServer } from '../k8s';
import { cleanupAfterEach } from '../helpers/cleanups';
import { eventually } from '../helpers/eventually';
import { runbookText } from '../helpers/runbookText';
import { tempDir } from '../helpers/tempDir';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});

const cleanup = cleanupAfterEach();

async function call<T>(host: Host, channel: string, payload: unknown): Promise<T> {
  const r = await host.invoke(channel, payload);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}

const RUNBOOK = runbookText({
  matter: { id: 'scale-web', title: 'Scale web back up' },
  steps: [
    '1. Look at the deployment in the Clusters tab.',
    '2. Scale it.',
    '',
    '   ```opsdeck-action',
    '   kind: scale',
    '   context: lab',
    '   namespace: ns-0000',
    '   name: app-000',
    '   ```',
    '3. Scale a deployment that does not exist.',
    '',
    '   ```opsdeck-action',
    '   kind: scale',
    '   context: lab',
    '   namespace: ns-0000',
    '   name: no-such-app',
    '   replicas: 2',
    '   ```',
    '4. Silence the noise while it settles.',
    '',
    '   ```opsdeck-action',
    '   kind: silence',
    `   matchers: 'alertname="KubernetesDeploymentReplicasUnavailable", deployment="app-000"'`,
    '   duration: 30m',
    '   ```',
  ].join('\n'),
});

describe('guided runbook runs', () => {
  it('runs bound actions against a cluster after confirmation, and a run survives a host restart', async () => {
    const server = await startTestApiServer({ bookmarkIntervalMs: 200 });
    cleanup(() => server.close());
    server.store.seed({ namespaces: 1, deploymentsPerNs: 1, podsPerNs: 2, nodes: 1 });
    await server.store.settled();
    const kubeconfig = server.kubeconfigPath(tempDir(), { context: 'lab' });
    const dataDir = tempDir();
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'scale-web.md'), RUNBOOK);
    const start = async () => {
      const host = await createHost({ dataDir, mode: 'serve', sampleIntervalMs: 60_000, secretStore: noKeychain, kubeconfigPaths: [kubeconfig], log: () => undefined });
      cleanup(() => host.stop());
      return host;
    };

    let host = await start();
    await call(host, 'runbooks.addFolder', { path: folder });
    await call(host, 'k8s.setEnabled', { context: 'lab', enabled: true });
    await eventually(async () => expect((await call<K8sPodPage>(host, 'k8s.pods', { context: 'lab', limit: 1 })).synced).toBe(true));

    let run = await call<RunbookRun>(host, 'runbooks.startRun', { runbookId: 'scale-web' });
    expect(run.steps.map((s) => s.action?.kind ?? null)).toEqual([null, 'scale', 'scale', 'silence']);
    run = await call<RunbookRun>(host, 'runbooks.checkStep', { runId: run.id, step: 1, done: true, note: 'two pods running' });

    // The runbook fixes the target; the user gives the replica count, and cannot change the target.
    const retarget = await host.invoke('runbooks.runAction', { runId: run.id, step: 2, values: { name: 'other', replicas: 4 } });
    expect(retarget).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: 'name is set by the runbook to app-000; it cannot be changed in a run.' } });
    expect(await call(host, 'runbooks.describeAction', { runId: run.id, step: 2, values: { replicas: 4 } })).toEqual({
      statement: 'Scale deployment ns-0000/app-000 in context lab to 4 replicas.',
      values: { context: 'lab', namespace: 'ns-0000', name: 'app-000', workload: 'deployment', replicas: 4 },
    });
    run = await call<RunbookRun>(host, 'runbooks.runAction', { runId: run.id, step: 2, values: { replicas: 4 } });
    expect((server.store.get('deployments', 'ns-0000', 'app-000')?.spec as { replicas: number }).replicas).toBe(4);
    const [scaled] = run.steps[1]!.results;
    expect(scaled).toMatchObject({ kind: 'scale', ok: true, message: 'Deployment ns-0000/app-000 scaled to 4 replicas.', params: { context: 'lab', namespace: 'ns-0000', name: 'app-000', replicas: 4 } });
    expect(run.steps[1]!.done).toBe(true);
    const [entry] = await call<AuditEntry[]>(host, 'audit.list', {});
    expect(entry).toMatchObject({ id: scaled!.auditId, action: 'scale', context: 'lab', result: 'ok' });

    // A failed action is recorded in its step, not thrown.
    run = await call<RunbookRun>(host, 'runbooks.runAction', { runId: run.id, step: 3, values: {} });
    expect(run.steps[2]!.results[0]).toMatchObject({ ok: false, auditId: null });
    expect(run.steps[2]!.results[0]!.message).toMatch(/not found/i);
    expect(run.steps[2]!.done).toBe(false);

    run = await call<RunbookRun>(host, 'runbooks.runAction', { runId: run.id, step: 4, values: {} });
    expect(run.steps[3]!.results[0]).toMatchObject({ ok: true, kind: 'silence' });
    const [silence] = await call<Silence[]>(host, 'silences.list', {});
    expect(silence!.matchers).toEqual([
      { name: 'alertname', op: '=', value: 'KubernetesDeploymentReplicasUnavailable' },
      { name: 'deployment', op: '=', value: 'app-000' },
    ]);

    run = await call<RunbookRun>(host, 'runbooks.setRunStatus', { runId: run.id, status: 'paused' });
    const paused = await host.invoke('runbooks.checkStep', { runId: run.id, step: 3, done: true, note: '' });
    expect(paused).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST', message: `Run ${run.id} is paused: resume it first.` } });
    await host.stop();

    host = await start();
    const resumed = await call<RunbookRun>(host, 'runbooks.run', { id: run.id });
    expect(resumed).toMatchObject({ status: 'paused', stepsDone: 3, stepsTotal: 4 });
    expect(resumed.steps[0]).toMatchObject({ done: true, note: 'two pods running' });
    expect(resumed.steps[1]!.results).toEqual(run.steps[1]!.results);
    await call(host, 'runbooks.setRunStatus', { runId: run.id, status: 'active' });
    await call(host, 'runbooks.checkStep', { runId: run.id, step: 3, done: true, note: 'no such app: skipped' });
    const done = await call<RunbookRun>(host, 'runbooks.setRunStatus', { runId: run.id, status: 'completed' });
    expect(done.history.map((h) => h.status)).toEqual(['active', 'paused', 'active', 'completed']);
    expect(done.endedAt).not.toBeNull();

    const report = await call<RunReport>(host, 'runbooks.report', { id: run.id });
    expect(report.fileName).toBe(`run-${run.id}-scale-web.md`);
    expect(report.markdown).toContain(`# Run ${run.id}: Scale web back up`);
    expect(report.markdown).toContain('1. [x] Look at the deployment in the Clusters tab.');
    expect(report.markdown).toContain('   - Note: two pods running');
    expect(report.markdown).toContain(`**succeeded**: Deployment ns-0000/app-000 scaled to 4 replicas. (audit entry ${scaled!.auditId})`);
    expect(report.markdown).toContain('**failed**');
    expect(report.markdown).toMatch(/: completed by .+ \(serve\)/);
  });
});
