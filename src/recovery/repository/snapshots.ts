import fs from 'node:fs/promises';
import path from 'node:path';
import { removeDurably, writeDurably } from './durable';
import { seal, sha256, unseal } from './seal';
import type { SnapshotInfo } from './types';

type StoredSnapshot = Omit<SnapshotInfo, 'id'>;

const dirOf = (root: string) => path.join(root, 'snapshots');

/** Writes a snapshot (the last step of a backup: everything it references is already durable). */
export async function writeSnapshot(root: string, key: Buffer, snapshot: StoredSnapshot): Promise<SnapshotInfo> {
  const plain = Buffer.from(JSON.stringify(snapshot));
  const id = sha256(plain);
  await writeDurably(path.join(dirOf(root), id), seal(key, plain));
  return { id, ...snapshot };
}

export interface SnapshotListing {
  snapshots: SnapshotInfo[];
  /** Snapshot files that do not open (changed bytes): verify reports them. */
  damaged: string[];
}

export async function listSnapshots(root: string, key: Buffer): Promise<SnapshotListing> {
  const names = (await fs.readdir(dirOf(root))).filter((n) => /^[0-9a-f]{64}$/.test(n));
  const snapshots: SnapshotInfo[] = [];
  const damaged: string[] = [];
  for (const id of names) {
    try {
      const stored = JSON.parse(unseal(key, await fs.readFile(path.join(dirOf(root), id))).toString()) as StoredSnapshot;
      snapshots.push({ id, ...stored });
    } catch {
      damaged.push(id);
    }
  }
  snapshots.sort((a, b) => a.time - b.time || (a.id < b.id ? -1 : 1));
  return { snapshots, damaged };
}

export function deleteSnapshot(root: string, id: string): Promise<void> {
  return removeDurably(path.join(dirOf(root), id));
}
