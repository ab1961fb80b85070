/** What every request handler shares. */
import type { ClusterStore } from '../store/clusterStore';
import type { Auth } from './auth';
import type { Discovery } from './discovery';
import type { OpenApi } from './openapi';

export interface ServerSettings {
  /** Between BOOKMARK events on watches that allow them. */
  bookmarkIntervalMs: number;
  /** Watches without timeoutSeconds end after this long. */
  defaultWatchTimeoutSeconds: number;
  /** A watch from an expired resourceVersion: a 200 stream with one ERROR event (as the real server does), or a plain 410 answer. */
  tooOldWatch: 'event' | 'status';
  metricsEnabled: boolean;
  /** Answer kubectl's aggregated discovery requests (apidiscovery.k8s.io/v2); otherwise only the legacy lists. */
  aggregatedDiscovery: boolean;
  /** A watch whose unsent output grows past this is ended (a client that does not read). */
  maxWatchBacklogBytes: number;
}

export interface ServerContext {
  store: ClusterStore;
  auth: Auth;
  discovery: Discovery;
  openapi: OpenApi;
  settings: ServerSettings;
}

export function flag(q: URLSearchParams, name: string): boolean | undefined {
  const v = q.get(name);
  if (v === null || v === '') return undefined;
  if (v === 'true' || v === '1') return true;
  if (v === 'false' || v === '0') return false;
  return undefined;
}
