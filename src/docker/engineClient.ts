import fs from 'node:fs/promises';
import https from 'node:https';
import Docker from 'dockerode';
import { OpsdeckError } from '../contract';
import type { SecretStore } from '../secrets/secretStore';
import type { EngineSpec } from './discovery';

/** PEM text kept in the keychain for an engine added with TLS material. */
export interface TlsPem {
  ca: string;
  cert: string;
  key: string;
}

export const keychainAccount = (engine: string) => `docker-tls:${engine}`;

async function readTls(spec: EngineSpec, secrets: SecretStore): Promise<(Partial<TlsPem> & { verify: boolean }) | null> {
  const { tls } = spec;
  if (tls.mode === 'none') return null;
  if (tls.mode === 'keychain') {
    const stored = await secrets.get(tls.account);
    if (!stored) throw new OpsdeckError('UNAVAILABLE', `The TLS certificates of ${spec.name} are not in the keychain.`);
    return { ...(JSON.parse(stored) as TlsPem), verify: true };
  }
  const read = (file: string | null) => (file ? fs.readFile(file, 'utf8') : Promise.resolve(undefined));
  const [ca, cert, key] = await Promise.all([read(tls.caPath), read(tls.certPath), read(tls.keyPath)]);
  return { ca, cert, key, verify: tls.verify };
}

/** A client for one engine: a unix socket, or tcp:// with or without TLS. */
export async function engineClient(spec: EngineSpec, secrets: SecretStore): Promise<Docker> {
  if (spec.endpoint.startsWith('unix://')) return new Docker({ socketPath: spec.endpoint.slice('unix://'.length) });
  if (!spec.endpoint.startsWith('tcp://')) throw new OpsdeckError('UNAVAILABLE', `${spec.endpoint}: only unix:// and tcp:// engines are supported.`);
  const url = new URL(spec.endpoint.replace(/^tcp:/, 'http:'));
  const tls = await readTls(spec, secrets);
  if (!tls) return new Docker({ protocol: 'http', host: url.hostname, port: Number(url.port || 2375) });
  const agent = new https.Agent({ ca: tls.ca, cert: tls.cert, key: tls.key, rejectUnauthorized: tls.verify });
  return new Docker({ protocol: 'https', host: url.hostname, port: Number(url.port || 2376), agent } as Docker.DockerOptions);
}
