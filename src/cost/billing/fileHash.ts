import { createHash } from 'node:crypto';
import fs from 'node:fs';

/** SHA-256 of a file, streamed; onBytes reports how far it has read. */
export async function sha256File(path: string, onBytes: (bytesDone: number) => void): Promise<string> {
  const hash = createHash('sha256');
  let done = 0;
  for await (const chunk of fs.createReadStream(path, { highWaterMark: 1 << 20 })) {
    hash.update(chunk as Buffer);
    done += (chunk as Buffer).length;
    onBytes(done);
  }
  return hash.digest('hex');
}
