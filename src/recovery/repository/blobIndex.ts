import fs from 'node:fs/promises';
import path from 'node:path';
import type { BlobType } from './blob';
import { writeDurably } from './durable';
import type { PackedBlob } from './packs';
import { seal, sha256, unseal } from './seal';

export interface BlobLocation extends PackedBlob {
  pack: string;
}

type Row = [string, number, number, number, 0 | 1];
interface IndexFile {
  packs: { id: string; data: Row[]; tree: Row[] }[];
}

/** Which pack holds each blob: every `index/*` file merged in memory. */
export class BlobIndex {
  private readonly byType: Record<BlobType, Map<string, BlobLocation>> = { data: new Map(), tree: new Map() };
  readonly packs = new Map<string, PackedBlob[]>();
  /** Index files this view was read from. */
  readonly files = new Set<string>();

  static async load(root: string, key: Buffer): Promise<BlobIndex> {
    const index = new BlobIndex();
    const dir = path.join(root, 'index');
    const names = (await fs.readdir(dir)).filter((n) => /^[0-9a-f]{64}$/.test(n));
    for (const name of names) {
      const file = JSON.parse(unseal(key, await fs.readFile(path.join(dir, name))).toString()) as IndexFile;
      for (const pack of file.packs) {
        const blobs = [
          ...pack.data.map((row) => fromRow('data', row)),
          ...pack.tree.map((row) => fromRow('tree', row)),
        ];
        index.addPack(pack.id, blobs);
      }
      index.files.add(name);
    }
    return index;
  }

  has(type: BlobType, id: string): boolean {
    return this.byType[type].has(id);
  }

  get(type: BlobType, id: string): BlobLocation | undefined {
    return this.byType[type].get(id);
  }

  addPack(packId: string, blobs: PackedBlob[]): void {
    this.packs.set(packId, blobs);
    for (const blob of blobs) this.byType[blob.type].set(blob.id, { ...blob, pack: packId });
  }

  get blobCount(): number {
    return this.byType.data.size + this.byType.tree.size;
  }
}

function fromRow(type: BlobType, [id, offset, length, rawLength, compressed]: Row): PackedBlob {
  return { type, id, offset, length, rawLength, compressed: compressed === 1 };
}

const toRow = (b: PackedBlob): Row => [b.id, b.offset, b.length, b.rawLength, b.compressed ? 1 : 0];

/** Writes one index file for these packs (which must already be durable); returns its name. */
export async function writeIndexFile(root: string, key: Buffer, packs: Map<string, PackedBlob[]>): Promise<string> {
  const file: IndexFile = {
    packs: [...packs].map(([id, blobs]) => ({
      id,
      data: blobs.filter((b) => b.type === 'data').map(toRow),
      tree: blobs.filter((b) => b.type === 'tree').map(toRow),
    })),
  };
  const sealed = seal(key, Buffer.from(JSON.stringify(file)));
  const name = sha256(sealed);
  await writeDurably(path.join(root, 'index', name), sealed);
  return name;
}
