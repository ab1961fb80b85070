import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { OpsdeckError } from '../../contract/errors';
import { BackupRun } from './backup';
import { BlobIndex } from './blobIndex';
import { BlobWriter } from './blobWriter';
import { gearTable } from './chunker';
import { type RepoContext, findNode, loadTree, readBlob } from './context';
import { diffSnapshots } from './diff';
import { writeDurably } from './durable';
import { applyPolicy } from './forget';
import { createConfig, openKeys, parseConfig } from './keys';
import { acquireLock } from './lock';
import { PackReader } from './packs';
import { ProgressMeter } from './progress';
import { pruneRepository } from './prune';
import { restoreSnapshot } from './restore';
import { deleteSnapshot, listSnapshots, writeSnapshot } from './snapshots';
import { joinPath, normalizePath } from './trees';
import type {
  BackupOptions,
  BackupSource,
  ForgetPolicy,
  ForgetResult,
  PruneOptions,
  PruneResult,
  RestoreOptions,
  RestoreResult,
  SnapshotDiff,
  SnapshotInfo,
  TreeEntry,
  VerifyOptions,
  VerifyReport,
} from './types';
import { verifyRepository } from './verify';

const CONFIG = 'config';

/**
 * An encrypted, deduplicating backup repository in a folder: content-defined chunks compressed
 * with zstd and sealed with AES-256-GCM in pack files, an index of where each chunk lives, one
 * tree per folder and one snapshot file per backup.
 */
export class Repository {
  private constructor(
    private readonly ctx: RepoContext,
    /** Random id chosen at init; stable across moves of the folder. */
    readonly id: string,
  ) {}

  get root(): string {
    return this.ctx.root;
  }

  /** Creates a repository in an empty (or missing) folder. */
  static async init(dir: string, password: string): Promise<Repository> {
    const root = path.resolve(dir);
    await fs.mkdir(root, { recursive: true });
    const present = (await fs.readdir(root)).filter((name) => !name.startsWith('.'));
    if (present.length > 0) {
      throw new OpsdeckError(
        'BAD_REQUEST',
        present.includes(CONFIG)
          ? `${root} is a backup repository already: open it instead.`
          : `${root} is not empty: choose an empty folder for a new repository.`,
      );
    }
    const { config, keys } = await createConfig(password);
    await Promise.all(
      ['index', 'snapshots', 'locks'].map((sub) => fs.mkdir(path.join(root, sub), { recursive: true })),
    );
    await Promise.all(
      Array.from({ length: 256 }, (_, i) => fs.mkdir(path.join(root, 'data', i.toString(16).padStart(2, '0')), { recursive: true })),
    );
    // The config goes last: a folder without it is not yet a repository.
    await writeDurably(path.join(root, CONFIG), JSON.stringify(config, null, 2), true);
    return new Repository({ root, keys, gear: gearTable(keys.chunker), index: new BlobIndex() }, config.id);
  }

  /** Opens a repository; a wrong password fails with FORBIDDEN before anything is read or written. */
  static async open(dir: string, password: string): Promise<Repository> {
    const root = path.resolve(dir);
    let text: string;
    try {
      text = await fs.readFile(path.join(root, CONFIG), 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') {
        throw new OpsdeckError('NOT_FOUND', `There is no backup repository at ${root}.`);
      }
      throw err;
    }
    const config = parseConfig(text, root);
    const keys = await openKeys(config, password);
    const index = await BlobIndex.load(root, keys.data);
    return new Repository({ root, keys, gear: gearTable(keys.chunker), index }, config.id);
  }

  /** Picks up index files other processes wrote since this one last looked. */
  private async refreshIndex(): Promise<void> {
    const names = (await fs.readdir(path.join(this.ctx.root, 'index'))).filter((n) => /^[0-9a-f]{64}$/.test(n));
    const loaded = this.ctx.index.files;
    if (names.length === loaded.size && names.every((n) => loaded.has(n))) return;
    this.ctx.index = await BlobIndex.load(this.ctx.root, this.ctx.keys.data);
  }

  async backup(source: BackupSource, options: BackupOptions): Promise<SnapshotInfo> {
    const started = performance.now();
    const host = options.host ?? os.hostname();
    const paths = source.kind === 'files' ? [path.resolve(source.root)] : [];
    const lock = await acquireLock(this.ctx.root, `backup of ${options.target}`);
    const reader = new PackReader(this.ctx.root);
    const writer = new BlobWriter(this.ctx);
    try {
      await this.refreshIndex();
      const parent = (await this.snapshots())
        .filter((s) => s.target === options.target && s.host === host && s.paths.join() === paths.join())
        .at(-1);
      const meter = new ProgressMeter('scan', options.onProgress);
      const run = new BackupRun(this.ctx, reader, writer, meter, options.signal);
      const tree = await run.run(source, source.kind === 'files' ? (parent?.tree ?? null) : null);
      meter.enter('index');
      await writer.finish();
      options.signal?.throwIfAborted();
      return await writeSnapshot(this.ctx.root, this.ctx.keys.data, {
        time: Date.now(),
        target: options.target,
        host,
        tags: options.tags ?? [],
        paths,
        parent: parent?.id ?? null,
        tree,
        summary: {
          ...run.counts,
          dataAdded: writer.dataAdded,
          dataAddedStored: writer.dataAddedStored,
          durationMs: Math.round(performance.now() - started),
        },
      });
    } catch (err) {
      await writer.abandon(err);
      throw err;
    } finally {
      await reader.close();
      await lock.release();
    }
  }

