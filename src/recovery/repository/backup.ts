import fsCallbacks, { type Stats } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { BlobWriter } from './blobWriter';
import { Chunker } from './chunker';
import { type RepoContext, loadTree } from './context';
import { compileExcludes } from './excludes';
import type { PackReader } from './packs';
import { ProgressMeter } from './progress';
import { type TreeNode, encodeTree, joinPath, normalizePath } from './trees';
import type { BackupSource, SourceEntry } from './types';

const READ_SIZE = 4 * 1024 * 1024;
const SMALL_FILE = 64 * 1024;
const FILES_AT_ONCE = 4;
const CHUNKS_IN_FLIGHT = 4;

interface Counts {
  sizeBytes: number;
  files: number;
  dirs: number;
}

/** Turns a source into a root tree id, storing every new chunk and tree through the writer. */
export class BackupRun {
  readonly counts: Counts = { sizeBytes: 0, files: 0, dirs: 0 };
  private readonly pool: Semaphore = new Semaphore(FILES_AT_ONCE);

  constructor(
    private readonly ctx: RepoContext,
    private readonly reader: PackReader,
    private readonly writer: BlobWriter,
    private readonly meter: ProgressMeter,
    private readonly signal: AbortSignal | undefined,
  ) {}

  async run(source: BackupSource, parentTree: string | null): Promise<string> {
    if (source.kind === 'files') {
      const scanned = await scan(source.root, compileExcludes(source.excludes ?? []), this.signal);
      this.meter.setTotals(scanned.bytes, scanned.files);
      this.meter.enter('backup');
      return this.storeDir(scanned.root, parentTree);
    }
    this.meter.enter('backup');
    return this.storeEntries(source.entries);
  }

  // Files target -----------------------------------------------------------------------------

  private async storeDir(dir: ScannedDir, parentTree: string | null): Promise<string> {
    const parent = new Map<string, TreeNode>();
    if (parentTree) {
      for (const node of (await loadTree(this.ctx, this.reader, parentTree)).nodes) parent.set(node.name, node);
    }
    const pending = dir.children.map((child): Promise<TreeNode> => {
      const before = parent.get(child.name);
      if (child.type === 'dir') {
        return this.storeDir(child, before?.type === 'dir' ? (before.subtree ?? null) : null).then((subtree) => {
          this.counts.dirs++;
          return { ...child.meta, name: child.name, type: 'dir', size: 0, subtree };
        });
      }
      if (child.type === 'symlink') {
        return Promise.resolve({ ...child.meta, name: child.name, type: 'symlink', size: 0, linkTarget: child.linkTarget });
      }
      return this.pool.run(() => this.storeFile(child, before));
    });
    const nodes = await Promise.all(pending);
    this.signal?.throwIfAborted();
    return this.writer.save('tree', encodeTree(nodes));
  }

  private async storeFile(file: ScannedFile, before: TreeNode | undefined): Promise<TreeNode> {
    this.signal?.throwIfAborted();
    const meta = file.meta;
    let content: string[];
    let size = meta.size;
    let reused = false;
    if (before && unchanged(before, meta) && before.content!.every((id) => this.ctx.index.has('data', id))) {
      content = before.content!;
      reused = true;
    } else {
      // Small files are read in one synchronous call: cheaper than three thread-pool round trips.
      const blocks =
        meta.size < SMALL_FILE ? oneBlock(readSmallFile(file.absolute)) : readFileBlocks(file.absolute, meta.size, this.signal);
      ({ content, size } = await this.storeStream(blocks));
    }
    this.counts.files++;
    this.counts.sizeBytes += size;
    this.meter.file(reused ? size : 0);
    return { ...meta, name: file.name, type: 'file', size, content };
  }

