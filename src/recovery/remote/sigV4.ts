import crypto from 'node:crypto';

/** SHA-256 of an empty body, which every GET, HEAD and DELETE carries. */
export const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
export const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

export interface SigningRequest {
  method: string;
  /** The path as sent, already URI-encoded (see `encodePath`). */
  path: string;
  query: Record<string, string>;
  /** Header names in lower case; every one given is signed. Must hold host, x-amz-date and x-amz-content-sha256. */
  headers: Record<string, string>;
}

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  service?: string;
}

/** RFC 3986 encoding as SigV4 wants it: everything but unreserved characters, `/` kept when asked. */
export function uriEncode(text: string, keepSlash = false): string {
  const encoded = encodeURIComponent(text).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return keepSlash ? encoded.replace(/%2F/g, '/') : encoded;
}

/** `20130524T000000Z`, the x-amz-date format. */
export function amzDate(date: Date): string {
  return date.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
}

const sha256 = (data: string) => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => crypto.createHmac('sha256', key).update(data).digest();

function canonicalRequest(req: SigningRequest, signed: string[]): string {
  const query = Object.keys(req.query)
    .sort()
    .map((k) => `${uriEncode(k)}=${uriEncode(req.query[k]!)}`)
    .join('&');
  const headers = signed.map((h) => `${h}:${req.headers[h]!.trim().replace(/\s+/g, ' ')}\n`).join('');
  return [req.method, req.path, query, headers, signed.join(';'), req.headers['x-amz-content-sha256']].join('\n');
}

/** The signature of a request and the Authorization header that carries it (AWS Signature Version 4, header form). */
export function signRequest(req: SigningRequest, creds: Credentials): { signature: string; authorization: string } {
  const date = req.headers['x-amz-date'];
  if (!date || !req.headers['x-amz-content-sha256']) throw new Error('x-amz-date and x-amz-content-sha256 must be set before signing');
  const day = date.slice(0, 8);
  const service = creds.service ?? 's3';
  const scope = `${day}/${creds.region}/${service}/aws4_request`;
  const signed = Object.keys(req.headers).sort();
  const toSign = ['AWS4-HMAC-SHA256', date, scope, sha256(canonicalRequest(req, signed))].join('\n');
  const key = [creds.region, service, 'aws4_request'].reduce<Buffer>((k, part) => hmac(k, part), hmac(`AWS4${creds.secretAccessKey}`, day));
  const signature = crypto.createHmac('sha256', key).update(toSign).digest('hex');
  return {
    signature,
    authorization: `AWS4-HMAC-SHA256 Credential=${creds.accessKeyId}/${scope},SignedHeaders=${signed.join(';')},Signature=${signature}`,
  };
}
