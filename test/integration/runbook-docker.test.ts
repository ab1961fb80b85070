import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { AuditEntry, DockerEngines, RunbookRun } from '../../src/contract';
import { removeAllContainers, runContainer } from '../docker';
import { dockerTestHost } from '../docker/host';
import { dockerdForFile } from '../docker/perFile';
import { eventually } from '../helpers/eventually';
import { runbookText } from '../helpers/runbookText';
import { tempDir } from '../helpers/tempDir';

const dockerd = dockerdForFile();

afterEach(() => removeAllContainers(dockerd()));

const RUNBOOK = runbookText({
  matter: { id: 'restart-worker', title: 'Restart the worker container' },
  steps: ['1. Restart the worker.', '', '   ```opsdeck-action', '   kind: container-restart', '   engine: private', '   ```'].join('\n'),
});

describe('guided runs with a Docker action', () => {
  it('restarts a container on a real engine after confirmation and records it in the step and the audit log', async () => {
    const folder = tempDir();
    fs.writeFileSync(path.join(folder, 'restart-worker.md'), RUNBOOK);
    const t = await dockerTestHost([{ name: 'private', host: dockerd().host }]);
    await eventually(async () => expect((await t.call<DockerEngines>('docker.engines', {})).engines[0]?.state).toBe('connected'));
    await runContainer(dockerd(), { name: 'worker', script: 'trap "exit 0" TERM; while true; do sleep 0.1; done' });
    const before = await eventually(() => t.row('worker'));
    await t.call('runbooks.addFolder', { path: folder });

    const run = await t.call<RunbookRun>('runbooks.startRun', { runbookId: 'restart-worker' });
    expect(run.steps[0]!.action!.params.map((p) => [p.name, p.value, p.fixed])).toEqual([
      ['engine', 'private', true],
      ['container', null, false],
    ]);
    expect(await t.failure('runbooks.runAction', { runId: run.id, step: 1, values: { container: 'worker' } })).toMatch(
      /^BAD_REQUEST The container-restart action cannot run: container: must be a container id/,
    );

    const after = await t.call<RunbookRun>('runbooks.runAction', { runId: run.id, step: 1, values: { container: before.id } });
    const [result] = after.steps[0]!.results;
    expect(result).toMatchObject({ kind: 'container-restart', ok: true, message: 'Restarted worker.', params: { engine: 'private', container: before.id } });
    await eventually(async () => expect((await t.row('worker')).startedAt).toBeGreaterThan(before.startedAt!));
    const audit = await t.call<AuditEntry[]>('audit.list', { limit: 5 });
    expect(audit.find((e) => e.id === result!.auditId)).toMatchObject({ action: 'container.restart', context: 'private', result: 'ok' });
  });
});
