import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { OpsdeckError } from '../../contract/errors';
import { removeDurably, writeDurably } from './durable';

interface LockInfo {
  pid: number;
  host: string;
  time: number;
  operation: string;
}

/** A lock held this long without being refreshed belongs to a writer that is gone. */
const STALE_AFTER_MS = 30 * 60 * 1000;
const REFRESH_EVERY_MS = 5 * 60 * 1000;

export interface HeldLock {
  release(): Promise<void>;
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function isStale(info: LockInfo, now: number): boolean {
  if (info.host === os.hostname() && !processAlive(info.pid)) return true;
  return now - info.time > STALE_AFTER_MS;
}

// Writers in this process queue behind one another; the lock file keeps other processes out.
const queues = new Map<string, Promise<void>>();

/** Takes the repository's exclusive writer lock (backup, forget, prune), waiting for writers in this process. */
export async function acquireLock(root: string, operation: string): Promise<HeldLock> {
  const file = path.join(root, 'locks', 'exclusive');
  const previous = queues.get(file) ?? Promise.resolve();
  let done!: () => void;
  const mine = new Promise<void>((resolve) => (done = resolve));
  const tail = previous.then(() => mine);
  queues.set(file, tail);
  await previous;
  try {
    await takeFile(file, operation);
  } catch (err) {
    done();
    if (queues.get(file) === tail) queues.delete(file);
    throw err;
  }
  const write = () => writeDurably(file, JSON.stringify(lockInfo(operation)));
  const timer = setInterval(() => void write().catch(() => undefined), REFRESH_EVERY_MS);
  timer.unref();
  return {
    async release() {
      clearInterval(timer);
      try {
        await removeDurably(file);
      } finally {
        done();
        if (queues.get(file) === tail) queues.delete(file);
      }
    },
  };
}

const lockInfo = (operation: string): LockInfo => ({ pid: process.pid, host: os.hostname(), time: Date.now(), operation });

async function takeFile(file: string, operation: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      await writeDurably(file, JSON.stringify(lockInfo(operation)), true);
      return;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    let info: LockInfo;
    try {
      info = JSON.parse(await fs.readFile(file, 'utf8')) as LockInfo;
    } catch {
      continue; // released between our attempt and the read
    }
    if (!isStale(info, Date.now())) {
      throw new OpsdeckError(
        'UNAVAILABLE',
        `The repository is locked by ${info.operation} (process ${info.pid} on ${info.host} since ${new Date(info.time).toISOString()}).`,
      );
    }
    await removeDurably(file);
  }
  throw new OpsdeckError('UNAVAILABLE', 'The repository lock could not be taken.');
}
