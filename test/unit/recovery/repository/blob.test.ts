import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBlob, encodeBlob } from '../../../../src/recovery/repository/blob';
import { type MasterKeys, createConfig } from '../../../../src/recovery/repository/keys';
import { sha256 } from '../../../../src/recovery/repository/seal';
import { seededBytes } from './seededBytes';

const KiB = 1024;
const text = (length: number) => Buffer.from('2026-11-23 INFO request served in 12 ms\n'.repeat(Math.ceil(length / 40))).subarray(0, length);

let keys: MasterKeys;
beforeAll(async () => {
  keys = (await createConfig('blob-test-password')).keys;
});

async function roundTrip(plain: Buffer) {
  const encoded = await encodeBlob(keys, plain);
  const sealed = Buffer.concat(encoded.sealed);
  expect(await decodeBlob(keys, sealed, { id: sha256(plain), pack: 'p', compressed: encoded.compressed })).toEqual(plain);
  return encoded;
}

describe('blob encoding', () => {
  it('compresses text and stores random bytes as they are, both opening to the original', async () => {
    const logs = await roundTrip(text(512 * KiB));
    expect(logs.compressed).toBe(true);
    expect(logs.length).toBeLessThan(64 * KiB);
    const random = await roundTrip(seededBytes('random', 512 * KiB));
    expect(random.compressed).toBe(false);
    expect(random.length).toBe(512 * KiB + 28);
  });

  it('judges a blob by its first 4 KiB, and a smaller one by compressing it', async () => {
    // Random bytes in front: the text after them is not compressed.
    const mixed = await roundTrip(Buffer.concat([seededBytes('head', 4 * KiB), text(512 * KiB)]));
    expect(mixed.compressed).toBe(false);
    // Text in front: compressed, random bytes after it and all.
    const textFirst = await roundTrip(Buffer.concat([text(64 * KiB), seededBytes('tail', 64 * KiB)]));
    expect(textFirst.compressed).toBe(true);
    expect((await roundTrip(text(2 * KiB))).compressed).toBe(true);
    expect((await roundTrip(seededBytes('tiny', 2 * KiB))).compressed).toBe(false);
  });
});
