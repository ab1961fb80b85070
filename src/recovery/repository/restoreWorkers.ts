import { createRequire } from 'node:module';
import os from 'node:os';
import { Worker } from 'node:worker_threads';
import { BlobDamagedError, damageReason } from './blob';
import type { RestoreJob } from './restoreJobs';
import {
  type FromRestoreWorker,
  type RestoreJobFailure,
  type RestoreWorkerSetup,
  type ToRestoreWorker,
  restoreWorkerMain,
} from './restoreWorker';
import { openSealedWith } from './seal';

// The worker runs from source text: nothing to locate on disk, the same in tests, bundles and the app.
const WORKER_SOURCE = `(${restoreWorkerMain.toString()})(require, ${openSealedWith.toString()});`;

/** One worker per core (at least two, so reading and writing overlap; at most four). */
export const restoreWorkerCount = (): number => Math.min(4, Math.max(2, os.availableParallelism()));

interface Pending {
  resolve: (done: { bytes: number; files: number }) => void;
  reject: (err: Error) => void;
}

function toError(failure: RestoreJobFailure): Error {
  if (failure.kind === 'damaged') return new BlobDamagedError(failure.blob, failure.pack, damageReason(failure.damage));
  const err: NodeJS.ErrnoException = new Error(failure.message);
  if (failure.code) err.code = failure.code;
  return err;
}

/** Threads that run restore jobs; a job goes to the thread with the fewest waiting. */
export class RestoreWorkerPool {
  private readonly workers: { worker: Worker; pending: Map<number, Pending>; exited: Promise<void> }[] = [];
  private nextId = 0;

  constructor(key: Buffer, count = restoreWorkerCount()) {
    const setup: RestoreWorkerSetup = {
      key: new Uint8Array(key),
      zstdModule: createRequire(import.meta.url).resolve('@mongodb-js/zstd'),
    };
    for (let i = 0; i < count; i++) {
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: setup });
      const pending = new Map<number, Pending>();
      worker.on('message', (message: FromRestoreWorker) => {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.type === 'done') waiting?.resolve(message);
        else waiting?.reject(toError(message.failure));
      });
      const exited = new Promise<void>((resolve) => {
        const failAll = (err: Error) => {
          for (const waiting of pending.values()) waiting.reject(err);
          pending.clear();
        };
        worker.on('error', failAll);
        worker.on('exit', () => {
          failAll(new Error('a restore worker stopped unexpectedly'));
          resolve();
        });
      });
      this.workers.push({ worker, pending, exited });
    }
  }

  run(job: RestoreJob): Promise<{ bytes: number; files: number }> {
    const target = this.workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      target.pending.set(id, { resolve, reject });
      target.worker.postMessage({ type: 'job', id, job } satisfies ToRestoreWorker);
    });
  }

  /** Lets every worker finish what it was given, close its packs and exit. */
  async close(): Promise<void> {
    for (const { worker } of this.workers) worker.postMessage({ type: 'close' } satisfies ToRestoreWorker);
    await Promise.all(this.workers.map((w) => w.exited));
  }
}
