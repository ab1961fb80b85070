/** The credentials a request carries; read from the keychain by the host, never sent to the renderer. */
export type PromCredentials =
  | { kind: 'none' }
  | { kind: 'basic'; username: string; password: string }
  | { kind: 'bearer'; token: string };

export type PromParams = [string, string][];

export interface PromRequest {
  url: string;
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body: string | null;
}

/** Longer GET URLs go as a form body instead: proxies commonly refuse request lines of 4-8 KiB. */
export const MAX_GET_URL = 2048;

export function authorizationHeader(credentials: PromCredentials): string | null {
  switch (credentials.kind) {
    case 'none':
      return null;
    case 'basic':
      return `Basic ${Buffer.from(`${credentials.username}:${credentials.password}`, 'utf8').toString('base64')}`;
    case 'bearer':
      return `Bearer ${credentials.token}`;
  }
}

/** An API path under the base URL, keeping any path prefix (https://host/prometheus/api/v1/...). */
export function apiUrl(baseUrl: string, apiPath: string): URL {
  const base = new URL(baseUrl);
  if (!base.pathname.endsWith('/')) base.pathname += '/';
  return new URL(apiPath, base);
}

/**
 * A GET, or a form-encoded POST when the URL would be too long and the endpoint accepts
 * POST (query, query_range, series, labels do; label values and buildinfo do not).
 */
export function buildRequest(baseUrl: string, apiPath: string, params: PromParams, credentials: PromCredentials, postable: boolean): PromRequest {
  const url = apiUrl(baseUrl, apiPath);
  const form = new URLSearchParams(params).toString();
  const headers: Record<string, string> = { accept: 'application/json' };
  const authorization = authorizationHeader(credentials);
  if (authorization) headers.authorization = authorization;
  const getUrl = form ? `${url.href}?${form}` : url.href;
  if (!postable || getUrl.length <= MAX_GET_URL) return { url: getUrl, method: 'GET', headers, body: null };
  headers['content-type'] = 'application/x-www-form-urlencoded';
  return { url: url.href, method: 'POST', headers, body: form };
}

/** Milliseconds (a time or a duration) as the decimal seconds Prometheus takes for both. */
export const promSeconds = (ms: number): string => (ms / 1000).toFixed(3).replace(/\.?0+$/, '');
