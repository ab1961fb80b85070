import crypto from 'node:crypto';

/** Deterministic pseudo-random bytes (counter-mode SHA-256): the same test data on every run. */
export function seededBytes(seed: string, length: number): Buffer {
  const out = Buffer.alloc(length);
  for (let i = 0, block = 0; i < length; block++) {
    i += crypto.createHash('sha256').update(`${seed}-${block}`).digest().copy(out, i);
  }
  return out;
}
