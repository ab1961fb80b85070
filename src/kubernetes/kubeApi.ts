import type { Cluster, KubeConfig } from '@kubernetes/client-node';
import http from 'node:http';
import https from 'node:https';
import type { Readable } from 'node:stream';
import { loadClientNode } from './clientNode';
import type { ResolvedContext } from './kubeconfig';
import { missingPluginMessage, withExecInfo } from './execInfo';
import { failureFromBody, KubeApiError } from './kubeApiError';
import { TokenFile } from './tokenFile';
import { LineSplitter } from '../util/lineSplitter';

/** Requests made with one preparation of the context's credentials. */
export interface KubeSession {
  getJson(path: string, signal: AbortSignal): Promise<unknown>;
  /** A write (PATCH, DELETE, …) with an optional JSON body; resolves with the server's JSON answer. */
  requestJson(method: string, path: string, signal: AbortSignal, body?: JsonBody): Promise<unknown>;
  /** Reads a streamed answer line by line; resolves when the server ends it. */
  stream(path: string, signal: AbortSignal, handlers: StreamHandlers, idleTimeoutMs: number): Promise<void>;
  /** A streamed answer's raw body once the server accepted it (200); an idle timeout of 0 waits for ever. */
  openStream(path: string, signal: AbortSignal, idleTimeoutMs: number): Promise<Readable>;
}

/** A request body and its media type, which for PATCH names the kind of patch. */
export interface JsonBody {
  contentType: string;
  value: unknown;
}

export interface StreamHandlers {
  /** The server accepted the request (200). */
  onOpen(): void;
  /** One line; throwing ends the stream with that error. */
  onLine(line: string): void;
}

export interface KubeApi {
  /** Prepares credentials for one list or one watch (an exec plugin runs here, not per page). */
  session(): Promise<KubeSession>;
  close(): void;
}

export type UsableContext = ResolvedContext & { cluster: Cluster };

const REQUEST_TIMEOUT_MS = 30_000;

/** Node's own words for a failed connection; an attempt on several addresses fails with all of them. */
function networkMessage(err: unknown): string {
  const e = err as NodeJS.ErrnoException & { errors?: unknown[] };
  if (e?.message) return e.message;
  const first = e?.errors?.[0] as Error | undefined;
  return first?.message || e?.code || String(err);
}

function readBody(res: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    res.on('data', (c: Buffer) => chunks.push(c));
    res.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    res.on('error', (err) => reject(new KubeApiError('unreachable', `The connection broke while reading the answer: ${networkMessage(err)}`)));
    res.on('close', () => {
      if (!res.complete) reject(new KubeApiError('unreachable', 'The connection closed before the answer was complete'));
    });
  });
}

const fingerprint = (v: unknown): string => (Buffer.isBuffer(v) ? v.toString('base64') : v === undefined ? '' : String(v));

class Session implements KubeSession {
  constructor(
    private readonly base: URL,
    private readonly agent: http.Agent,
    private readonly headers: http.OutgoingHttpHeaders,
    private readonly auth: string | undefined,
    private readonly timeoutMs: number,
    /** Told of a 401, so credentials read from a file are read again. */
    private readonly onUnauthorized: () => void,
  ) {}

  /** An error answer in the server's words. */
  private async failure(res: http.IncomingMessage): Promise<KubeApiError> {
    const status = res.statusCode ?? 0;
    if (status === 401) this.onUnauthorized();
    return failureFromBody(status, await readBody(res));
  }

  private open(path: string, signal: AbortSignal, timeoutMs: number, method = 'GET', body?: JsonBody): Promise<http.IncomingMessage> {
    // A server URL may carry a path (a proxy such as Rancher's): requests go below it.
    const url = new URL(this.base.pathname.replace(/\/$/, '') + path, this.base);
    const lib = url.protocol === 'https:' ? https : http;
    const payload = body && JSON.stringify(body.value);
    const bodyHeaders = body && payload !== undefined ? { 'Content-Type': body.contentType, 'Content-Length': Buffer.byteLength(payload) } : {};
    return new Promise((resolve, reject) => {
      const req = lib.request(url, {
        method,
        agent: this.agent,
        headers: { ...this.headers, ...bodyHeaders, Accept: 'application/json' },
        auth: this.auth,
        signal,
        timeout: timeoutMs,
      });
      req.on('response', resolve);
      req.on('timeout', () =>
        req.destroy(new KubeApiError('unreachable', `${url.host} sent nothing for ${Math.round(timeoutMs / 1000)} s`)),
      );
      req.on('error', (err) => reject(err instanceof KubeApiError ? err : new KubeApiError('unreachable', networkMessage(err))));
      req.end(payload);
    });
  }

  getJson(path: string, signal: AbortSignal): Promise<unknown> {
    return this.requestJson('GET', path, signal);
  }

  async requestJson(method: string, path: string, signal: AbortSignal, body?: JsonBody): Promise<unknown> {
    const res = await this.open(path, signal, this.timeoutMs, method, body);
    const status = res.statusCode ?? 0;
    // Writes answer 201 (created) or 202 (accepted, e.g. a delete still in progress) as well as 200.
    if (status < 200 || status > 299) throw await this.failure(res);
    const text = await readBody(res);
    try {
      return JSON.parse(text);
    } catch {
      throw new KubeApiError('error', `The API server's answer to ${path.split('?')[0]} is not JSON`);
    }
  }

