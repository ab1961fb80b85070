import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { signRequest, UNSIGNED_PAYLOAD } from '../../src/recovery/remote/sigV4';

/**
 * An in-memory S3 for tests, path-style (`/bucket/key`): PutObject, GetObject, HeadObject,
 * ListObjectsV2 (prefix, max-keys, continuation-token, start-after) and DeleteObject. Every request
 * must carry a valid SigV4 Authorization header for the known credentials; errors come back as S3's
 * XML bodies with S3's codes and statuses.
 */
export interface TestS3 {
  url: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Objects of a bucket, by key. */
  objects(bucket: string): Map<string, Buffer>;
  /** Keys written, in order, for checking upload order. */
  puts: string[];
  close(): Promise<void>;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function sendError(res: http.ServerResponse, status: number, code: string, message: string, resource: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${xmlEscape(message)}</Message><Resource>${xmlEscape(resource)}</Resource><RequestId>test</RequestId></Error>`;
  res.writeHead(status, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

function sendXml(res: http.ServerResponse, xml: string): void {
  const body = `<?xml version="1.0" encoding="UTF-8"?>\n${xml}`;
  res.writeHead(200, { 'content-type': 'application/xml', 'content-length': Buffer.byteLength(body) });
  res.end(body);
}

/** Checks the Authorization header; returns the S3 error to answer with, or null when it is valid. */
function authProblem(req: http.IncomingMessage, url: URL, creds: { accessKeyId: string; secretAccessKey: string; region: string }): [string, string] | null {
  const auth = /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/s3\/aws4_request, ?SignedHeaders=([a-z0-9;-]+), ?Signature=([0-9a-f]{64})$/.exec(req.headers.authorization ?? '');
  if (!auth) return ['AccessDenied', 'Access Denied'];
  const [, keyId, day, region, signedList, signature] = auth;
  if (keyId !== creds.accessKeyId) return ['InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.'];
  if (region !== creds.region) return ['AuthorizationHeaderMalformed', `The authorization header is malformed; the region '${region}' is wrong; expecting '${creds.region}'`];
  const signed = signedList!.split(';');
  if (!signed.includes('host') || !signed.includes('x-amz-date') || !signed.includes('x-amz-content-sha256')) return ['AccessDenied', 'Host, x-amz-date and x-amz-content-sha256 must be signed.'];
  const headers: Record<string, string> = {};
  for (const name of signed) {
    const value = req.headers[name];
    if (value === undefined) return ['AccessDenied', `Signed header ${name} is missing.`];
    headers[name] = Array.isArray(value) ? value.join(',') : value;
  }
  if (!headers['x-amz-date']!.startsWith(day!)) return ['SignatureDoesNotMatch', 'The credential date does not match x-amz-date.'];
  const query: Record<string, string> = {};
  for (const [k, v] of url.searchParams) query[k] = v;
  const expected = signRequest({ method: req.method ?? 'GET', path: url.pathname, query, headers }, creds).signature;
  if (expected !== signature) return ['SignatureDoesNotMatch', 'The request signature we calculated does not match the signature you provided. Check your key and signing method.'];
  return null;
}

async function body(req: http.IncomingMessage): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of req) parts.push(part as Buffer);
  return Buffer.concat(parts);
}

export interface TestS3Options {
  buckets: string[];
  region?: string;
  /** Fewer keys per ListObjectsV2 page than S3's 1000, to make clients follow continuation tokens. */
  pageSize?: number;
  /** Called once an object is stored, before the answer is sent. */
  onPut?: (key: string) => void;
}

export async function startTestS3(options: TestS3Options): Promise<TestS3> {
  const creds = { accessKeyId: 'OPSDECKTESTKEY', secretAccessKey: 'opsdeck/test/secret+key', region: options.region ?? 'eu-test-1' };
  const buckets = new Map(options.buckets.map((b) => [b, new Map<string, Buffer>()]));
  const puts: string[] = [];

  const handle = async (req: http.IncomingMessage, res: http.ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://s3.test');
    const problem = authProblem(req, url, creds);
    if (problem) {
      await body(req);
      return sendError(res, 403, problem[0], problem[1], url.pathname);
    }
    const [, bucketName = '', ...rest] = url.pathname.split('/');
    const key = decodeURIComponent(rest.join('/'));
    const bucket = buckets.get(decodeURIComponent(bucketName));
    if (!bucket) return sendError(res, 404, 'NoSuchBucket', 'The specified bucket does not exist', url.pathname);

    if (!key) {
      if (req.method !== 'GET' || url.searchParams.get('list-type') !== '2') return sendError(res, 501, 'NotImplemented', 'Only ListObjectsV2 is implemented on a bucket.', url.pathname);
      const prefix = url.searchParams.get('prefix') ?? '';
      const maxKeys = Math.min(options.pageSize ?? 1000, Number(url.searchParams.get('max-keys') ?? 1000));
      const token = url.searchParams.get('continuation-token');
      const after = token ? Buffer.from(token, 'base64').toString('utf8') : (url.searchParams.get('start-after') ?? '');
      const keys = [...bucket.keys()].filter((k) => k.startsWith(prefix) && k > after).sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
      const page = keys.slice(0, maxKeys);
      const truncated = keys.length > page.length;
      const contents = page
        .map((k) => `<Contents><Key>${xmlEscape(k)}</Key><Size>${bucket.get(k)!.length}</Size><ETag>"${crypto.createHash('md5').update(bucket.get(k)!).digest('hex')}"</ETag><StorageClass>STANDARD</StorageClass></Contents>`)
        .join('');
      return sendXml(
        res,
        `<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>${bucketName}</Name><Prefix>${xmlEscape(prefix)}</Prefix><KeyCount>${page.length}</KeyCount><MaxKeys>${maxKeys}</MaxKeys><IsTruncated>${truncated}</IsTruncated>${contents}${
          truncated ? `<NextContinuationToken>${Buffer.from(page.at(-1)!).toString('base64')}</NextContinuationToken>` : ''
        }</ListBucketResult>`,
      );
    }

    switch (req.method) {
      case 'PUT': {
        const data = await body(req);
        const claimed = req.headers['x-amz-content-sha256'];
        if (claimed !== UNSIGNED_PAYLOAD && claimed !== crypto.createHash('sha256').update(data).digest('hex')) {
          return sendError(res, 400, 'XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", url.pathname);
        }
        bucket.set(key, data);
        puts.push(key);
        options.onPut?.(key);
        res.writeHead(200, { etag: `"${crypto.createHash('md5').update(data).digest('hex')}"`, 'content-length': 0 });
        return res.end();
      }
      case 'GET':
      case 'HEAD': {
        const data = bucket.get(key);
        if (!data) {
          if (req.method === 'HEAD') return res.writeHead(404, { 'content-length': 0 }).end();
          return sendError(res, 404, 'NoSuchKey', 'The specified key does not exist.', url.pathname);
        }
        res.writeHead(200, { 'content-length': data.length, 'content-type': 'application/octet-stream' });
        return res.end(req.method === 'GET' ? data : undefined);
      }
      case 'DELETE':
        bucket.delete(key);
        return res.writeHead(204).end();
      default:
        return sendError(res, 405, 'MethodNotAllowed', 'The specified method is not allowed against this resource.', url.pathname);
    }
  };

  const server = http.createServer((req, res) => {
    handle(req, res).catch((err: Error) => sendError(res, 500, 'InternalError', err.message, req.url ?? '/'));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    ...creds,
    objects: (bucket) => buckets.get(bucket)!,
    puts,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
