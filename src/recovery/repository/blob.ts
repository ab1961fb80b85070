import { compress, decompress } from '@mongodb-js/zstd';
import type { MasterKeys } from './keys';
import { SealBrokenError, sealBlob, sha256Blob, unsealBlob } from './seal';

/** Data blobs hold file content; tree blobs hold a folder's listing. */
export type BlobType = 'data' | 'tree';

export interface EncodedBlob {
  /** The sealed blob in pieces, written back to back. */
  sealed: Buffer[];
  length: number;
  compressed: boolean;
}

/** Compression pays when it saves more than 1/64 of the data. */
const worthCompressing = (plainLength: number, packedLength: number) => packedLength < plainLength - (plainLength >> 6);

const SAMPLE = 4096;
// Random bytes and compressed formats (archives, media, encrypted files) measure near 8 bits per
// byte on a 4 KiB sample; text, code and binaries well under 7.
const RANDOM_BITS_PER_BYTE = 7.8;
const byteCounts = new Uint32Array(256);

/** Whether a blob's first 4 KiB look random: then compressing it would cost a zstd call for nothing. */
function looksRandom(plain: Buffer): boolean {
  if (plain.length < SAMPLE) return false;
  byteCounts.fill(0);
  for (let i = 0; i < SAMPLE; i++) byteCounts[plain[i]!]!++;
  let bits = 0;
  for (const count of byteCounts) if (count > 0) bits -= (count / SAMPLE) * Math.log2(count / SAMPLE);
  return bits > RANDOM_BITS_PER_BYTE;
}

/**
 * Compresses (unless that does not pay) and seals one blob; compression runs off the main thread.
 * A blob whose first 4 KiB look random is stored as it is, without compressing it for nothing.
 */
export async function encodeBlob(keys: MasterKeys, plain: Buffer): Promise<EncodedBlob> {
  // zstd's default level (3), as restic uses: the binding takes no level.
  const packed = looksRandom(plain) ? null : await compress(plain);
  const compressed = packed !== null && worthCompressing(plain.length, packed.length);
  const sealed = await sealBlob(keys.data, keys.dataKey, compressed ? packed : plain);
  return { sealed, length: sealed.reduce((n, part) => n + part.length, 0), compressed };
}

/** How a blob can be found damaged, as restore workers report it. */
export type BlobDamage = { kind: 'seal' } | { kind: 'compression'; detail: string } | { kind: 'hash' };

export function damageReason(damage: BlobDamage): string {
  if (damage.kind === 'seal') return new SealBrokenError().message;
  if (damage.kind === 'compression') return `it does not decompress (${damage.detail})`;
  return 'its SHA-256 does not match its id';
}

export class BlobDamagedError extends Error {
  constructor(
    readonly blobId: string,
    readonly pack: string,
    reason: string,
  ) {
    super(`chunk ${blobId} in pack ${pack} is damaged: ${reason}`);
    this.name = 'BlobDamagedError';
  }
}

/** Opens, decompresses and checks a blob against its SHA-256 id. */
export async function decodeBlob(
  keys: MasterKeys,
  sealed: Buffer,
  where: { id: string; pack: string; compressed: boolean },
): Promise<Buffer> {
  let plain: Buffer;
  try {
    const opened = await unsealBlob(keys.data, keys.dataKey, sealed);
    plain = where.compressed ? await decompress(opened) : opened;
  } catch (err) {
    const damage: BlobDamage = err instanceof SealBrokenError ? { kind: 'seal' } : { kind: 'compression', detail: (err as Error).message };
    throw new BlobDamagedError(where.id, where.pack, damageReason(damage));
  }
  if ((await sha256Blob(plain)) !== where.id) throw new BlobDamagedError(where.id, where.pack, damageReason({ kind: 'hash' }));
  return plain;
}
