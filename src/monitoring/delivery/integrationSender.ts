import type { SecretStore } from '../../secrets/secretStore';
import type { RoutingConfig } from '../routing/routingConfig';
import { DeliveryError } from './deliveryError';
import { sendEmail } from './emailSender';
import type { DueDelivery } from './outboxStore';
import { INTEGRATIONS } from './receiverEntries';
import { PAGERDUTY_EVENTS_URL } from '../routing/globalConfig';
import { resolveSecret, resolveSecretField } from './secretRef';

const SEND_TIMEOUT_MS = 10_000;
const MAX_RESPONSE_CHARS = 1000;

type Config = Record<string, unknown>;
const objectAt = (c: Config, key: string): Config => (typeof c[key] === 'object' && c[key] !== null ? (c[key] as Config) : {});

/** The integration's config in the routing config in force; gone when the receiver or the entry was removed. */
function integrationConfig(config: RoutingConfig, d: DueDelivery): Config {
  const list = INTEGRATIONS.find((i) => i.kind === d.integration)?.list;
  const entry = list && config.receivers.find((r) => r.name === d.receiver)?.integrations[list]?.[d.index];
  if (!entry) throw new DeliveryError(`receiver "${d.receiver}" has no ${d.integration} integration #${d.index + 1} any more`, false);
  return entry;
}

/** Alertmanager's http_config: authorization (bearer by default) or basic_auth, secrets from the keychain. */
async function authHeader(secrets: SecretStore, config: Config): Promise<Record<string, string>> {
  const http = objectAt(config, 'http_config');
  const authorization = objectAt(http, 'authorization');
  if (authorization.credentials !== undefined) {
    const type = typeof authorization.type === 'string' ? authorization.type : 'Bearer';
    return { authorization: `${type} ${await resolveSecret(secrets, authorization.credentials, 'http_config.authorization.credentials')}` };
  }
  const basic = objectAt(http, 'basic_auth');
  if (basic.username !== undefined) {
    const password = basic.password === undefined ? '' : await resolveSecret(secrets, basic.password, 'http_config.basic_auth.password');
    return { authorization: `Basic ${Buffer.from(`${String(basic.username)}:${password}`).toString('base64')}` };
  }
  return {};
}

async function post(url: string, body: unknown, headers: Record<string, string>): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
      signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
    });
  } catch (err) {
    const cause = (err as { cause?: Error }).cause;
    throw new DeliveryError(`POST ${new URL(url).origin}: ${cause?.message ?? (err as Error).message}`, true);
  }
  const text = (await response.text().catch(() => '')).slice(0, MAX_RESPONSE_CHARS);
  if (response.ok) return `${response.status} ${text}`.trim();
  // Too many requests and server errors may pass; other refusals will not.
  throw new DeliveryError(`POST ${new URL(url).origin}: HTTP ${response.status} ${text}`.trim(), response.status === 429 || response.status >= 500);
}

/** Sends one outbox row to its integration; resolves with the answer, throws DeliveryError. */
export async function sendDelivery(d: DueDelivery, config: RoutingConfig, secrets: SecretStore): Promise<string> {
  if (d.integration === 'desktop') return 'shown by the desktop notifications';
  const c = integrationConfig(config, d);
  switch (d.integration) {
    case 'webhook':
      return post(await resolveSecretField(secrets, c, 'url', 'webhook url'), d.payload, await authHeader(secrets, c));
    case 'slack':
      return post(await resolveSecretField(secrets, c, 'api_url', 'slack api_url'), d.payload, await authHeader(secrets, c));
    case 'pagerduty': {
      const routingKey = await resolveSecretField(secrets, c, 'routing_key', 'pagerduty routing_key');
      const url = typeof c.url === 'string' ? c.url : PAGERDUTY_EVENTS_URL;
      return post(url, { routing_key: routingKey, ...(d.payload as object) }, await authHeader(secrets, c));
    }
    case 'email':
      return sendEmail(c, d.payload as Parameters<typeof sendEmail>[1], secrets);
  }
}
