import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';

/** Suffix of files being written; anything left with it after a crash is garbage. */
export const TEMP_SUFFIX = '.tmp';

async function fsyncDir(dir: string): Promise<void> {
  const handle = await fs.open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes a file so that it exists whole or not at all: temp file, fsync, rename, fsync of the folder.
 * `exclusive` refuses to replace an existing file.
 */
export async function writeDurably(target: string, data: Buffer | Buffer[] | string, exclusive = false): Promise<void> {
  const dir = path.dirname(target);
  const temp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(6).toString('hex')}${TEMP_SUFFIX}`);
  try {
    const handle = await fs.open(temp, 'wx', 0o600);
    try {
      if (Array.isArray(data)) await writeAll(handle, data);
      else await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    if (exclusive) {
      // link fails with EEXIST instead of replacing: the lock file relies on that.
      await fs.link(temp, target);
      await fs.unlink(temp);
    } else {
      await fs.rename(temp, target);
    }
  } catch (err) {
    await fs.rm(temp, { force: true });
    throw err;
  }
  await fsyncDir(dir);
}

// writev takes at most IOV_MAX (1024) buffers at a time and may write fewer bytes than asked.
async function writeAll(handle: fs.FileHandle, parts: Buffer[]): Promise<void> {
  for (let i = 0; i < parts.length; i += 1024) {
    let batch = parts.slice(i, i + 1024);
    while (batch.length > 0) {
      let { bytesWritten } = await handle.writev(batch);
      while (batch.length > 0 && bytesWritten >= batch[0]!.length) {
        bytesWritten -= batch[0]!.length;
        batch = batch.slice(1);
      }
      if (bytesWritten > 0) batch[0] = batch[0]!.subarray(bytesWritten);
    }
  }
}

export async function removeDurably(target: string): Promise<void> {
  await fs.rm(target, { force: true });
  await fsyncDir(path.dirname(target));
}

export { fsyncDir };
