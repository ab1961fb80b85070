import fs from 'node:fs';
import type { SecretStore } from '../../secrets/secretStore';
import { DeliveryError } from './deliveryError';

const PREFIX = 'keychain:';

/** The keychain account of a named notification secret. */
export const secretAccount = (name: string) => `notification:${name}`;

/** A config value: `keychain:<name>` is read from the keychain when sending, anything else is taken as written. */
export async function resolveSecret(secrets: SecretStore, value: unknown, what: string): Promise<string> {
  if (typeof value !== 'string' || value === '') throw new DeliveryError(`${what} is not set`, false);
  if (!value.startsWith(PREFIX)) return value;
  const name = value.slice(PREFIX.length);
  let secret: string | null;
  try {
    secret = await secrets.get(secretAccount(name));
  } catch (err) {
    throw new DeliveryError(`${what}: ${(err as Error).message}`, true);
  }
  // Retried: the secret may be stored with secrets.set meanwhile.
  if (secret === null) throw new DeliveryError(`${what}: no secret "${name}" in the keychain (store it with secrets.set)`, true);
  return secret;
}

/** An integration field given inline (see resolveSecret) or, as Alertmanager's `<key>_file`, read from that file when sending. */
export async function resolveSecretField(secrets: SecretStore, config: Record<string, unknown>, key: string, what: string): Promise<string> {
  const file = config[`${key}_file`];
  if ((config[key] === undefined || config[key] === '') && typeof file === 'string' && file !== '') {
    try {
      return (await fs.promises.readFile(file, 'utf8')).trim();
    } catch (err) {
      // Retried: the file may be put in place meanwhile.
      throw new DeliveryError(`${what}: cannot read ${file}: ${(err as Error).message}`, true);
    }
  }
  return resolveSecret(secrets, config[key], what);
}
