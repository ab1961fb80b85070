import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { TOKEN_COOKIE } from '../contract/wire';

export const newToken = () => randomBytes(24).toString('base64url');

export function sameToken(given: string | null | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

export function cookieToken(req: IncomingMessage): string | null {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === TOKEN_COOKIE) return rest.join('=');
  }
  return null;
}

/** The session cookie set once the page was opened with the token: same-site only, not readable by scripts. */
export const sessionCookie = (token: string) =>
  `${TOKEN_COOKIE}=${token}; Path=/; HttpOnly; SameSite=Strict`;

/**
 * Host header values this server answers to, so a DNS-rebinding page cannot
 * reach it; null when bound to every interface, where the token alone guards it.
 */
export function allowedHosts(hostname: string, port: number): Set<string> | null {
  if (hostname === '0.0.0.0' || hostname === '::') return null;
  const names = new Set([hostname.includes(':') ? `[${hostname}]` : hostname]);
  if (isLoopback(hostname)) for (const n of ['localhost', '127.0.0.1', '[::1]']) names.add(n);
  return new Set([...names].map((n) => `${n}:${port}`));
}

export const isLoopback = (hostname: string) =>
  hostname === 'localhost' || hostname === '::1' || hostname.startsWith('127.');

/**
 * Browsers always send Origin on WebSocket upgrades: it must be the page this
 * server itself served. Clients without one (CLIs, tests) are judged by their token alone.
 */
export function originAllowed(req: IncomingMessage): boolean {
  const origin = req.headers.origin;
  return origin === undefined || origin === `http://${req.headers.host}`;
}
