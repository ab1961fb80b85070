import crypto from 'node:crypto';

const NONCE = 12;
const TAG = 16;
/** Bytes sealing adds to a plaintext: nonce in front, authentication tag behind. */
export const SEAL_OVERHEAD = NONCE + TAG;

// Random nonces drawn in batches: one call to the system's generator per thousand blobs.
let nonces = Buffer.alloc(0);
function freshNonce(): Buffer {
  if (nonces.length < NONCE) nonces = crypto.randomBytes(NONCE * 1024);
  const nonce = nonces.subarray(0, NONCE);
  nonces = nonces.subarray(NONCE);
  return nonce;
}

/** AES-256-GCM with a fresh random nonce, as its three pieces: nonce, ciphertext, tag (no copy to join them). */
export function sealParts(key: Buffer, plaintext: Buffer): Buffer[] {
  const nonce = freshNonce();
  const cipher = crypto.createCipheriv('aes-256-gcm', key, nonce);
  const body = cipher.update(plaintext);
  cipher.final();
  return [nonce, body, cipher.getAuthTag()];
}

/** AES-256-GCM with a fresh random nonce: nonce | ciphertext | tag. */
export function seal(key: Buffer, plaintext: Buffer): Buffer {
  return Buffer.concat(sealParts(key, plaintext));
}

export class SealBrokenError extends Error {
  constructor() {
    super('authentication failed: the data was changed or the key is wrong');
    this.name = 'SealBrokenError';
  }
}

/**
 * Opens what `seal` made, or null when a single bit differs. It takes the crypto module and inlines
 * its sizes so that restore workers can run this same function from its source text.
 */
export function openSealedWith(cryptoModule: typeof crypto, key: Buffer, sealed: Buffer): Buffer | null {
  // 12-byte nonce in front, 16-byte tag behind (NONCE and TAG above).
  if (sealed.length < 28) return null;
  const decipher = cryptoModule.createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
  decipher.setAuthTag(sealed.subarray(sealed.length - 16));
  const body = decipher.update(sealed.subarray(12, sealed.length - 16));
  try {
    decipher.final();
  } catch {
    return null;
  }
  return body;
}

/** Opens what `seal` made; throws SealBrokenError when a single bit differs. */
export function unseal(key: Buffer, sealed: Buffer): Buffer {
  const body = openSealedWith(crypto, key, sealed);
  if (!body) throw new SealBrokenError();
  return body;
}

/** Blobs this big are sealed, opened and hashed on the thread pool; smaller ones inline, where that is cheaper. */
const OFF_THREAD = 64 * 1024;

/** `sealParts` for a blob, on the thread pool when it is big. */
export async function sealBlob(key: Buffer, webKey: CryptoKey, plaintext: Buffer): Promise<Buffer[]> {
  if (plaintext.length < OFF_THREAD) return sealParts(key, plaintext);
  const nonce = freshNonce();
  // WebCrypto's AES-GCM output is ciphertext then tag: the same layout as `seal`.
  const body = await crypto.subtle.encrypt({ name: 'AES-GCM', iv: nonce }, webKey, plaintext);
  return [nonce, Buffer.from(body)];
}

/** `unseal` for a blob, on the thread pool when it is big. */
export async function unsealBlob(key: Buffer, webKey: CryptoKey, sealed: Buffer): Promise<Buffer> {
  if (sealed.length < OFF_THREAD) return unseal(key, sealed);
  if (sealed.length < SEAL_OVERHEAD) throw new SealBrokenError();
  try {
    const plain = await crypto.subtle.decrypt({ name: 'AES-GCM', iv: sealed.subarray(0, NONCE) }, webKey, sealed.subarray(NONCE));
    return Buffer.from(plain);
  } catch {
    throw new SealBrokenError();
  }
}

/** SHA-256 in hex, on the thread pool when the data is big. */
export async function sha256Blob(data: Buffer): Promise<string> {
  if (data.length < OFF_THREAD) return sha256(data);
  return Buffer.from(await crypto.subtle.digest('SHA-256', data)).toString('hex');
}

export const sha256 = (data: Buffer): string => crypto.createHash('sha256').update(data).digest('hex');
