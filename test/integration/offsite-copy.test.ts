import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { AlertInstance, OffsiteRemote, RepositoryStatus } from '../../src/contract';
import { Repository } from '../../src/recovery/repository';
import { pullRepository, pushRepository } from '../../src/recovery/remote/offsiteCopy';
import { REMOTE_SECRET_ACCOUNT } from '../../src/recovery/remote/offsiteRemote';
import { S3Client } from '../../src/recovery/remote/s3Client';
import { cleanupAfterEach } from '../helpers/cleanups';
import { recoveryTestHost } from '../helpers/recoveryHost';
import { tempDir } from '../helpers/tempDir';
import { startTestS3, type TestS3, type TestS3Options } from '../s3/s3Server';
import { describeTree, makeSourceTree, seededBytes } from './backupFixtures';

const PASSWORD = 'offsite-password';
const BUCKET = 'offsite';
const PREFIX = 'team/opsdeck';
const cleanup = cleanupAfterEach();

async function server(options: Partial<TestS3Options> = {}): Promise<TestS3> {
  const s3 = await startTestS3({ buckets: [BUCKET], pageSize: 7, ...options });
  cleanup(() => s3.close());
  return s3;
}

const clientFor = (s3: TestS3, secretAccessKey = s3.secretAccessKey) =>
  new S3Client({ endpoint: s3.url, region: s3.region, bucket: BUCKET, accessKeyId: s3.accessKeyId, secretAccessKey });

async function backedUpRepo() {
  const src = path.join(tempDir('opsdeck-offsite-src-'), 'src');
  makeSourceTree(src, { smallFiles: 120, bigBytes: 2 * 1024 * 1024 });
  const repo = await Repository.init(path.join(tempDir('opsdeck-offsite-repo-'), 'repo'), PASSWORD);
  await repo.backup({ kind: 'files', root: src }, { target: 'files' });
  return { src, repo };
}

/** Pulls the bucket into a new folder and checks every snapshot it lists reads back whole. */
async function pullAndVerify(s3: TestS3) {
  const dir = path.join(tempDir('opsdeck-offsite-pull-'), 'repo');
  await pullRepository(clientFor(s3), PREFIX, dir);
  const copy = await Repository.open(dir, PASSWORD);
  const report = await copy.verify({ readData: true });
  expect(report.problems).toEqual([]);
  return copy;
}

const stageRank = (key: string) => ['data/', 'index/', 'config', 'snapshots/'].findIndex((s) => key.slice(PREFIX.length + 1).startsWith(s));

describe('off-site copy to S3', () => {
  it('pushes in crash-safe order, pulls into a new folder that opens, verifies and restores', async () => {
    const s3 = await server();
    const { src, repo } = await backedUpRepo();
    fs.writeFileSync(path.join(src, 'added.bin'), seededBytes('added', 300_000));
    await repo.backup({ kind: 'files', root: src }, { target: 'files' });

    const first = await pushRepository(repo.root, clientFor(s3), PREFIX);
    expect(first.filesCopied).toBeGreaterThan(7);
    const ranks = s3.puts.map(stageRank);
    expect(ranks).not.toContain(-1);
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    expect(await pushRepository(repo.root, clientFor(s3), PREFIX)).toEqual({ filesCopied: 0, bytesCopied: 0, filesDeleted: 0 });

    // After forget and prune the copy loses what the repository lost.
    await repo.forget({ target: 'files', last: 1 }, { dryRun: false });
    await repo.prune();
    const second = await pushRepository(repo.root, clientFor(s3), `/${PREFIX}/`);
    expect(second.filesDeleted).toBeGreaterThan(0);

    // A key that is not a repository file never reaches the disk, however it is spelled.
    s3.objects(BUCKET).set(`${PREFIX}/data/00/../../../escaped`, Buffer.from('x'));
    const copy = await pullAndVerify(s3);
    expect(fs.existsSync(path.join(path.dirname(copy.root), 'escaped'))).toBe(false);
    await expect(pullRepository(clientFor(s3), PREFIX, copy.root)).rejects.toThrow('is not empty');
    const [latest] = await copy.snapshots();
    expect((await copy.snapshots()).map((s) => s.id)).toEqual((await repo.snapshots()).map((s) => s.id));
    const out = path.join(tempDir('opsdeck-offsite-restore-'), 'restored');
    await copy.restore(latest!.id, { destination: out });
    expect(describeTree(out)).toEqual(describeTree(src));
  });

  it('never leaves a snapshot whose data is missing, wherever a push is interrupted', async () => {
    let abortAt = 0;
    let controller = new AbortController();
    const s3 = await server({ onPut: () => --abortAt === 0 && controller.abort() });
    const { src, repo } = await backedUpRepo();
    await pushRepository(repo.root, clientFor(s3), PREFIX);
    const before = new Map(s3.objects(BUCKET));
    fs.writeFileSync(path.join(src, 'new.bin'), seededBytes('new', 3 * 1024 * 1024));
    await repo.backup({ kind: 'files', root: src }, { target: 'files' });

    const putsBefore = s3.puts.length;
    await pushRepository(repo.root, clientFor(s3), PREFIX);
    const uploads = s3.puts.length - putsBefore;
    expect(uploads).toBeGreaterThan(2);

    for (let k = 1; k <= uploads; k++) {
      s3.objects(BUCKET).clear();
      for (const [key, data] of before) s3.objects(BUCKET).set(key, data);
      controller = new AbortController();
      abortAt = k;
      const run = pushRepository(repo.root, clientFor(s3), PREFIX, { signal: controller.signal });
      if (k < uploads) await expect(run).rejects.toThrow();
      else await run.catch(() => undefined);
      const copy = await pullAndVerify(s3);
      expect((await copy.snapshots()).length).toBe(k < uploads ? 1 : 2);
    }
  });

  it('refuses a wrong secret or key id with the server’s own words', async () => {
    const s3 = await server();
    const { repo } = await backedUpRepo();
    await expect(pushRepository(repo.root, clientFor(s3, 'not-the-secret'), PREFIX)).rejects.toThrow(
      'S3 SignatureDoesNotMatch: The request signature we calculated does not match the signature you provided.',
    );
    const stranger = new S3Client({ endpoint: s3.url, region: s3.region, bucket: BUCKET, accessKeyId: 'NOBODY', secretAccessKey: s3.secretAccessKey });
    await expect(stranger.listObjects('')).rejects.toThrow('S3 InvalidAccessKeyId');
    expect(s3.objects(BUCKET).size).toBe(0);
    await expect(clientFor(s3).getObject('missing')).rejects.toThrow('S3 NoSuchKey: The specified key does not exist.');
    expect(await clientFor(s3).headObject('missing')).toBeNull();
  });
});

