import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { OpsdeckError } from '../../contract/errors';
import { SealBrokenError, seal, unseal } from './seal';

const scrypt = promisify(crypto.scrypt) as (
  password: string,
  salt: Buffer,
  length: number,
  options: crypto.ScryptOptions,
) => Promise<Buffer>;

/** The plain part of a repository's `config` file: enough to derive the key that opens the rest. */
export interface RepositoryConfig {
  format: 'opsdeck-repository';
  version: 1;
  id: string;
  kdf: { algorithm: 'scrypt'; N: number; r: number; p: number; salt: string };
  /** The master keys, sealed with the key derived from the password. */
  masterKey: string;
}

/** Keys every repository operation uses; never written anywhere unsealed. */
export interface MasterKeys {
  /** AES-256-GCM key for packs, indexes and snapshots. */
  data: Buffer;
  /** The same key for WebCrypto, which seals and hashes big blobs on the thread pool. */
  dataKey: CryptoKey;
  /** Seed of the chunker's gear table, so chunk boundaries reveal nothing about the content. */
  chunker: Buffer;
}

// 2^15 x 8 x 128 bytes = 32 MiB of memory per derivation: slow to guess, quick enough to open.
const KDF = { N: 2 ** 15, r: 8, p: 1 };

const importKey = (raw: Buffer) => crypto.subtle.importKey('raw', raw, 'AES-GCM', false, ['encrypt', 'decrypt']);

function deriveKey(password: string, kdf: RepositoryConfig['kdf']): Promise<Buffer> {
  return scrypt(password, Buffer.from(kdf.salt, 'hex'), 32, {
    N: kdf.N,
    r: kdf.r,
    p: kdf.p,
    maxmem: 256 * kdf.N * kdf.r,
  });
}

export async function createConfig(password: string): Promise<{ config: RepositoryConfig; keys: MasterKeys }> {
  if (password.length === 0) throw new OpsdeckError('BAD_REQUEST', 'A repository password must not be empty.');
  const kdf = { algorithm: 'scrypt' as const, ...KDF, salt: crypto.randomBytes(32).toString('hex') };
  const data = crypto.randomBytes(32);
  const keys: MasterKeys = { data, dataKey: await importKey(data), chunker: crypto.randomBytes(32) };
  const sealed = seal(
    await deriveKey(password, kdf),
    Buffer.from(JSON.stringify({ data: keys.data.toString('hex'), chunker: keys.chunker.toString('hex') })),
  );
  const config: RepositoryConfig = {
    format: 'opsdeck-repository',
    version: 1,
    id: crypto.randomBytes(16).toString('hex'),
    kdf,
    masterKey: sealed.toString('base64'),
  };
  return { config, keys };
}

export function parseConfig(text: string, where: string): RepositoryConfig {
  let config: RepositoryConfig;
  try {
    config = JSON.parse(text) as RepositoryConfig;
  } catch {
    throw new OpsdeckError('BAD_REQUEST', `${where} is not an Opsdeck backup repository (its config is not JSON).`);
  }
  if (config.format !== 'opsdeck-repository' || config.version !== 1 || config.kdf?.algorithm !== 'scrypt') {
    throw new OpsdeckError('BAD_REQUEST', `${where} is not an Opsdeck backup repository of a version this build reads.`);
  }
  return config;
}

export async function openKeys(config: RepositoryConfig, password: string): Promise<MasterKeys> {
  let plain: Buffer;
  try {
    plain = unseal(await deriveKey(password, config.kdf), Buffer.from(config.masterKey, 'base64'));
  } catch (err) {
    if (err instanceof SealBrokenError) {
      throw new OpsdeckError('FORBIDDEN', 'Wrong repository password: the repository key could not be opened.');
    }
    throw err;
  }
  const parsed = JSON.parse(plain.toString()) as { data: string; chunker: string };
  const data = Buffer.from(parsed.data, 'hex');
  return { data, dataKey: await importKey(data), chunker: Buffer.from(parsed.chunker, 'hex') };
}
