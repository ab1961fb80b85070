import nodemailer from 'nodemailer';
import type { SecretStore } from '../../secrets/secretStore';
import { DeliveryError } from './deliveryError';
import { resolveSecretField } from './secretRef';

const SEND_TIMEOUT_MS = 10_000;

/** host:port, as Alertmanager's smarthost gives it. */
function smarthost(value: unknown): { host: string; port: number } {
  const match = typeof value === 'string' ? /^(.+):(\d+)$/.exec(value) : null;
  if (!match) throw new DeliveryError('email smarthost must be host:port', false);
  return { host: match[1]!.replace(/^\[(.*)\]$/, '$1'), port: Number(match[2]) };
}

/** Sends the mail over SMTP: TLS on port 465, STARTTLS required unless require_tls is false, AUTH when auth_username is set. */
export async function sendEmail(config: Record<string, unknown>, mail: { from: string; to: string; subject: string; text: string }, secrets: SecretStore): Promise<string> {
  if (!mail.from || !mail.to) throw new DeliveryError('email from and to must be set', false);
  const { host, port } = smarthost(config.smarthost);
  const user = typeof config.auth_username === 'string' ? config.auth_username : null;
  const transport = nodemailer.createTransport({
    host,
    port,
    secure: port === 465,
    requireTLS: config.require_tls !== false,
    name: typeof config.hello === 'string' ? config.hello : undefined,
    auth: user ? { user, pass: await resolveSecretField(secrets, config, 'auth_password', 'email auth_password') } : undefined,
    connectionTimeout: SEND_TIMEOUT_MS,
    greetingTimeout: SEND_TIMEOUT_MS,
    socketTimeout: SEND_TIMEOUT_MS,
  });
  try {
    const info = await transport.sendMail(mail);
    return String(info.response);
  } catch (err) {
    const code = (err as { responseCode?: number }).responseCode;
    // A permanent SMTP refusal (5xx) will not pass on a retry; connection trouble and 4xx may.
    throw new DeliveryError(`SMTP ${host}:${port}: ${(err as Error).message}`, !(code !== undefined && code >= 500));
  } finally {
    transport.close();
  }
}