  /** Chunks a byte stream and stores each chunk, several at once, keeping their order. */
  private async storeStream(data: AsyncIterable<Buffer>): Promise<{ content: string[]; size: number }> {
    const chunker = new Chunker(this.ctx.gear);
    const ids: Promise<string>[] = [];
    let size = 0;
    let inFlight: Promise<string>[] = [];
    const store = async (chunk: Buffer) => {
      const saved = this.writer.save('data', chunk).then((id) => {
        this.meter.bytes(chunk.length);
        return id;
      });
      ids.push(saved);
      inFlight.push(saved);
      if (inFlight.length >= CHUNKS_IN_FLIGHT) {
        await inFlight[0];
        inFlight = inFlight.slice(1);
      }
    };
    for await (const block of data) {
      size += block.length;
      for (const chunk of chunker.push(block)) await store(chunk);
    }
    const last = chunker.finish();
    if (last) await store(last);
    return { content: await Promise.all(ids), size };
  }

  // Entries (streams handed in by another target) ------------------------------------------------

  private async storeEntries(entries: AsyncIterable<SourceEntry>): Promise<string> {
    const root: EntryDir = { children: new Map() };
    for await (const entry of entries) {
      this.signal?.throwIfAborted();
      const parts = normalizePath(entry.path).split('/');
      const name = parts.pop();
      if (!name) throw new Error(`An entry has no file name: "${entry.path}"`);
      let dir = root;
      for (const part of parts) {
        let next = dir.children.get(part);
        if (!next || !('children' in next)) {
          next = { children: new Map() };
          dir.children.set(part, next);
        }
        dir = next;
      }
      const data = Buffer.isBuffer(entry.data) ? oneBlock(entry.data) : toBuffers(entry.data);
      const { content, size } = await this.storeStream(data);
      this.counts.files++;
      this.counts.sizeBytes += size;
      this.meter.file();
      dir.children.set(name, {
        node: { name, type: 'file', mode: entry.mode ?? 0o600, mtimeMs: entry.mtimeMs ?? Date.now(), size, content },
      });
    }
    return this.storeEntryDir(root);
  }

  private async storeEntryDir(dir: EntryDir): Promise<string> {
    const nodes: TreeNode[] = [];
    for (const [name, child] of dir.children) {
      if ('node' in child) nodes.push(child.node);
      else {
        this.counts.dirs++;
        nodes.push({ name, type: 'dir', mode: 0o755, mtimeMs: Date.now(), size: 0, subtree: await this.storeEntryDir(child) });
      }
    }
    return this.writer.save('tree', encodeTree(nodes));
  }
}

type EntryDir = { children: Map<string, EntryDir | { node: TreeNode }> };

function unchanged(before: TreeNode, now: FileMeta): boolean {
  return (
    before.type === 'file' &&
    before.content !== undefined &&
    before.size === now.size &&
    before.mtimeMs === now.mtimeMs &&
    before.ctimeMs === now.ctimeMs &&
    before.inode === now.inode
  );
}

// Reading must not touch access times: updating them dirties every inode read, which is slow
// and changes what is backed up. O_NOATIME is Linux-only and needs the file's owner (or root).
const NO_ATIME = fsCallbacks.constants.O_RDONLY | (fsCallbacks.constants.O_NOATIME ?? 0);

function readSmallFile(file: string): Buffer {
  let fd: number;
  try {
    fd = fsCallbacks.openSync(file, NO_ATIME);
  } catch {
    fd = fsCallbacks.openSync(file, 'r');
  }
  try {
    return fsCallbacks.readFileSync(fd);
  } finally {
    fsCallbacks.closeSync(fd);
  }
}

const openFd = promisify(fsCallbacks.open);
const readFd = promisify(fsCallbacks.read);
const closeFd = promisify(fsCallbacks.close);

/**
 * Reads a file in blocks sized by what stat said is left plus one byte, so a small file costs one
 * small buffer and one read, and a short read tells the end without another call.
 */
async function* readFileBlocks(file: string, expected: number, signal: AbortSignal | undefined): AsyncIterable<Buffer> {
  const fd = await openFd(file, NO_ATIME).catch(() => openFd(file, 'r'));
  try {
    let remaining = expected;
    for (;;) {
      signal?.throwIfAborted();
      // A fresh buffer per read: the chunker keeps references to earlier ones.
      const want = Math.min(READ_SIZE, Math.max(remaining, 0) + 1);
      const buffer = Buffer.allocUnsafe(want);
      const { bytesRead } = await readFd(fd, buffer, 0, want, null);
      if (bytesRead > 0) yield bytesRead === want ? buffer : buffer.subarray(0, bytesRead);
      if (bytesRead < want) return;
      remaining -= bytesRead;
    }
  } finally {
    await closeFd(fd);
  }
}