  /** Every snapshot, oldest first. */
  async snapshots(): Promise<SnapshotInfo[]> {
    return (await listSnapshots(this.ctx.root, this.ctx.keys.data)).snapshots;
  }

  /** Finds a snapshot by id or unique id prefix. */
  async snapshot(idOrPrefix: string): Promise<SnapshotInfo> {
    const matches = (await this.snapshots()).filter((s) => s.id.startsWith(idOrPrefix));
    if (idOrPrefix.length < 4 || matches.length === 0) {
      throw new OpsdeckError('NOT_FOUND', `No snapshot ${idOrPrefix} in the repository.`);
    }
    if (matches.length > 1) throw new OpsdeckError('BAD_REQUEST', `Snapshot id ${idOrPrefix} is ambiguous.`);
    return matches[0]!;
  }

  /** The entries of one folder of a snapshot (its root when `dir` is absent). */
  async tree(snapshotId: string, dir = ''): Promise<TreeEntry[]> {
    const snapshot = await this.snapshot(snapshotId);
    const where = normalizePath(dir);
    return this.reading(async (reader) => {
      const node = await findNode(this.ctx, reader, snapshot.tree, where);
      if (!node || node.type !== 'dir' || !node.subtree) {
        throw new OpsdeckError('NOT_FOUND', `Snapshot ${snapshot.id.slice(0, 8)} has no folder ${where}.`);
      }
      return (await loadTree(this.ctx, reader, node.subtree)).nodes.map((n) => ({
        name: n.name,
        path: joinPath(where, n.name),
        type: n.type,
        size: n.size,
        mode: n.mode,
        mtimeMs: n.mtimeMs,
        ...(n.linkTarget !== undefined ? { linkTarget: n.linkTarget } : {}),
      }));
    });
  }

  async diff(before: string, after: string): Promise<SnapshotDiff> {
    const [a, b] = [await this.snapshot(before), await this.snapshot(after)];
    return this.reading((reader) => diffSnapshots(this.ctx, reader, a.tree, b.tree));
  }

  /** One file of a snapshot as a stream; a damaged chunk fails the stream. */
  async openFile(snapshotId: string, filePath: string): Promise<Readable> {
    const snapshot = await this.snapshot(snapshotId);
    await this.refreshIndex();
    const reader = new PackReader(this.ctx.root);
    const node = await findNode(this.ctx, reader, snapshot.tree, normalizePath(filePath)).catch(async (err) => {
      await reader.close();
      throw err;
    });
    if (!node || node.type !== 'file') {
      await reader.close();
      throw new OpsdeckError('NOT_FOUND', `Snapshot ${snapshot.id.slice(0, 8)} has no file ${filePath}.`);
    }
    const ctx = this.ctx;
    async function* chunks() {
      try {
        for (const id of node!.content ?? []) yield await readBlob(ctx, reader, 'data', id);
      } finally {
        await reader.close();
      }
    }
    return Readable.from(chunks(), { objectMode: false });
  }

  async restore(snapshotId: string, options: RestoreOptions): Promise<RestoreResult> {
    const snapshot = await this.snapshot(snapshotId);
    return this.reading((reader) => restoreSnapshot(this.ctx, reader, snapshot, options));
  }

  async verify(options: VerifyOptions): Promise<VerifyReport> {
    const listing = await listSnapshots(this.ctx.root, this.ctx.keys.data);
    return this.reading((reader) => verifyRepository(this.ctx, reader, listing.snapshots, listing.damaged, options));
  }

  /** Applies a retention policy; `dryRun` only reports what would be kept and removed, and why. */
  async forget(policy: ForgetPolicy, options: { dryRun: boolean }): Promise<ForgetResult> {
    if (options.dryRun) return { dryRun: true, ...applyPolicy(await this.snapshots(), policy) };
    const lock = await acquireLock(this.ctx.root, 'forget');
    try {
      const decision = applyPolicy(await this.snapshots(), policy);
      for (const { snapshot } of decision.remove) await deleteSnapshot(this.ctx.root, snapshot.id);
      return { dryRun: false, ...decision };
    } finally {
      await lock.release();
    }
  }

  /** Removes chunks no snapshot references any more, repacking partly used packs. */
  async prune(options: PruneOptions = {}): Promise<PruneResult> {
    const lock = await acquireLock(this.ctx.root, 'prune');
    const reader = new PackReader(this.ctx.root);
    try {
      this.ctx.index = await BlobIndex.load(this.ctx.root, this.ctx.keys.data);
      const { result, index } = await pruneRepository(this.ctx, reader, await this.snapshots(), options);
      this.ctx.index = index;
      return result;
    } finally {
      await reader.close();
      await lock.release();
    }
  }

  private async reading<T>(work: (reader: PackReader) => Promise<T>): Promise<T> {
    await this.refreshIndex();
    const reader = new PackReader(this.ctx.root);
    try {
      return await work(reader);
    } finally {
      await reader.close();
    }
  }
}
