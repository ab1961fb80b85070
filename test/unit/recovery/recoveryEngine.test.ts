import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { RecoveryJob } from '../../../src/contract';
import type { EngineAlert, EngineAlertSink } from '../../../src/engines/engineAlerts';
import { RecoveryEngine } from '../../../src/recovery/recoveryEngine';
import { Repository } from '../../../src/recovery/repository';
import { recoveryActionKinds } from '../../../src/recovery/runbookActions';
import { openDatabase } from '../../../src/store/database';
import { KeyValueStore } from '../../../src/store/keyValue';
import { MemorySecrets } from '../../helpers/memorySecrets';
import { tempDir } from '../../helpers/tempDir';

/** Every fire and resolve, in order. */
class RecordingSink implements EngineAlertSink {
  readonly calls: { op: 'fire' | 'resolve'; engine: string; alertname: string; labels: Record<string, string>; description?: string }[] = [];
  fire(engine: string, alert: EngineAlert) {
    this.calls.push({ op: 'fire', engine, alertname: alert.alertname, labels: alert.labels, description: alert.annotations.description });
  }
  resolve(engine: string, alertname: string, labels: Record<string, string>) {
    this.calls.push({ op: 'resolve', engine, alertname, labels });
  }
  last(alertname: string) {
    return this.calls.filter((c) => c.alertname === alertname).at(-1);
  }
}

const engines: RecoveryEngine[] = [];
afterEach(async () => {
  for (const e of engines.splice(0)) await e.stop();
});

async function setup() {
  const dataDir = tempDir();
  const db = openDatabase(dataDir);
  const sink = new RecordingSink();
  let now = Date.parse('2026-06-01T12:00:00Z');
  const secrets = new MemorySecrets();
  const engine = new RecoveryEngine({
    db,
    kv: new KeyValueStore(db),
    secrets,
    dataDir,
    clients: {
      docker: () => {
        throw new Error('no docker here');
      },
      kube: () => Promise.reject(new Error('no kubernetes here')),
    },
    alerts: sink,
    onJob: () => undefined,
    onChanged: () => undefined,
    log: () => undefined,
    now: () => now,
  });
  engines.push(engine);
  await engine.createRepository(undefined, 'repository password');
  const root = path.join(tempDir(), 'site');
  fs.mkdirSync(root);
  fs.writeFileSync(path.join(root, 'index.html'), '<h1>hello</h1>');
  const target = await engine.saveTarget({ name: 'site', spec: { kind: 'files', root, excludes: [] }, schedule: null, retention: null });
  const run = async (job: RecoveryJob) => engine.finished(job.id);
  return { engine, sink, target, root, dataDir, secrets, run, advance: (ms: number) => (now += ms) };
}

describe('recovery engine alerts', () => {
  it('fires BackupFailed when a backup fails and resolves it when one succeeds again', async () => {
    const { engine, sink, target, root, run } = await setup();
    fs.rmSync(root, { recursive: true });
    const failed = await run(engine.backup(target.id));
    expect(failed.state).toBe('failed');
    expect(sink.last('BackupFailed')).toMatchObject({ op: 'fire', engine: 'recovery', labels: { target: 'site', severity: 'critical' } });
    expect(sink.last('BackupFailed')?.description).toBe(failed.message);

    fs.mkdirSync(root);
    fs.writeFileSync(path.join(root, 'index.html'), 'back');
    expect((await run(engine.backup(target.id))).state).toBe('succeeded');
    expect(sink.last('BackupFailed')).toMatchObject({ op: 'resolve', labels: { target: 'site' } });
  });

  it('fires RpoBreached once the last good snapshot is older than the objective, and resolves after a backup', async () => {
    const { engine, sink, target, run, advance } = await setup();
    expect((await run(engine.backup(target.id))).state).toBe('succeeded');
    advance(10 * 60_000);
    engine.checkNow();
    expect(sink.last('RpoBreached')?.op).toBe('resolve');
    expect(engine.summary().targets[0]?.rpoMet).toBe(true);

    advance(6 * 60_000);
    engine.checkNow();
    expect(sink.last('RpoBreached')).toMatchObject({ op: 'fire', labels: { target: 'site', severity: 'warning' } });
    expect(engine.summary().targets[0]?.rpoMet).toBe(false);
    const recs = await engine.recommendationProvider().recommendations();
    expect(recs.map((r) => r.id)).toEqual([`recovery.rpo/${target.id}`]);

    expect((await run(engine.backup(target.id))).state).toBe('succeeded');
    expect(sink.last('RpoBreached')?.op).toBe('resolve');
    expect(engine.summary().targets[0]?.rpoMet).toBe(true);
  });

  it('the check provider verifies the repository and reports RPO status', async () => {
    const { engine, target, run, advance } = await setup();
    expect((await run(engine.backup(target.id))).state).toBe('succeeded');
    const check = engine.checkProvider();
    expect((await check.run(new AbortController().signal)).status).toBe('pass');
    advance(60 * 60_000);
    const late = await check.run(new AbortController().signal);
    expect(late).toMatchObject({ status: 'warn', summary: 'RPO breached for site.' });
  });
});

