import { buildRequest, promSeconds, type PromCredentials, type PromParams } from './request';
import { PromRequestError } from './requestError';

/** Bigger answers are refused rather than held in memory; a narrower query or a larger step fits. */
const MAX_RESPONSE_BYTES = 64 * 1024 * 1024;

export interface PromClientConfig {
  url: string;
  credentials: PromCredentials;
  fetch?: typeof fetch;
}

export interface CallOptions {
  timeoutMs: number;
  signal?: AbortSignal;
}

export interface PromAnswer<T> {
  data: T;
  warnings: string[];
}

/** The raw shapes of the Prometheus HTTP API (https://prometheus.io/docs/prometheus/latest/querying/api/). */
export type RawSample = [number, string];
export type RawResult =
  | { resultType: 'vector'; result: { metric: Record<string, string>; value?: RawSample }[] }
  | { resultType: 'matrix'; result: { metric: Record<string, string>; values?: RawSample[] }[] }
  | { resultType: 'scalar'; result: RawSample }
  | { resultType: 'string'; result: RawSample };

interface Envelope {
  status?: string;
  data?: unknown;
  errorType?: string;
  error?: string;
  warnings?: string[];
}

/** Network failures arrive as "fetch failed" with the cause (ECONNREFUSED, ENOTFOUND, a TLS error) inside. */
function networkMessage(err: unknown): string {
  const cause = (err as { cause?: unknown }).cause;
  if (cause instanceof Error && cause.message) return cause.message;
  return err instanceof Error ? err.message : String(err);
}

async function readCapped(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return Buffer.concat(chunks).toString('utf8');
    size += value.byteLength;
    if (size > MAX_RESPONSE_BYTES) {
      await reader.cancel();
      throw new PromRequestError('protocol', `The answer is larger than ${MAX_RESPONSE_BYTES / 1024 / 1024} MiB; narrow the query or use a larger step.`);
    }
    chunks.push(value);
  }
}

const excerpt = (text: string) => text.trim().replace(/\s+/g, ' ').slice(0, 300);

/** One Prometheus-compatible server's HTTP API: timeouts, abort, and errors in the server's words. */
export class PromClient {
  private readonly fetch: typeof fetch;

  constructor(private readonly config: PromClientConfig) {
    this.fetch = config.fetch ?? globalThis.fetch;
  }

  private async call<T>(apiPath: string, params: PromParams, postable: boolean, options: CallOptions): Promise<PromAnswer<T>> {
    const request = buildRequest(this.config.url, apiPath, params, this.config.credentials, postable);
    const timeout = AbortSignal.timeout(options.timeoutMs);
    const signal = options.signal ? AbortSignal.any([options.signal, timeout]) : timeout;
    let res: Response;
    let text: string;
    try {
      res = await this.fetch(request.url, { method: request.method, headers: request.headers, body: request.body, signal, redirect: 'follow' });
      text = await readCapped(res);
    } catch (err) {
      if (err instanceof PromRequestError) throw err;
      if (options.signal?.aborted) throw new PromRequestError('unreachable', 'The request was cancelled.');
      if (timeout.aborted) throw new PromRequestError('unreachable', `No answer from ${this.config.url} within ${options.timeoutMs} ms.`);
      throw new PromRequestError('unreachable', networkMessage(err));
    }
    if (res.status === 401 || res.status === 403) {
      throw new PromRequestError('unauthorized', `HTTP ${res.status} ${res.statusText}${text.trim() ? `: ${excerpt(text)}` : ''}`, null, res.status);
    }
    let envelope: Envelope;
    try {
      envelope = (JSON.parse(text) ?? {}) as Envelope;
    } catch {
      throw new PromRequestError('protocol', `HTTP ${res.status} ${res.statusText}, not a Prometheus API answer: ${excerpt(text) || '(empty)'}`, null, res.status);
    }
    if (envelope.status === 'error') {
      throw new PromRequestError('api', `${envelope.errorType ?? 'error'}: ${envelope.error ?? `HTTP ${res.status}`}`, envelope.errorType ?? null, res.status);
    }
    if (envelope.status !== 'success' || !res.ok) {
      throw new PromRequestError('protocol', `HTTP ${res.status} ${res.statusText}, not a Prometheus API answer: ${excerpt(text)}`, null, res.status);
    }
    return { data: envelope.data as T, warnings: Array.isArray(envelope.warnings) ? envelope.warnings.map(String) : [] };
  }

  /**
   * The server's version from buildinfo. Servers that do not implement it (404) are checked
   * with the query "1" instead, and have no version.
   */
  async probe(options: CallOptions): Promise<{ version: string | null }> {
    try {
      const { data } = await this.call<{ version?: string }>('api/v1/status/buildinfo', [], false, options);
      return { version: typeof data?.version === 'string' ? data.version : null };
    } catch (err) {
      if (!(err instanceof PromRequestError) || err.status !== 404) throw err;
      await this.query('1', undefined, options);
      return { version: null };
    }
  }

  query(query: string, timeMs: number | undefined, options: CallOptions): Promise<PromAnswer<RawResult>> {
    const params: PromParams = [['query', query]];
    if (timeMs !== undefined) params.push(['time', promSeconds(timeMs)]);
    params.push(['timeout', promSeconds(options.timeoutMs)]);
    return this.call('api/v1/query', params, true, options);
  }

  queryRange(query: string, startMs: number, endMs: number, stepMs: number, options: CallOptions): Promise<PromAnswer<RawResult>> {
    const params: PromParams = [
      ['query', query],
      ['start', promSeconds(startMs)],
      ['end', promSeconds(endMs)],
      ['step', promSeconds(stepMs)],
      ['timeout', promSeconds(options.timeoutMs)],
    ];
    return this.call('api/v1/query_range', params, true, options);
  }

  series(match: string[], window: TimeWindow, options: CallOptions): Promise<PromAnswer<Record<string, string>[]>> {
    return this.call('api/v1/series', [...matchParams(match), ...windowParams(window)], true, options);
  }

  labels(match: string[] | undefined, window: TimeWindow, options: CallOptions): Promise<PromAnswer<string[]>> {
    return this.call('api/v1/labels', [...matchParams(match), ...windowParams(window)], true, options);
  }

  labelValues(label: string, match: string[] | undefined, window: TimeWindow, options: CallOptions): Promise<PromAnswer<string[]>> {
    return this.call(`api/v1/label/${encodeURIComponent(label)}/values`, [...matchParams(match), ...windowParams(window)], false, options);
  }
}

export interface TimeWindow {
  start?: number;
  end?: number;
}

const matchParams = (match: string[] | undefined): PromParams => (match ?? []).map((m) => ['match[]', m]);

function windowParams({ start, end }: TimeWindow): PromParams {
  const params: PromParams = [];
  if (start !== undefined) params.push(['start', promSeconds(start)]);
  if (end !== undefined) params.push(['end', promSeconds(end)]);
  return params;
}
