import type { BlobDamage } from './blob';
import type { RestoreJob } from './restoreJobs';
import type { openSealedWith } from './seal';

/** What a restore worker is started with. */
export interface RestoreWorkerSetup {
  key: Uint8Array;
  /** Resolved path of the zstd binding, which the worker loads itself. */
  zstdModule: string;
}

export type ToRestoreWorker = { type: 'job'; id: number; job: RestoreJob } | { type: 'close' };

export type RestoreJobFailure =
  | { kind: 'damaged'; blob: string; pack: string; damage: BlobDamage }
  | { kind: 'system'; message: string; code?: string };

export type FromRestoreWorker =
  | { type: 'done'; id: number; bytes: number; files: number }
  | { type: 'failed'; id: number; failure: RestoreJobFailure };

/**
 * The body of a restore worker thread. It runs from its source text (see restoreWorkers.ts), so it
 * uses nothing from outside but the worker's `require` and the sealing function it is handed (a
 * bundler would rewrite a `require` written here). Each job is
 * read in a few large positional reads, opened, decompressed and checked, then written with
 * synchronous calls: on its own thread, that costs no round trips and keeps a core busy.
 */
export function restoreWorkerMain(load: NodeJS.Require, openSealed: typeof openSealedWith): void {
  const fs = load('node:fs') as typeof import('node:fs');
  const crypto = load('node:crypto') as typeof import('node:crypto');
  const threads = load('node:worker_threads') as typeof import('node:worker_threads');
  const setup = threads.workerData as RestoreWorkerSetup;
  const zstd = load(setup.zstdModule) as typeof import('@mongodb-js/zstd');
  const port = threads.parentPort!;
  const key = Buffer.from(setup.key);
  // Neighbouring blobs are read together when the gap between them is small, up to a span.
  const READ_GAP = 256 * 1024;
  const READ_SPAN = 16 * 1024 * 1024;
  const PACKS_OPEN = 32;
  const packFds = new Map<string, number>();
  let readBuffer = Buffer.alloc(0);

  class Damaged extends Error {
    constructor(
      readonly blob: string,
      readonly pack: string,
      readonly damage: BlobDamage,
    ) {
      super(damage.kind);
    }
  }

  const packFd = (file: string): number => {
    let fd = packFds.get(file);
    if (fd === undefined) {
      if (packFds.size >= PACKS_OPEN) {
        const [oldest, oldFd] = packFds.entries().next().value!;
        packFds.delete(oldest);
        fs.closeSync(oldFd);
      }
      fd = fs.openSync(file, 'r');
      packFds.set(file, fd);
    }
    return fd;
  };

  const writeAll = (fd: number, data: Buffer, position: number | null) => {
    for (let done = 0; done < data.length; ) {
      done += fs.writeSync(fd, data, done, data.length - done, position === null ? null : position + done);
    }
  };

  /** Reads and opens every blob of a job, sorted by place, neighbours in one read. */
  const openBlobs = (job: RestoreJob): Buffer[] => {
    const { blobs, packs } = job;
    const order = blobs.map((_, i) => i).sort((a, b) => blobs[a]!.pack - blobs[b]!.pack || blobs[a]!.offset - blobs[b]!.offset);
    const opened: Buffer[] = new Array(blobs.length);
    for (let i = 0; i < order.length; ) {
      const first = blobs[order[i]!]!;
      let end = first.offset + first.length;
      let j = i + 1;
      for (; j < order.length; j++) {
        const next = blobs[order[j]!]!;
        if (next.pack !== first.pack || next.offset - end > READ_GAP || next.offset + next.length - first.offset > READ_SPAN) break;
        end = next.offset + next.length;
      }
      const span = end - first.offset;
      if (readBuffer.length < span) readBuffer = Buffer.allocUnsafeSlow(Math.max(span, READ_SPAN));
      const pack = packs[first.pack]!;
      const fd = packFd(pack.file);
      for (let got = 0; got < span; ) {
        const n = fs.readSync(fd, readBuffer, got, span - got, first.offset + got);
        if (n === 0) throw new Error(`pack ${pack.id} is shorter than its index says`);
        got += n;
      }
      for (; i < j; i++) {
        const blob = blobs[order[i]!]!;
        const start = blob.offset - first.offset;
        const body = openSealed(crypto, key, readBuffer.subarray(start, start + blob.length));
        if (!body) throw new Damaged(blob.id, pack.id, { kind: 'seal' });
        opened[order[i]!] = body;
      }
    }
    return opened;
  };

  const runJob = async (job: RestoreJob): Promise<{ bytes: number; files: number }> => {
    const opened = openBlobs(job);
    const plain = await Promise.all(
      opened.map(async (body, i) => {
        const blob = job.blobs[i]!;
        if (!blob.compressed) return body;
        try {
          return await zstd.decompress(body);
        } catch (err) {
          throw new Damaged(blob.id, job.packs[blob.pack]!.id, { kind: 'compression', detail: (err as Error).message });
        }
      }),
    );
    plain.forEach((data, i) => {
      const blob = job.blobs[i]!;
      if (crypto.createHash('sha256').update(data).digest('hex') !== blob.id) {
        throw new Damaged(blob.id, job.packs[blob.pack]!.id, { kind: 'hash' });
      }
    });
    let bytes = 0;
    let files = 0;
    for (const piece of job.pieces) {
      if (piece.whole) {
        const fd = fs.openSync(piece.file, 'wx', 0o600);
        try {
          for (const slot of piece.blobs) writeAll(fd, plain[slot]!, null);
          fs.fchmodSync(fd, piece.whole.mode);
          fs.futimesSync(fd, piece.whole.mtimeMs / 1000, piece.whole.mtimeMs / 1000);
        } finally {
          fs.closeSync(fd);
        }
        files++;
      } else {
        const fd = fs.openSync(piece.file, fs.constants.O_WRONLY | fs.constants.O_CREAT, 0o600);
        try {
          let position = piece.position;
          for (const slot of piece.blobs) {
            writeAll(fd, plain[slot]!, position);
            position += plain[slot]!.length;
          }
        } finally {
          fs.closeSync(fd);
        }
      }
      for (const slot of piece.blobs) bytes += plain[slot]!.length;
    }
    return { bytes, files };
  };

  const failure = (err: unknown): RestoreJobFailure =>
    err instanceof Damaged
      ? { kind: 'damaged', blob: err.blob, pack: err.pack, damage: err.damage }
      : { kind: 'system', message: (err as Error).message, code: (err as NodeJS.ErrnoException).code };

  // Jobs run one after another in arrival order; the next is queued while one runs.
  let queue = Promise.resolve();
  port.on('message', (message: ToRestoreWorker) => {
    queue = queue.then(async () => {
      if (message.type === 'close') {
        for (const fd of packFds.values()) fs.closeSync(fd);
        packFds.clear();
        port.close();
        return;
      }
      try {
        const done = await runJob(message.job);
        port.postMessage({ type: 'done', id: message.id, ...done } satisfies FromRestoreWorker);
      } catch (err) {
        port.postMessage({ type: 'failed', id: message.id, failure: failure(err) } satisfies FromRestoreWorker);
      }
    });
  });
}
