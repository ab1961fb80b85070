/**
 * A Kubernetes API server for tests on loopback, over HTTPS with a self-signed certificate by
 * default (kubectl sends bearer tokens only over TLS) or plain HTTP: kubectl and
 * @kubernetes/client-node talk to it as to a real cluster (see README.md beside this file).
 */
import { randomBytes } from 'node:crypto';
import http from 'node:http';
import https from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import type { ControllerOptions } from './controllers/manager';
import { Auth, type ForbidRule } from './http/auth';
import type { ServerContext, ServerSettings } from './http/context';
import { Discovery } from './http/discovery';
import { createHandler } from './http/handler';
import { OpenApi } from './http/openapi';
import { type KubeconfigOptions, writeKubeconfig } from './kubeconfig';
import { ClusterStore } from './store/clusterStore';
import type { Clock } from './time';
import { sharedCertificate } from './tls';

export interface TestApiServerOptions {
  /** HTTPS with a self-signed certificate (default true); false: plain HTTP. */
  tls?: boolean;
  /** Default 0: any free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** The main bearer token (default: random). */
  token?: string;
  /** The user that token maps to (default "admin"). */
  user?: string;
  /** More tokens, token → user name (for 403 tests with other users). */
  tokens?: Record<string, string>;
  /** Deny rules: matching requests answer 403 Forbidden. */
  forbid?: ForbidRule[];
  /** Changes kept in the log (default 10,000). */
  logWindow?: number;
  /** Between watch bookmarks (default 60,000 ms, as the real server roughly does). */
  bookmarkIntervalMs?: number;
  /** Watches without timeoutSeconds end after this (default 1,800 s). */
  watchTimeoutSeconds?: number;
  /** See ServerSettings.tooOldWatch (default "event"). */
  tooOldWatch?: 'event' | 'status';
  /** Serve metrics.k8s.io (default false). */
  metrics?: boolean;
  /** Answer aggregated discovery (default true). */
  aggregatedDiscovery?: boolean;
  controllers?: ControllerOptions;
  /** Create the default namespaces (default true). */
  bootstrap?: boolean;
  clock?: Clock;
}

export interface RestartOptions {
  /** Keep the objects (default true); otherwise start empty (with the default namespaces). */
  keepState?: boolean;
  /** Forget the change log so resumed watches get 410 (default true). */
  compact?: boolean;
}

export interface TestApiServer {
  readonly url: string;
  readonly port: number;
  readonly token: string;
  readonly user: string;
  /** The PEM certificate to trust (HTTPS only). */
  readonly ca: string | undefined;
  readonly store: ClusterStore;
  readonly auth: Auth;
  /** Live settings: changes apply to later requests. */
  readonly settings: ServerSettings;
  /** Writes a kubeconfig for this server into `dir`; returns its path. */
  kubeconfigPath(dir: string, options?: Partial<Omit<KubeconfigOptions, 'server'>>): string;
  /** Ends every open connection at once, without a final chunk (watches and log follows break off). */
  dropConnections(): void;
  /** Drops every connection and listens again on the same port. */
  restart(options?: RestartOptions): Promise<void>;
  close(): Promise<void>;
}

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startTestApiServer(options: TestApiServerOptions = {}): Promise<TestApiServer> {
  const host = options.host ?? '127.0.0.1';
  const token = options.token ?? randomBytes(24).toString('hex');
  const user = options.user ?? 'admin';
  const store = new ClusterStore({ logWindow: options.logWindow, controllers: options.controllers, clock: options.clock, bootstrap: options.bootstrap });
  const auth = new Auth({ ...(options.tokens ?? {}), [token]: user }, options.forbid);
  const settings: ServerSettings = {
    bookmarkIntervalMs: options.bookmarkIntervalMs ?? 60_000,
    defaultWatchTimeoutSeconds: options.watchTimeoutSeconds ?? 1800,
    tooOldWatch: options.tooOldWatch ?? 'event',
    metricsEnabled: options.metrics ?? false,
    aggregatedDiscovery: options.aggregatedDiscovery ?? true,
    maxWatchBacklogBytes: 256 * 1024 * 1024,
  };
  let port = options.port ?? 0;
  const discovery = new Discovery(
    () => settings.metricsEnabled,
    () => `${host}:${port}`,
  );
  const ctx: ServerContext = { store, auth, discovery, openapi: new OpenApi(), settings };
  const handler = createHandler(ctx);
  const sockets = new Set<Socket>();
  const tls = options.tls !== false ? sharedCertificate() : undefined;
  let server: http.Server;

  const open = async () => {
    server = tls ? https.createServer({ key: tls.key, cert: tls.cert, keepAlive: true }, handler) : http.createServer({ keepAlive: true }, handler);
    server.requestTimeout = 0;
    server.on('connection', (socket) => {
      sockets.add(socket);
      socket.once('close', () => sockets.delete(socket));
    });
    port = await listen(server, port, host);
  };
  const dropConnections = () => {
    for (const socket of sockets) socket.destroy();
    sockets.clear();
  };
  const shut = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      dropConnections();
    });

  await open();
  const api: TestApiServer = {
    get url() {
      return `${tls ? 'https' : 'http'}://${host}:${port}`;
    },
    get port() {
      return port;
    },
    token,
    user,
    ca: tls?.cert,
    store,
    auth,
    settings,
    kubeconfigPath: (dir, o = {}) => writeKubeconfig(dir, { token, user, ...(tls ? { ca: tls.cert } : {}), ...o, server: api.url }),
    dropConnections,
    async restart(o = {}) {
      await shut();
      store.logs.endAll();
      if (o.keepState === false) store.reset();
      else if (o.compact !== false) store.compact(true);
      await open();
    },
    async close() {
      store.close();
      await shut();
    },
  };
  return api;
}
