import type { Readable } from 'node:stream';
import { OpsdeckError } from '../contract';
import type { Repository } from './repository/repository';
import type { ProgressListener, TreeEntry } from './repository/types';

/** One snapshot's files as a restore reads them. */
export class SnapshotReader {
  private entries: Promise<TreeEntry[]> | null = null;

  constructor(
    private readonly repo: Repository,
    readonly snapshotId: string,
  ) {}

  /** Every file of the snapshot, walked from its root. */
  private all(): Promise<TreeEntry[]> {
    this.entries ??= (async () => {
      const out: TreeEntry[] = [];
      const walk = async (dir: string) => {
        for (const e of await this.repo.tree(this.snapshotId, dir)) {
          if (e.type === 'dir') await walk(e.path);
          else out.push(e);
        }
      };
      await walk('/');
      return out;
    })();
    return this.entries;
  }

  async files(): Promise<string[]> {
    return (await this.all()).filter((e) => e.type === 'file').map((e) => e.path);
  }

  async size(path: string): Promise<number> {
    const e = (await this.all()).find((x) => x.path.replace(/^\//, '') === path.replace(/^\//, ''));
    if (!e) throw new OpsdeckError('NOT_FOUND', `Snapshot ${this.snapshotId.slice(0, 8)} holds no ${path}.`);
    return e.size;
  }

  async open(path: string): Promise<Readable> {
    await this.size(path);
    return this.repo.openFile(this.snapshotId, path);
  }

  async read(path: string): Promise<Buffer> {
    const chunks: Buffer[] = [];
    for await (const c of await this.open(path)) chunks.push(c as Buffer);
    return Buffer.concat(chunks);
  }

  async restoreFiles(destination: string, include: string[] | undefined, signal: AbortSignal, onProgress?: ProgressListener): Promise<void> {
    await this.repo.restore(this.snapshotId, { destination, include, signal, onProgress });
  }
}