  async openStream(path: string, signal: AbortSignal, idleTimeoutMs: number): Promise<Readable> {
    const res = await this.open(path, signal, idleTimeoutMs);
    if (res.statusCode !== 200) throw await this.failure(res);
    return res;
  }

  async stream(path: string, signal: AbortSignal, handlers: StreamHandlers, idleTimeoutMs: number): Promise<void> {
    const res = await this.open(path, signal, idleTimeoutMs);
    if (res.statusCode !== 200) throw await this.failure(res);
    handlers.onOpen();
    await new Promise<void>((resolve, reject) => {
      const splitter = new LineSplitter();
      const deliver = (lines: string[]) => {
        for (const line of lines) handlers.onLine(line);
      };
      res.on('data', (chunk: Buffer) => {
        try {
          deliver(splitter.push(chunk));
        } catch (err) {
          res.destroy();
          reject(err);
        }
      });
      res.on('end', () => {
        try {
          deliver(splitter.end());
          resolve();
        } catch (err) {
          reject(err);
        }
      });
      res.on('error', (err) => reject(err instanceof KubeApiError ? err : new KubeApiError('unreachable', `The watch broke off: ${networkMessage(err)}`)));
      res.on('close', () => {
        if (!res.complete) reject(new KubeApiError('unreachable', 'The watch broke off: the connection closed'));
      });
    });
  }
}

/**
 * Requests to one context's API server with that context's credentials, prepared by
 * @kubernetes/client-node exactly as kubectl would (token, token file, client
 * certificates, exec plugins, auth providers, proxy-url, insecure-skip-tls-verify),
 * over keep-alive connections.
 */
export class KubeApiClient implements KubeApi {
  private kubeConfig: KubeConfig | undefined;
  private agent: http.Agent | undefined;
  private agentMaterial = '';
  private readonly tokenFile: TokenFile | undefined;

  constructor(
    private readonly context: UsableContext,
    private readonly timeoutMs = REQUEST_TIMEOUT_MS,
  ) {
    this.tokenFile = context.user?.tokenFile ? new TokenFile(context.user.tokenFile) : undefined;
  }

  async session(): Promise<KubeSession> {
    const opts: https.RequestOptions = { headers: {} };
    try {
      const kc = await this.config();
      await kc.applyToHTTPSOptions(opts);
      if (this.tokenFile) (opts.headers as http.OutgoingHttpHeaders).Authorization = `Bearer ${await this.tokenFile.read()}`;
    } catch (err) {
      const who = this.context.userName ? ` for user "${this.context.userName}"` : '';
      const why = (this.context.user && missingPluginMessage(err, this.context.user)) ?? networkMessage(err).trim();
      throw new KubeApiError('credentials', `Could not get credentials${who}: ${why}`);
    }
    const base = new URL(this.context.cluster.server);
    // Still the plain object passed in above, with the auth headers added.
    const headers = opts.headers as http.OutgoingHttpHeaders;
    return new Session(base, this.agentFor(opts, base), headers, opts.auth ?? undefined, this.timeoutMs, () => this.tokenFile?.stale());
  }

  close(): void {
    this.agent?.destroy();
    this.agent = undefined;
  }

  private async config(): Promise<KubeConfig> {
    if (this.kubeConfig) return this.kubeConfig;
    const { KubeConfig } = await loadClientNode();
    const { cluster, user, name, namespace } = this.context;
    const kc = new KubeConfig();
    // client-node refuses a plain-HTTP server unless TLS checks are off; kubectl allows it, and there is no TLS to check.
    const usable = cluster.server.startsWith('http:') ? { ...cluster, skipTLSVerify: true } : cluster;
    // Without a user object client-node would also skip the cluster's CA, so an anonymous context gets an empty one.
    const who = user ? await withExecInfo(user, usable) : { name: '' };
    kc.loadFromOptions({
      clusters: [usable],
      users: [who],
      contexts: [{ name, cluster: usable.name, user: who.name, namespace: namespace ?? undefined }],
      currentContext: name,
    });
    this.kubeConfig = kc;
    return kc;
  }

  /** One keep-alive agent per TLS identity; a proxy-url needs client-node's proxy agent instead. */
  private agentFor(opts: https.RequestOptions, base: URL): http.Agent {
    if (this.context.cluster.proxyUrl && opts.agent instanceof http.Agent) return opts.agent;
    const material = [opts.ca, opts.cert, opts.key, opts.pfx, opts.passphrase, opts.rejectUnauthorized, opts.servername]
      .map(fingerprint)
      .join('|');
    if (this.agent && material === this.agentMaterial) return this.agent;
    this.agent?.destroy();
    this.agentMaterial = material;
    this.agent =
      base.protocol === 'https:'
        ? new https.Agent({
            keepAlive: true,
            ca: opts.ca,
            cert: opts.cert,
            key: opts.key,
            pfx: opts.pfx,
            passphrase: opts.passphrase,
            rejectUnauthorized: opts.rejectUnauthorized,
            servername: opts.servername,
          })
        : new http.Agent({ keepAlive: true });
    return this.agent;
  }
}