/** Every file under a folder, recursively. */
function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).map((e) => path.join(e.parentPath, e.name));
}

describe('recovery engine operations', () => {
  it('fires BackupVerifyFailed when a stored chunk is damaged, naming it, and resolves once verify passes', async () => {
    const { engine, sink, target, dataDir, run } = await setup();
    expect((await run(engine.backup(target.id))).state).toBe('succeeded');
    expect((await run(engine.verify(true))).state).toBe('succeeded');
    expect(sink.last('BackupVerifyFailed')?.op).toBe('resolve');

    const [pack] = filesUnder(path.join(dataDir, 'backups', 'data'));
    const bytes = fs.readFileSync(pack!);
    const flip = () => {
      bytes.writeUInt8(bytes.readUInt8(bytes.length >> 1) ^ 0xff, bytes.length >> 1);
      fs.writeFileSync(pack!, bytes);
    };
    flip();
    const failed = await run(engine.verify(true));
    expect(failed.state).toBe('failed');
    expect(failed.message).toContain(path.basename(pack!).slice(0, 8));
    expect(sink.last('BackupVerifyFailed')).toMatchObject({ op: 'fire', labels: { repository: path.join(dataDir, 'backups') } });
    expect(sink.last('BackupVerifyFailed')?.description).toBe(failed.message);

    flip();
    expect((await run(engine.verify(true))).state).toBe('succeeded');
    expect(sink.last('BackupVerifyFailed')?.op).toBe('resolve');
  });

  it('a backup cancelled before it starts ends cancelled, raises no alert and makes no snapshot', async () => {
    const { engine, sink, target, run } = await setup();
    const job = engine.backup(target.id);
    engine.cancelJob(job.id);
    const ended = await run(job);
    expect(ended).toMatchObject({ state: 'cancelled', message: 'Cancelled.' });
    expect(sink.calls.filter((c) => c.op === 'fire')).toEqual([]);
    expect(await engine.snapshots()).toEqual([]);
  });

  it('runbook steps back up a target by name and restore its latest snapshot', async () => {
    const { engine, root } = await setup();
    const kinds = new Map(recoveryActionKinds(engine).map((k) => [k.kind, k]));
    const context = { actor: 'test', runId: 1, step: 1 };
    const backedUp = await kinds.get('backup')!.run({ target: 'site' }, context);
    expect(backedUp.message).toMatch(/^Snapshot [0-9a-f]{8}: 1 files/);
    const destination = path.join(tempDir(), 'restored');
    await kinds.get('restore')!.run({ target: 'site', into: destination }, context);
    expect(fs.readFileSync(path.join(destination, 'index.html'), 'utf8')).toBe(fs.readFileSync(path.join(root, 'index.html'), 'utf8'));
    await expect(kinds.get('restore')!.run({ target: 'site', into: 'relative/path' }, context)).rejects.toThrow('relative/path is not a place a files snapshot restores into.');
    await expect(kinds.get('backup')!.run({ target: 'nope' }, context)).rejects.toThrow('No recovery target named nope.');
  });
});

describe('scheduled backups and retention', () => {
  it('backs up on its cron schedule, then applies the retention the preview showed', async () => {
    const { engine, target, run, advance } = await setup();
    for (let i = 0; i < 3; i++) {
      expect((await run(engine.backup(target.id))).state).toBe('succeeded');
      advance(60 * 60_000);
    }
    const preview = await engine.forgetPreview(target.id, { last: 2 });
    expect(preview.keep).toHaveLength(2);
    expect(preview.remove).toHaveLength(1);
    expect(await engine.snapshots(target.id)).toHaveLength(3);

    await engine.saveTarget({ id: target.id, name: 'site', spec: target.spec, schedule: '0 * * * *', retention: { last: 2 } });
    expect(engine.targets()[0]?.nextRunAt).toBeGreaterThan(0);
    advance(60 * 60_000);
    engine.checkNow();
    const [scheduled] = engine.listJobs().filter((j) => j.state === 'running');
    expect(scheduled?.kind).toBe('backup');
    expect((await run(scheduled!)).state).toBe('succeeded');
    const left = await engine.snapshots(target.id);
    expect(left).toHaveLength(2);
    expect(left[0]?.tags).toEqual(['files', 'scheduled']);
    expect(left.map((s) => s.id)).not.toContain(preview.remove[0]!.id);
  });
});

describe('repository access', () => {
  it('refuses a wrong password when connecting and keeps the repository and password it had', async () => {
    const { engine, dataDir, secrets } = await setup();
    const other = tempDir();
    await Repository.init(other, 'the other password');
    await expect(engine.connectRepository(other, 'wrong')).rejects.toMatchObject({ code: 'FORBIDDEN' });
    expect(await engine.repositoryStatus()).toMatchObject({ configured: true, path: path.join(dataDir, 'backups'), problem: null });
    expect(secrets.values.get('recovery-repository')).toBe('repository password');
    expect((await engine.connectRepository(other, 'the other password')).path).toBe(other);
    expect(secrets.values.get('recovery-repository')).toBe('the other password');
  });
});