async function* oneBlock(data: Buffer): AsyncIterable<Buffer> {
  yield data;
}

async function* toBuffers(stream: NodeJS.ReadableStream): AsyncIterable<Buffer> {
  for await (const piece of stream as AsyncIterable<Buffer | string>) {
    yield typeof piece === 'string' ? Buffer.from(piece) : piece;
  }
}

// Scanning ----------------------------------------------------------------------------------------

interface FileMeta {
  mode: number;
  mtimeMs: number;
  ctimeMs: number;
  inode: number;
  size: number;
}

interface ScannedFile {
  type: 'file';
  name: string;
  absolute: string;
  meta: FileMeta;
}
interface ScannedLink {
  type: 'symlink';
  name: string;
  linkTarget: string;
  meta: FileMeta;
}
interface ScannedDir {
  type: 'dir';
  name: string;
  meta: FileMeta;
  children: (ScannedFile | ScannedLink | ScannedDir)[];
}

const metaOf = (st: Stats): FileMeta => ({
  mode: st.mode & 0o7777,
  mtimeMs: st.mtimeMs,
  ctimeMs: st.ctimeMs,
  inode: st.ino,
  size: st.isFile() ? st.size : 0,
});

/**
 * Lists the source first, so progress can show totals; a single file becomes a one-entry folder.
 * Each folder is read with synchronous calls (far cheaper than a thread-pool round trip per file),
 * yielding to the event loop between folders.
 */
async function scan(
  rootPath: string,
  excluded: (relativePath: string) => boolean,
  signal: AbortSignal | undefined,
): Promise<{ root: ScannedDir; bytes: number; files: number }> {
  const absoluteRoot = path.resolve(rootPath);
  const totals = { bytes: 0, files: 0 };
  const visit = (absolute: string, name: string, st: Stats): ScannedDir | ScannedFile | ScannedLink | null => {
    if (st.isDirectory()) return { type: 'dir', name, meta: metaOf(st), children: [] };
    if (st.isSymbolicLink()) return { type: 'symlink', name, linkTarget: fsCallbacks.readlinkSync(absolute), meta: metaOf(st) };
    if (st.isFile()) {
      totals.bytes += st.size;
      totals.files++;
      return { type: 'file', name, absolute, meta: metaOf(st) };
    }
    return null; // sockets, devices and pipes hold no data to back up
  };
  const fill = async (dir: ScannedDir, absolute: string, relative: string): Promise<void> => {
    signal?.throwIfAborted();
    await new Promise<void>((resolve) => setImmediate(resolve));
    const subdirs: [ScannedDir, string, string][] = [];
    for (const name of fsCallbacks.readdirSync(absolute).sort()) {
      const rel = joinPath(relative, name);
      if (excluded(rel)) continue;
      const childPath = path.join(absolute, name);
      const child = visit(childPath, name, fsCallbacks.lstatSync(childPath));
      if (!child) continue;
      dir.children.push(child);
      if (child.type === 'dir') subdirs.push([child, childPath, rel]);
    }
    for (const [child, childPath, rel] of subdirs) await fill(child, childPath, rel);
  };
  const rootStat = fsCallbacks.lstatSync(absoluteRoot);
  const root: ScannedDir = { type: 'dir', name: '', meta: metaOf(rootStat), children: [] };
  if (rootStat.isDirectory()) await fill(root, absoluteRoot, '');
  else {
    const single = visit(absoluteRoot, path.basename(absoluteRoot), rootStat);
    if (single) root.children.push(single);
  }
  return { root, ...totals };
}

/** Lets at most `limit` tasks run at once. */
class Semaphore {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(private readonly limit: number) {}

  async run<T>(task: () => Promise<T>): Promise<T> {
    if (this.running >= this.limit) await new Promise<void>((resolve) => this.waiting.push(resolve));
    this.running++;
    try {
      return await task();
    } finally {
      this.running--;
      this.waiting.shift()?.();
    }
  }
}
