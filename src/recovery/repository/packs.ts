import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BlobType } from './blob';
import { writeDurably } from './durable';
import { seal, unseal } from './seal';

/** Where one blob sits inside a pack file. */
export interface PackedBlob {
  type: BlobType;
  id: string;
  offset: number;
  /** Sealed bytes in the pack. */
  length: number;
  /** Bytes of the plaintext. */
  rawLength: number;
  compressed: boolean;
}

/** Packs close near this size: big enough for few files, small enough to repack cheaply. */
export const PACK_TARGET_SIZE = 16 * 1024 * 1024;

export function packPath(root: string, packId: string): string {
  return path.join(root, 'data', packId.slice(0, 2), packId);
}

/**
 * A pack file: sealed blobs back to back, then their list (sealed), then the list's length as a
 * 4-byte little-endian number.
 */
export class PackBuilder {
  readonly blobs: PackedBlob[] = [];
  private readonly parts: Buffer[] = [];
  size = 0;

  add(type: BlobType, id: string, sealed: Buffer | Buffer[], rawLength: number, compressed: boolean): void {
    const parts = Array.isArray(sealed) ? sealed : [sealed];
    const length = parts.reduce((n, part) => n + part.length, 0);
    this.blobs.push({ type, id, offset: this.size, length, rawLength, compressed });
    this.parts.push(...parts);
    this.size += length;
  }

  /** Writes the pack durably; returns its id. */
  async write(root: string, key: Buffer): Promise<string> {
    const header = seal(
      key,
      Buffer.from(JSON.stringify(this.blobs.map((b) => [b.type, b.id, b.offset, b.length, b.rawLength, b.compressed ? 1 : 0]))),
    );
    const trailer = Buffer.alloc(4);
    trailer.writeUInt32LE(header.length);
    // A random name: every blob in it is authenticated and hashed on its own, and so is its list.
    const id = crypto.randomBytes(32).toString('hex');
    await writeDurably(packPath(root, id), [...this.parts, header, trailer]);
    return id;
  }
}

type HeaderRow = [BlobType, string, number, number, number, 0 | 1];

/** Reads a pack's own list of blobs (used by verify and to rebuild what an index lost). */
export function parsePackHeader(key: Buffer, bytes: Buffer): PackedBlob[] {
  if (bytes.length < 4) throw new Error('pack is shorter than its trailer');
  const headerLength = bytes.readUInt32LE(bytes.length - 4);
  if (headerLength + 4 > bytes.length) throw new Error('pack trailer points outside the file');
  const header = unseal(key, bytes.subarray(bytes.length - 4 - headerLength, bytes.length - 4));
  return (JSON.parse(header.toString()) as HeaderRow[]).map(([type, id, offset, length, rawLength, compressed]) => ({
    type,
    id,
    offset,
    length,
    rawLength,
    compressed: compressed === 1,
  }));
}

// Small blobs are read through 4 MiB windows: a restore of many small files, which reads packs
// roughly in the order they were written, then costs one read per window rather than per blob.
const WINDOW = 4 * 1024 * 1024;
const WINDOWS_KEPT = 8;

/** Keeps pack files open for positional reads while an operation runs. */
export class PackReader {
  private readonly handles = new Map<string, Promise<fs.FileHandle>>();
  private readonly windows = new Map<string, Promise<{ start: number; bytes: Buffer }>>();

  constructor(private readonly root: string) {}

  async read(packId: string, offset: number, length: number): Promise<Buffer> {
    if (length * 4 > WINDOW) return this.readAt(packId, offset, length);
    for (const [key, pending] of this.windows) {
      if (!key.startsWith(packId)) continue;
      const window = await pending.catch(() => null);
      if (window && offset >= window.start && offset + length <= window.start + window.bytes.length) {
        return window.bytes.subarray(offset - window.start, offset - window.start + length);
      }
    }
    const key = `${packId}@${offset}`;
    const loading = this.readAt(packId, offset, WINDOW, false).then((bytes) => ({ start: offset, bytes }));
    this.windows.set(key, loading);
    loading.catch(() => this.windows.delete(key));
    if (this.windows.size > WINDOWS_KEPT) this.windows.delete(this.windows.keys().next().value!);
    const { bytes } = await loading;
    if (bytes.length < length) throw new Error(`pack ${packId} is shorter than its index says`);
    return bytes.subarray(0, length);
  }

  /** Reads `length` bytes at `offset`; with `exact` false, fewer at the end of the file. */
  private async readAt(packId: string, offset: number, length: number, exact = true): Promise<Buffer> {
    let handle = this.handles.get(packId);
    if (!handle) {
      handle = fs.open(packPath(this.root, packId), 'r');
      this.handles.set(packId, handle);
      handle.catch(() => this.handles.delete(packId));
    }
    const fh = await handle;
    const buffer = Buffer.allocUnsafe(length);
    const { bytesRead } = await fh.read(buffer, 0, length, offset);
    if (exact && bytesRead !== length) throw new Error(`pack ${packId} is shorter than its index says`);
    return bytesRead === length ? buffer : buffer.subarray(0, bytesRead);
  }

  async close(): Promise<void> {
    const handles = [...this.handles.values()];
    this.handles.clear();
    this.windows.clear();
    await Promise.all(handles.map(async (h) => (await h.catch(() => null))?.close()));
  }
}
