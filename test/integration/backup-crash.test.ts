import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'vite';
import { beforeAll, describe, expect, it } from 'vitest';
import { Repository } from '../../src/recovery/repository';
import { tempDir } from '../helpers/tempDir';
import { describeTree, makeSourceTree, seededBytes } from './backupFixtures';

const PASSWORD = 'integration-password';
const childOut = path.resolve('node_modules/.cache/opsdeck-test-backup-child');
let childScript = '';

beforeAll(async () => {
  // The child runs the real repository code, bundled (zstd's native binding stays external).
  await build({
    configFile: false,
    logLevel: 'warn',
    ssr: { noExternal: true, external: ['@mongodb-js/zstd'] },
    build: {
      ssr: path.resolve('test/integration/backupChild.ts'),
      outDir: childOut,
      emptyOutDir: true,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  childScript = path.join(childOut, 'backupChild.mjs');
}, 120_000);

const countFiles = (dir: string) =>
  fs.readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile() && !e.name.endsWith('.tmp')).length;

/** Starts a backup in a child process and SIGKILLs it the moment `when` holds for the repository. */
async function killBackupWhen(repoRoot: string, source: string, when: () => boolean): Promise<void> {
  const child: ChildProcess = spawn(process.execPath, [childScript, repoRoot, source, 'files'], {
    env: { ...process.env, OPSDECK_REPOSITORY_PASSWORD: PASSWORD },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<NodeJS.Signals | number | null>((resolve) => child.once('exit', (code, signal) => resolve(signal ?? code)));
  let killed = false;
  while (child.exitCode === null && child.signalCode === null) {
    if (when()) {
      child.kill('SIGKILL');
      killed = true;
      break;
    }
    await new Promise((r) => setTimeout(r, 1));
  }
  const how = await exited;
  expect({ killed, how, stderr }).toEqual({ killed: true, how: 'SIGKILL', stderr: '' });
}

describe('a backup killed at any moment', () => {
  it('leaves a repository that verifies, keeps earlier snapshots and lets the next backup finish', async () => {
    const src = path.join(tempDir('opsdeck-crash-src-'), 'src');
    makeSourceTree(src, { smallFiles: 200, bigBytes: 4 * 1024 * 1024 });
    const repo = await Repository.init(path.join(tempDir('opsdeck-crash-repo-'), 'repo'), PASSWORD);
    const earlier = await repo.backup({ kind: 'files', root: src }, { target: 'files' });
    const earlierFacts = describeTree(src);

    // New data for the killed backups: 48 MiB fills three packs.
    fs.writeFileSync(path.join(src, 'new-big.bin'), seededBytes('new', 48 * 1024 * 1024));
    const dataDir = path.join(repo.root, 'data');
    const lockFile = path.join(repo.root, 'locks', 'exclusive');
    const killPoints: [string, () => boolean][] = [
      ['as soon as it holds the lock', () => fs.existsSync(lockFile)],
      ['after its first pack', () => countFiles(dataDir) >= packsBefore() + 1],
      ['after its second pack', () => countFiles(dataDir) >= packsBefore() + 2],
    ];
    let baseline = 0;
    const packsBefore = () => baseline;
    for (const [, when] of killPoints) {
      baseline = countFiles(dataDir);
      await killBackupWhen(repo.root, src, when);
      const reopened = await Repository.open(repo.root, PASSWORD);
      expect(await reopened.verify({ readData: true })).toMatchObject({ ok: true, problems: [] });
      expect((await reopened.snapshots()).map((s) => s.id)).toEqual([earlier.id]);
      const out = path.join(tempDir('opsdeck-crash-out-'), 'out');
      await reopened.restore(earlier.id, { destination: out });
      expect(describeTree(out)).toEqual(earlierFacts);
    }

    // The next backup takes over the dead process's lock and completes.
    const reopened = await Repository.open(repo.root, PASSWORD);
    const next = await reopened.backup({ kind: 'files', root: src }, { target: 'files' });
    expect(next.parent).toBe(earlier.id);
    const out = path.join(tempDir('opsdeck-crash-out-'), 'out');
    await reopened.restore(next.id, { destination: out });
    expect(describeTree(out)).toEqual(describeTree(src));

    // Prune clears what the killed backups left behind; everything still verifies.
    await reopened.prune();
    expect(await reopened.verify({ readData: true })).toMatchObject({ ok: true, problems: [] });
    expect(fs.readdirSync(repo.root).some((n) => n.endsWith('.tmp'))).toBe(false);
  }, 120_000);
});
