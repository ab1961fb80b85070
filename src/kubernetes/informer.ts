import type { K8sKindState } from '../contract/types';
import { Backoff } from '../util/backoff';
import type { KindSpec } from './kinds/registry';
import type { Projected } from './kinds/projected';
import { listAt, objectAt, resourceVersionOf, stringAt } from './kinds/read';
import type { KubeApi, KubeSession } from './kubeApi';
import { asKubeApiError, failureFromStatus, KubeApiError } from './kubeApiError';
import { ObjectCache } from './objectCache';

export interface InformerStatus {
  state: K8sKindState;
  /** The last failure while failed or forbidden. */
  failure: KubeApiError | null;
  /** True once a full list has arrived (the cache then holds the last known state). */
  listed: boolean;
  lastAttemptAt: number | null;
  nextRetryAt: number | null;
}

export interface InformerListener {
  /** The cache changed. */
  changed(): void;
  /** The status changed. */
  status(): void;
}

export interface InformerOptions {
  /** Objects per LIST page (default 500). */
  pageSize?: number;
  /** Seconds the server should keep a watch open; jittered by default so a fleet of watches does not renew in step. */
  watchTimeoutSeconds?: () => number;
  backoff?: Backoff;
  now?: () => number;
}

const IDLE: InformerStatus = { state: 'idle', failure: null, listed: false, lastAttemptAt: null, nextRetryAt: null };

const DEFAULT_WATCH_SECONDS = () => 300 + Math.floor(Math.random() * 300);
/** A watch that ends this quickly with nothing in it counts as a failure, so it cannot spin. */
const SHORT_WATCH_MS = 1000;

/**
 * Keeps a compact copy of one kind in one cluster, as client-go's reflector does: a paged
 * LIST (restarted when its continue token expires), then a WATCH from the list's
 * resourceVersion with bookmarks, resumed from the last seen resourceVersion when the
 * stream ends, and a fresh list on 410 Gone. Failures back off with jitter.
 */
export class Informer<T extends Projected> {
  readonly cache = new ObjectCache<T>();
  private resourceVersion: string | null = null;
  private stopped = true;
  private abort = new AbortController();
  private wake: (() => void) | undefined;
  private sleepTimer: NodeJS.Timeout | undefined;
  private readonly backoff: Backoff;
  private readonly pageSize: number;
  private readonly watchSeconds: () => number;
  private readonly now: () => number;
  private current: InformerStatus = IDLE;

  constructor(
    private readonly api: KubeApi,
    readonly spec: KindSpec<T>,
    private readonly listener: InformerListener,
    options: InformerOptions = {},
  ) {
    this.backoff = options.backoff ?? new Backoff();
    this.pageSize = options.pageSize ?? 500;
    this.watchSeconds = options.watchTimeoutSeconds ?? DEFAULT_WATCH_SECONDS;
    this.now = options.now ?? Date.now;
  }

  get status(): InformerStatus {
    return this.current;
  }

  start(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.abort = new AbortController();
    if (this.current.state === 'idle') this.setStatus({ state: 'syncing' });
    void this.run(this.abort.signal);
  }

  stop(): void {
    this.stopped = true;
    this.abort.abort();
    clearTimeout(this.sleepTimer);
    this.wake?.();
  }

  /** Stops and forgets the kind (nothing needs it now): the cache empties and the state is idle until the next start. */
  release(): void {
    this.stop();
    this.resourceVersion = null;
    this.backoff.reset();
    const changed = this.cache.replaceAll([]);
    this.setStatus(IDLE);
    if (changed) this.listener.changed();
  }

  /** One run from start to stop; `signal` is its own, so a run left over from before a restart ends quietly. */
  private async run(signal: AbortSignal): Promise<void> {
    // One immediate relist after a 410; a second in a row backs off like any failure.
    let relistedAfterGone = false;
    while (!signal.aborted) {
      try {
        if (this.resourceVersion === null) {
          await this.list(signal);
          relistedAfterGone = false;
        }
        await this.watch(signal);
      } catch (err) {
        if (signal.aborted) return;
        const failure = asKubeApiError(err);
        if (failure.kind === 'gone') {
          this.resourceVersion = null;
          if (!relistedAfterGone) {
            relistedAfterGone = true;
            continue;
          }
        }
        await this.retryLater(failure);
      }
    }
  }

