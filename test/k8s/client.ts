/**
 * A small client for tests of the test API server over node:http/https: one-shot requests and
 * streams (watches, followed logs) that collect what arrives and can wait for it.
 */
import http, { type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import https from 'node:https';

export interface ClientTarget {
  url: string;
  token: string;
  /** PEM certificate to trust for HTTPS. */
  ca?: string;
}

export interface RequestOptions {
  body?: unknown;
  contentType?: string;
  accept?: string;
  /** Another token; null sends none. */
  token?: string | null;
}

export interface ApiResponse<T = any> {
  status: number;
  headers: IncomingHttpHeaders;
  text: string;
  /** Parsed JSON, or undefined when the body is not JSON. */
  json: T;
}

export interface WatchEvent<T = any> {
  type: 'ADDED' | 'MODIFIED' | 'DELETED' | 'BOOKMARK' | 'ERROR';
  object: T;
}

function send(target: ClientTarget, method: string, path: string, opts: RequestOptions): Promise<IncomingMessage> {
  const url = new URL(path, target.url);
  const token = opts.token === undefined ? target.token : opts.token;
  const headers: Record<string, string> = { Accept: opts.accept ?? 'application/json' };
  if (token !== null) headers.Authorization = `Bearer ${token}`;
  let payload: string | undefined;
  if (opts.body !== undefined) {
    payload = typeof opts.body === 'string' ? opts.body : JSON.stringify(opts.body);
    headers['Content-Type'] = opts.contentType ?? 'application/json';
    headers['Content-Length'] = String(Buffer.byteLength(payload));
  }
  const lib = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = lib.request(url, { method, headers, agent: false, ...(target.ca ? { ca: target.ca } : {}) }, resolve);
    req.on('error', reject);
    req.end(payload);
  });
}

export async function apiRequest<T = any>(target: ClientTarget, method: string, path: string, opts: RequestOptions = {}): Promise<ApiResponse<T>> {
  const res = await send(target, method, path, opts);
  const chunks: Buffer[] = [];
  for await (const chunk of res) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  let json: T;
  try {
    json = JSON.parse(text) as T;
  } catch {
    json = undefined as T;
  }
  return { status: res.statusCode ?? 0, headers: res.headers, text, json };
}

export interface Stream {
  status: number;
  headers: IncomingHttpHeaders;
  /** Everything received so far. */
  readonly text: string;
  /** Newline-delimited JSON events parsed so far (watches). */
  readonly events: WatchEvent[];
  /** Resolves with the first event (already received or later) that matches, or rejects after `timeoutMs`. */
  waitForEvent(match: (e: WatchEvent) => boolean, timeoutMs?: number): Promise<WatchEvent>;
  waitForText(needle: string, timeoutMs?: number): Promise<void>;
  /** Resolves when the stream ends: `complete` is false when it broke off without a proper end. */
  readonly ended: Promise<{ complete: boolean }>;
  close(): void;
}

export async function openStream(target: ClientTarget, path: string, opts: RequestOptions = {}): Promise<Stream> {
  const res = await send(target, 'GET', path, opts);
  let text = '';
  let pending = '';
  const events: WatchEvent[] = [];
  const listeners = new Set<() => void>();
  const notify = () => {
    for (const l of [...listeners]) l();
  };
  let finished = false;
  const ended = new Promise<{ complete: boolean }>((resolve) => {
    const done = () => {
      if (finished) return;
      finished = true;
      resolve({ complete: res.complete });
      notify();
    };
    res.on('end', done);
    res.on('close', done);
    res.on('error', done);
  });
  res.setEncoding('utf8');
  res.on('data', (chunk: string) => {
    text += chunk;
    pending += chunk;
    let nl: number;
    while ((nl = pending.indexOf('\n')) >= 0) {
      const line = pending.slice(0, nl).trim();
      pending = pending.slice(nl + 1);
      if (!line) continue;
      try {
        events.push(JSON.parse(line) as WatchEvent);
      } catch {
        // not an event stream (logs)
      }
    }
    notify();
  });
  const wait = <T>(check: () => T | undefined, timeoutMs: number, what: string): Promise<T> =>
    new Promise((resolve, reject) => {
      const attempt = () => {
        const found = check();
        if (found !== undefined) {
          cleanup();
          resolve(found);
        } else if (finished) {
          cleanup();
          reject(new Error(`stream ended before ${what}; received: ${text.slice(-2000)}`));
        }
      };
      const timer = setTimeout(() => {
        cleanup();
        reject(new Error(`timed out waiting for ${what}; received: ${text.slice(-2000)}`));
      }, timeoutMs);
      const cleanup = () => {
        clearTimeout(timer);
        listeners.delete(attempt);
      };
      listeners.add(attempt);
      attempt();
    });
  return {
    status: res.statusCode ?? 0,
    headers: res.headers,
    get text() {
      return text;
    },
    events,
    waitForEvent: (match, timeoutMs = 5000) => wait(() => events.find(match), timeoutMs, 'a matching event'),
    waitForText: (needle, timeoutMs = 5000) => wait(() => (text.includes(needle) ? true : undefined), timeoutMs, JSON.stringify(needle)).then(() => undefined),
    ended,
    close: () => res.destroy(),
  };
}
