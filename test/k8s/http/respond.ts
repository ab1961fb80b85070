/** Writing answers and reading request bodies. */
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ApiError, errors } from '../errors';

const MAX_BODY_BYTES = 3 * 1024 * 1024;

export function baseHeaders(contentType = 'application/json'): Record<string, string> {
  return { 'Content-Type': contentType, 'Cache-Control': 'no-cache, private', 'Audit-Id': randomUUID() };
}

export function sendJson(res: ServerResponse, code: number, body: unknown, contentType?: string): void {
  if (res.headersSent) {
    res.end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(code, { ...baseHeaders(contentType), 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function toApiError(err: unknown): ApiError {
  if (err instanceof ApiError) return err;
  console.error('test API server: unexpected error', err);
  return errors.internal(err instanceof Error ? err.message : String(err));
}

export function sendError(res: ServerResponse, err: unknown): void {
  const e = toApiError(err);
  sendJson(res, e.code, e.toStatus());
}

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(errors.tooLarge('the request body is too large'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

export async function readJson(req: IncomingMessage): Promise<unknown> {
  const media = (req.headers['content-type'] ?? 'application/json').split(';')[0]?.trim().toLowerCase();
  if (req.method !== 'PATCH' && media !== 'application/json' && media !== '*/*' && media !== '') {
    throw errors.unsupportedMediaType(`the body of the request was in an unknown format - accepted media types include: application/json, application/yaml, application/vnd.kubernetes.protobuf`);
  }
  const text = await readBody(req);
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw errors.badRequest(`couldn't get version/kind; json parse error: ${(err as Error).message}`);
  }
}

/** Writes text chunks, waiting for the socket to drain when it is full. */
export async function writeAll(res: ServerResponse, chunks: Iterable<string>): Promise<void> {
  for (const chunk of chunks) {
    if (res.destroyed) return;
    if (!res.write(chunk)) await new Promise<void>((resolve) => {
      const done = () => {
        res.off('drain', done);
        res.off('close', done);
        resolve();
      };
      res.on('drain', done);
      res.on('close', done);
    });
  }
}

export type Rendering = 'json' | 'table';

/** What the client accepts: plain JSON, or a meta.k8s.io Table (kubectl's human output). */
export function negotiate(accept: string | undefined): Rendering {
  if (!accept) return 'json';
  const types = accept.split(',').map((t) => t.trim().toLowerCase());
  const fits = (t: string) => {
    const media = t.split(';')[0]?.trim() ?? '';
    return media === 'application/json' || media === '*/*' || media === 'application/*';
  };
  for (const t of types) {
    if (!fits(t)) continue;
    if (/;\s*as=table/.test(t) && /;\s*g=meta\.k8s\.io/.test(t)) return 'table';
    if (!/;\s*as=/.test(t)) return 'json';
  }
  throw errors.notAcceptable(`only the following media types are accepted: application/json, application/yaml, application/json;as=Table;v=v1;g=meta.k8s.io`);
}
