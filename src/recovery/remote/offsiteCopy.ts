import crypto from 'node:crypto';
import { createReadStream } from 'node:fs';
import fs from 'node:fs/promises';
import path from 'node:path';
import { OpsdeckError } from '../../contract/errors';
import { fsyncDir, TEMP_SUFFIX } from '../repository/durable';
import { ProgressMeter } from '../repository/progress';
import type { ProgressListener } from '../repository/types';
import type { S3Client } from './s3Client';

/**
 * The parts of a repository in the order a copy must write them: a snapshot only once its trees and
 * chunks are there, the index only once its packs are. Removals go the other way round.
 */
const STAGES = ['data', 'index', 'config', 'snapshots'] as const;
type Stage = (typeof STAGES)[number];
const REPOSITORY_FILE = /^(config|(data\/[0-9a-f]{2}|index|snapshots)\/[0-9a-f]{16,64})$/;

export interface CopyOptions {
  signal?: AbortSignal;
  onProgress?: ProgressListener;
}

export interface CopyResult {
  filesCopied: number;
  bytesCopied: number;
  filesDeleted: number;
}

/** Relative path (slash-separated) → size. */
type Listing = Map<string, number>;

const stageOf = (rel: string): Stage | null => STAGES.find((s) => rel === s || rel.startsWith(`${s}/`)) ?? null;

/** `prefix/` with exactly one trailing slash, or '' for the bucket's root. */
export const normalizePrefix = (prefix: string) => prefix.replace(/^\/+|\/+$/g, '').replace(/(.)$/, '$1/');

async function listLocal(root: string, stage: Stage, into: Listing): Promise<void> {
  if (stage === 'config') {
    into.set('config', (await fs.stat(path.join(root, 'config'))).size);
    return;
  }
  const walk = async (rel: string) => {
    for (const entry of await fs.readdir(path.join(root, rel), { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue; // temp files of writes in progress
      const child = `${rel}/${entry.name}`;
      if (entry.isDirectory()) await walk(child);
      else if (entry.isFile()) into.set(child, (await fs.stat(path.join(root, child))).size);
    }
  };
  await walk(stage);
}

/**
 * What the repository holds now. Listed newest-written part first (snapshots, config, index, data):
 * a backup finishing meanwhile can add a snapshot only after its packs, so every snapshot listed
 * has its packs listed too.
 */
async function localListing(root: string): Promise<Listing> {
  const listing: Listing = new Map();
  for (const stage of [...STAGES].reverse()) await listLocal(root, stage, listing);
  return listing;
}

async function remoteListing(client: S3Client, prefix: string, signal?: AbortSignal): Promise<Listing> {
  const listing: Listing = new Map();
  for (const o of await client.listObjects(prefix, { signal })) {
    // Only names a repository writes: a key such as `data/../x` must not reach the file system.
    const rel = o.key.slice(prefix.length);
    if (REPOSITORY_FILE.test(rel)) listing.set(rel, o.size);
  }
  return listing;
}

const inStage = (listing: Listing, stage: Stage) => [...listing].filter(([rel]) => stageOf(rel) === stage).sort(([a], [b]) => a.localeCompare(b));

/**
 * Brings the bucket up to the local repository: uploads what is missing or of another size, stage by
 * stage, then removes what the repository no longer has, snapshots first.
 */
export async function pushRepository(root: string, client: S3Client, prefixIn: string, options: CopyOptions = {}): Promise<CopyResult> {
  const prefix = normalizePrefix(prefixIn);
  const { signal } = options;
  const local = await localListing(root);
  const remote = await remoteListing(client, prefix, signal);
  const uploads = [...local].filter(([rel, size]) => remote.get(rel) !== size);
  const meter = new ProgressMeter('upload', options.onProgress);
  meter.setTotals(
    uploads.reduce((n, [, size]) => n + size, 0),
    uploads.length,
  );
  let bytesCopied = 0;
  for (const stage of STAGES) {
    for (const [rel, size] of inStage(local, stage)) {
      if (remote.get(rel) === size) continue;
      signal?.throwIfAborted();
      const body = createReadStream(path.join(root, rel));
      body.on('data', (chunk) => meter.bytes(chunk.length));
      await client.putObject(prefix + rel, body, size, signal);
      bytesCopied += size;
      meter.file();
    }
  }
  let filesDeleted = 0;
  for (const stage of [...STAGES].reverse()) {
    for (const [rel] of inStage(remote, stage)) {
      if (local.has(rel)) continue;
      signal?.throwIfAborted();
      await client.deleteObject(prefix + rel, signal);
      filesDeleted++;
    }
  }
  meter.report(true);
  return { filesCopied: uploads.length, bytesCopied, filesDeleted };
}

/** Writes a download whole or not at all, as the repository writes its own files. */
async function downloadDurably(client: S3Client, key: string, target: string, signal: AbortSignal | undefined, onBytes: (n: number) => void): Promise<void> {
  const dir = path.dirname(target);
  await fs.mkdir(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  const handle = await fs.open(temp, 'wx', 0o600);
  try {
    for await (const chunk of await client.getObject(key, signal)) {
      await handle.write(chunk as Buffer);
      onBytes((chunk as Buffer).length);
    }
    await handle.sync();
    await handle.close();
    await fs.rename(temp, target);
  } catch (err) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

/** Copies a repository from the bucket into an empty folder, in the same order as a push. */
export async function pullRepository(client: S3Client, prefixIn: string, root: string, options: CopyOptions = {}): Promise<CopyResult> {
  const prefix = normalizePrefix(prefixIn);
  const { signal } = options;
  await fs.mkdir(root, { recursive: true });
  if ((await fs.readdir(root)).some((n) => !n.startsWith('.'))) throw new OpsdeckError('BAD_REQUEST', `${root} is not empty: choose an empty folder to copy the repository into.`);
  const remote = await remoteListing(client, prefix, signal);
  if (!remote.has('config')) throw new OpsdeckError('NOT_FOUND', `There is no backup repository under ${prefix || 'the bucket root'}.`);
  const meter = new ProgressMeter('download', options.onProgress);
  meter.setTotals(
    [...remote.values()].reduce((n, size) => n + size, 0),
    remote.size,
  );
  await Promise.all(['index', 'snapshots', 'locks'].map((sub) => fs.mkdir(path.join(root, sub), { recursive: true })));
  await Promise.all(Array.from({ length: 256 }, (_, i) => fs.mkdir(path.join(root, 'data', i.toString(16).padStart(2, '0')), { recursive: true })));
  let bytesCopied = 0;
  for (const stage of STAGES) {
    for (const [rel, size] of inStage(remote, stage)) {
      signal?.throwIfAborted();
      await downloadDurably(client, prefix + rel, path.join(root, ...rel.split('/')), signal, (n) => meter.bytes(n));
      bytesCopied += size;
      meter.file();
    }
  }
  meter.report(true);
  return { filesCopied: remote.size, bytesCopied, filesDeleted: 0 };
}