  private async list(signal: AbortSignal): Promise<void> {
    this.attempt();
    const session = await this.api.session();
    const items: T[] = [];
    let resourceVersion: string | null = null;
    let token: string | null = null;
    do {
      const query = new URLSearchParams({ limit: String(this.pageSize) });
      if (token) query.set('continue', token);
      const page = objectAt(await session.getJson(`${this.spec.path}?${query}`, signal));
      for (const raw of listAt(page.items)) {
        const item = this.spec.project(raw);
        if (item) items.push(item);
      }
      const meta = objectAt(page.metadata);
      token = stringAt(meta.continue) || null;
      resourceVersion = stringAt(meta.resourceVersion);
    } while (token && !signal.aborted);
    if (signal.aborted) return;
    if (!resourceVersion) throw new KubeApiError('error', `The list of ${this.spec.kind} carried no resourceVersion`);
    const changed = this.cache.replaceAll(items);
    this.resourceVersion = resourceVersion;
    this.backoff.reset();
    this.setStatus({ state: 'synced', failure: null, listed: true, nextRetryAt: null });
    if (changed) this.listener.changed();
  }

  private async watch(signal: AbortSignal): Promise<void> {
    this.attempt();
    const session: KubeSession = await this.api.session();
    const seconds = this.watchSeconds();
    const query = new URLSearchParams({
      watch: '1',
      allowWatchBookmarks: 'true',
      resourceVersion: this.resourceVersion ?? '',
      timeoutSeconds: String(seconds),
    });
    let lines = 0;
    const openedAt = this.now();
    await session.stream(
      `${this.spec.path}?${query}`,
      signal,
      {
        onOpen: () => this.setStatus({ state: 'synced', failure: null, nextRetryAt: null }),
        onLine: (line) => {
          lines++;
          this.apply(line);
        },
      },
      // The server ends the watch after `seconds`; silence well past that means a dead connection.
      (seconds + 30) * 1000,
    );
    if (lines > 0 || this.now() - openedAt >= SHORT_WATCH_MS) this.backoff.reset();
    else await this.sleep(this.backoff.next());
  }

  /** Applies one watch event; an ERROR event throws its failure (410 there means relist). */
  private apply(line: string): void {
    let event: { type?: unknown; object?: unknown };
    try {
      event = objectAt(JSON.parse(line));
    } catch {
      throw new KubeApiError('error', `The watch of ${this.spec.kind} sent a line that is not JSON`);
    }
    const object = event.object;
    let changed = false;
    switch (event.type) {
      case 'ADDED':
      case 'MODIFIED': {
        const item = this.spec.project(object);
        if (item) changed = this.cache.upsert(item);
        break;
      }
      case 'DELETED': {
        const item = this.spec.project(object);
        if (item) changed = this.cache.remove(item.key);
        break;
      }
      case 'BOOKMARK':
        break;
      case 'ERROR':
        throw failureFromStatus(object);
      default:
        return;
    }
    this.resourceVersion = resourceVersionOf(object) ?? this.resourceVersion;
    if (changed) this.listener.changed();
  }

  private attempt(): void {
    this.setStatus({ lastAttemptAt: this.now() });
  }

  private async retryLater(failure: KubeApiError): Promise<void> {
    const delay = this.backoff.next();
    this.setStatus({
      state: failure.kind === 'forbidden' ? 'forbidden' : 'failed',
      failure,
      nextRetryAt: this.now() + delay,
    });
    await this.sleep(delay);
  }

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      this.wake = resolve;
      this.sleepTimer = setTimeout(resolve, ms);
    });
  }

  private setStatus(patch: Partial<InformerStatus>): void {
    const next = { ...this.current, ...patch };
    const same = (Object.keys(next) as (keyof InformerStatus)[]).every((k) => next[k] === this.current[k]);
    this.current = next;
    if (!same) this.listener.status();
  }
}
