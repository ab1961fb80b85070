import { createHash } from 'node:crypto';
import fs from 'node:fs';

const CHUNK_BYTES = 1 << 20;

/**
 * SHA-256 of a file, read through one reused buffer: the hash runs beside DuckDB's import, and a
 * fresh buffer per chunk would leave as much garbage as the file is large; onBytes reports how far it has read.
 */
export async function sha256File(path: string, onBytes: (bytesDone: number) => void): Promise<string> {
  const hash = createHash('sha256');
  const buffer = Buffer.allocUnsafe(CHUNK_BYTES);
  const file = await fs.promises.open(path, 'r');
  try {
    let done = 0;
    for (;;) {
      const { bytesRead } = await file.read(buffer, 0, CHUNK_BYTES, done);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      done += bytesRead;
      onBytes(done);
    }
  } finally {
    await file.close();
  }
  return hash.digest('hex');
}
