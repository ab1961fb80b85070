import { type BlobType, encodeBlob } from './blob';
import { writeIndexFile } from './blobIndex';
import type { RepoContext } from './context';
import { PACK_TARGET_SIZE, PackBuilder, type PackedBlob } from './packs';
import { sha256Blob } from './seal';

// Packs written but not yet listed in an index file; an index file is written every so many packs
// so that a killed backup leaves most of its data reusable by the next one.
const PACKS_PER_INDEX = 16;
const MAX_PACK_WRITES = 2;

/**
 * Adds blobs to the repository during one write operation: deduplicates against the index and
 * against this operation, fills packs, writes each pack durably and only then the index naming it.
 */
export class BlobWriter {
  private readonly builders: Record<BlobType, PackBuilder> = { data: new PackBuilder(), tree: new PackBuilder() };
  private readonly seen: Record<BlobType, Set<string>> = { data: new Set(), tree: new Set() };
  private readonly unindexed = new Map<string, PackedBlob[]>();
  private readonly writes = new Set<Promise<void>>();
  private failure: unknown = null;
  dataAdded = 0;
  dataAddedStored = 0;

  constructor(private readonly ctx: RepoContext) {}

  /** Stores a blob unless the repository already has it; returns its id. */
  async save(type: BlobType, plain: Buffer): Promise<string> {
    this.throwIfFailed();
    const id = await sha256Blob(plain);
    if (this.ctx.index.has(type, id) || this.seen[type].has(id)) return id;
    this.seen[type].add(id);
    const { sealed, length, compressed } = await encodeBlob(this.ctx.keys, plain);
    this.throwIfFailed();
    const builder = this.builders[type];
    builder.add(type, id, sealed, plain.length, compressed);
    if (type === 'data') {
      this.dataAdded += plain.length;
      this.dataAddedStored += length;
    }
    if (builder.size >= PACK_TARGET_SIZE) await this.flushPack(type);
    return id;
  }

  private async flushPack(type: BlobType): Promise<void> {
    const builder = this.builders[type];
    if (builder.blobs.length === 0) return;
    this.builders[type] = new PackBuilder();
    while (this.writes.size >= MAX_PACK_WRITES) await Promise.race(this.writes);
    const write = builder
      .write(this.ctx.root, this.ctx.keys.data)
      .then(async (packId) => {
        this.unindexed.set(packId, builder.blobs);
        if (this.unindexed.size >= PACKS_PER_INDEX) await this.writeIndex();
      })
      .catch((err: unknown) => {
        this.failure ??= err;
      })
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }

  private async writeIndex(): Promise<void> {
    if (this.unindexed.size === 0) return;
    const packs = new Map(this.unindexed);
    this.unindexed.clear();
    const name = await writeIndexFile(this.ctx.root, this.ctx.keys.data, packs);
    for (const [packId, blobs] of packs) this.ctx.index.addPack(packId, blobs);
    this.ctx.index.files.add(name);
  }

  private throwIfFailed(): void {
    if (this.failure) throw this.failure;
  }

  /** Stops after a failure: later saves throw, and pack writes under way finish before the lock goes. */
  async abandon(reason: unknown): Promise<void> {
    this.failure ??= reason;
    while (this.writes.size > 0) await Promise.allSettled(this.writes);
  }

  /** Writes the open packs and the index for everything written; after it, all saved blobs are durable. */
  async finish(): Promise<void> {
    await this.flushPack('data');
    await this.flushPack('tree');
    while (this.writes.size > 0) await Promise.all(this.writes);
    this.throwIfFailed();
    await this.writeIndex();
  }
}