describe('off-site copy through the host', () => {
  it('keeps the secret in the keychain, copies as a job, and alerts on a failed copy until one succeeds', async () => {
    const s3 = await server();
    const t = await recoveryTestHost();
    cleanup(() => t.stop());
    const settings = { endpoint: s3.url, region: s3.region, bucket: BUCKET, prefix: PREFIX, accessKeyId: s3.accessKeyId };

    await expect(t.call('recovery.remote.set', { ...settings, secretAccessKey: 'wrong' })).rejects.toThrow('S3 SignatureDoesNotMatch');
    expect(await t.call<OffsiteRemote>('recovery.remote.get', {})).toMatchObject({ configured: false, hasSecret: false });
    const saved = await t.call<OffsiteRemote>('recovery.remote.set', { ...settings, secretAccessKey: s3.secretAccessKey });
    expect(saved).toMatchObject({ configured: true, bucket: BUCKET, prefix: PREFIX, hasSecret: true, lastCopy: null });
    expect(JSON.stringify(saved)).not.toContain(s3.secretAccessKey);
    expect(await t.secrets.get(REMOTE_SECRET_ACCOUNT)).toBe(s3.secretAccessKey);

    const pushed = await t.job('recovery.remote.push', {});
    expect(pushed).toMatchObject({ kind: 'offsite-push', state: 'succeeded' });
    expect((await t.call<OffsiteRemote>('recovery.remote.get', {})).lastCopy).toMatchObject({ ok: true, message: pushed.message });
    expect([...s3.objects(BUCKET).keys()]).toContain(`${PREFIX}/config`);

    await t.secrets.set(REMOTE_SECRET_ACCOUNT, 'rotated-elsewhere');
    const failed = await t.job('recovery.remote.push', {});
    expect(failed.state).toBe('failed');
    expect(failed.message).toContain('S3 SignatureDoesNotMatch');
    const offsiteAlerts = async () => (await t.call<AlertInstance[]>('alerts.list', {})).filter((a) => a.alertname === 'OffsiteCopyFailed' && a.state === 'firing');
    expect(await offsiteAlerts()).toHaveLength(1);
    expect((await t.call<OffsiteRemote>('recovery.remote.get', {})).lastCopy).toMatchObject({ ok: false });

    // The secret is kept when the form leaves it empty.
    await t.secrets.set(REMOTE_SECRET_ACCOUNT, s3.secretAccessKey);
    await t.call('recovery.remote.set', settings);
    expect((await t.job('recovery.remote.push', {})).state).toBe('succeeded');
    expect(await offsiteAlerts()).toHaveLength(0);

    const into = path.join(tempDir('opsdeck-offsite-host-'), 'copy');
    expect(await t.job('recovery.remote.pull', { path: into })).toMatchObject({ kind: 'offsite-pull', state: 'succeeded' });
    expect(await t.call<RepositoryStatus>('recovery.repository.open', { path: into, password: 'correct horse battery staple' })).toMatchObject({ configured: true, path: into, problem: null });
  });
});
