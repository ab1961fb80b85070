import type { ParsedInput, PromAuthKind } from '../../contract';
import { OpsdeckError } from '../../contract';
import type { SecretStore } from '../../secrets/secretStore';
import type { PromCredentials } from './request';
import type { SourceRecord } from './sourceStore';

export type SourceAuthInput = ParsedInput<'prom.addSource'>['auth'];

/** The keychain entry holding a source's password or token. */
export const credentialAccount = (id: number) => `prometheus-source-${id}`;

const secretOf = (auth: SourceAuthInput): string | null =>
  auth.kind === 'basic' ? auth.password : auth.kind === 'bearer' ? auth.token : null;

const secretName = (kind: PromAuthKind) => (kind === 'basic' ? 'password' : 'token');

/** Refuses early, in words a user can act on, when a secret would have nowhere safe to go. */
export async function requireKeychainFor(secrets: SecretStore, auth: SourceAuthInput, sourceName: string): Promise<void> {
  if (auth.kind === 'none') return;
  const status = await secrets.status();
  if (status.available) return;
  const sentences = [`Source "${sourceName}" not saved: its ${secretName(auth.kind)} is kept in the OS keychain, which is unavailable.`, status.reason, 'Sources without credentials work without it.'];
  throw new OpsdeckError('UNAVAILABLE', sentences.filter(Boolean).join(' '));
}

export async function storeCredentials(secrets: SecretStore, id: number, auth: SourceAuthInput): Promise<void> {
  const secret = secretOf(auth);
  if (secret !== null) await secrets.set(credentialAccount(id), secret);
}

/** The credentials a source's requests carry, read from the keychain. */
export async function loadCredentials(secrets: SecretStore, record: SourceRecord): Promise<PromCredentials> {
  if (record.auth === 'none') return { kind: 'none' };
  const what = secretName(record.auth);
  const status = await secrets.status();
  if (!status.available) {
    throw new OpsdeckError('UNAVAILABLE', [`The ${what} of source "${record.name}" is in the OS keychain, which is unavailable.`, status.reason].filter(Boolean).join(' '));
  }
  const secret = await secrets.get(credentialAccount(record.id));
  if (secret === null) throw new OpsdeckError('UNAVAILABLE', `The keychain holds no ${what} for source "${record.name}"; enter it again.`);
  return record.auth === 'basic' ? { kind: 'basic', username: record.username ?? '', password: secret } : { kind: 'bearer', token: secret };
}
