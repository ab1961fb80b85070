import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OpsdeckError } from '../../contract/errors';
import { amzDate, EMPTY_SHA256, signRequest, UNSIGNED_PAYLOAD, uriEncode } from './sigV4';

export interface S3Settings {
  /** `https://s3.eu-central-1.amazonaws.com`, `http://minio.local:9000`… */
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface S3Object {
  key: string;
  size: number;
}

/** An error the server answered with, in its own words. */
export class S3Error extends OpsdeckError {
  constructor(
    readonly status: number,
    readonly s3Code: string,
    message: string,
  ) {
    super(status === 403 ? 'FORBIDDEN' : status === 404 ? 'NOT_FOUND' : 'UNAVAILABLE', `S3 ${s3Code}: ${message}`);
  }
}

interface Call {
  method: 'GET' | 'PUT' | 'HEAD' | 'DELETE';
  key?: string;
  query?: Record<string, string>;
  headers?: Record<string, string>;
  body?: Readable;
  signal?: AbortSignal;
}

const xmlText = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const tag = (xml: string, name: string) => {
  const m = new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xml);
  return m ? xmlText(m[1]!) : null;
};

async function readAll(stream: Readable): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(part as Buffer);
  return Buffer.concat(parts).toString('utf8');
}

/** The few S3 calls an off-site copy needs, path-style so MinIO, Ceph and Garage answer as AWS does. */
export class S3Client {
  private readonly base: URL;

  constructor(private readonly settings: S3Settings) {
    this.base = new URL(settings.endpoint);
    if (this.base.protocol !== 'https:' && this.base.protocol !== 'http:') throw new OpsdeckError('BAD_REQUEST', `${settings.endpoint} is not an http(s) URL.`);
  }

  private request(call: Call): Promise<http.IncomingMessage> {
    const basePath = this.base.pathname.replace(/\/$/, '');
    const path = `${basePath}/${uriEncode(this.settings.bucket)}${call.key === undefined ? '' : `/${uriEncode(call.key, true)}`}`;
    const query = call.query ?? {};
    const headers: Record<string, string> = {
      host: this.base.host,
      'x-amz-date': amzDate(new Date()),
      'x-amz-content-sha256': call.body ? UNSIGNED_PAYLOAD : EMPTY_SHA256,
      ...call.headers,
    };
    const { authorization } = signRequest({ method: call.method, path, query, headers }, this.settings);
    const search = Object.entries(query)
      .map(([k, v]) => `${uriEncode(k)}=${uriEncode(v)}`)
      .join('&');
    const transport = this.base.protocol === 'https:' ? https : http;
    return new Promise((resolve, reject) => {
      const req = transport.request(
        { method: call.method, hostname: this.base.hostname, port: this.base.port || undefined, path: search ? `${path}?${search}` : path, headers: { ...headers, authorization }, signal: call.signal },
        resolve,
      );
      req.on('error', (err) => reject(call.signal?.aborted ? call.signal.reason : new OpsdeckError('UNAVAILABLE', `${this.base.origin} did not answer: ${err.message}`)));
      if (call.body) pipeline(call.body, req).catch((err: Error) => req.destroy(err));
      else req.end();
    });
  }

  /** Sends a call and fails with the server's own error for anything but 2xx. */
  private async call(call: Call): Promise<http.IncomingMessage> {
    const res = await this.request(call);
    const status = res.statusCode ?? 0;
    if (status >= 200 && status < 300) return res;
    const body = call.method === 'HEAD' ? '' : await readAll(res);
    throw new S3Error(status, tag(body, 'Code') ?? `HTTP ${status}`, tag(body, 'Message') ?? (res.statusMessage || 'no message'));
  }

  async putObject(key: string, body: Readable, size: number, signal?: AbortSignal): Promise<void> {
    const res = await this.call({ method: 'PUT', key, body, headers: { 'content-length': String(size) }, signal });
    res.resume();
  }

  /** The object's content as a stream. */
  async getObject(key: string, signal?: AbortSignal): Promise<Readable> {
    return this.call({ method: 'GET', key, signal });
  }

  /** The object's size, or null when there is none. */
  async headObject(key: string, signal?: AbortSignal): Promise<S3Object | null> {
    try {
      const res = await this.call({ method: 'HEAD', key, signal });
      res.resume();
      return { key, size: Number(res.headers['content-length'] ?? 0) };
    } catch (err) {
      if (err instanceof S3Error && err.status === 404) return null;
      throw err;
    }
  }

  /** The objects under the prefix, following continuation tokens; `maxKeys` stops after the first page of that many. */
  async listObjects(prefix: string, options: { signal?: AbortSignal; maxKeys?: number } = {}): Promise<S3Object[]> {
    const { signal, maxKeys } = options;
    const objects: S3Object[] = [];
    let token: string | null = null;
    do {
      const query: Record<string, string> = { 'list-type': '2', prefix, ...(maxKeys ? { 'max-keys': String(maxKeys) } : {}), ...(token ? { 'continuation-token': token } : {}) };
      const xml = await readAll(await this.call({ method: 'GET', query, signal }));
      for (const m of xml.matchAll(/<Contents>([\s\S]*?)<\/Contents>/g)) {
        objects.push({ key: tag(m[1]!, 'Key') ?? '', size: Number(tag(m[1]!, 'Size') ?? 0) });
      }
      token = !maxKeys && tag(xml, 'IsTruncated') === 'true' ? tag(xml, 'NextContinuationToken') : null;
    } while (token);
    return objects;
  }

  async deleteObject(key: string, signal?: AbortSignal): Promise<void> {
    (await this.call({ method: 'DELETE', key, signal })).resume();
  }
}
