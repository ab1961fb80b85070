import type Docker from 'dockerode';
import type { DockerChangeKind, DockerContainerRow, DockerEngineInfo, DockerEngineState, DockerEventRow } from '../contract';
import { OpsdeckError } from '../contract';
import type { SecretStore } from '../secrets/secretStore';
import { Backoff, type BackoffOptions } from '../util/backoff';
import { LineSplitter } from '../util/lineSplitter';
import { containerBase, type ContainerBase } from './containerRow';
import type { EngineSpec } from './discovery';
import { engineClient } from './engineClient';
import { engineFailure } from './engineError';
import { eventRow, EventTimeline, type RawEvent } from './eventTimeline';
import { StatsHistory } from './statsHistory';
import { StatsStreams } from './statsStreams';

export interface ConnectionDeps {
  secrets: SecretStore;
  statsIntervalMs: number;
  backoff?: BackoffOptions;
  onState: () => void;
  onChange: (kinds: DockerChangeKind[]) => void;
  /** Each new event, in order; live is false for the history replayed when Opsdeck first connects. */
  onEvent: (row: DockerEventRow, live: boolean) => void;
  log: (message: string) => void;
}

/** How far back the timeline reaches when Opsdeck first connects. */
const BACKFILL_SECONDS = 3600;
const INSPECT_CONCURRENCY = 8;
/** Container events that change nothing a row shows. */
const ROW_NEUTRAL = new Set(['attach', 'detach', 'resize', 'top', 'export', 'commit', 'copy', 'archive-path', 'extract-to-dir']);

/**
 * One engine: connects, keeps its container list current from the event stream (never by
 * polling), samples stats while connected, and reconnects with backoff when the engine goes away.
 */
export class EngineConnection {
  private docker: Docker | null = null;
  private state: DockerEngineState = 'connecting';
  private message: string | null = null;
  private version: Docker.DockerVersion | null = null;
  private lastAttemptAt: number | null = null;
  private nextRetryAt: number | null = null;
  private retryTimer: NodeJS.Timeout | undefined;
  private eventStream: (NodeJS.ReadableStream & { destroy?: () => void }) | null = null;
  private stats: StatsStreams | null = null;
  /** Bumped on every (re)connect and stop, so callbacks of an older attempt do nothing. */
  private generation = 0;
  private readonly backoff: Backoff;
  private readonly containers = new Map<string, ContainerBase>();
  private readonly pendingInspect = new Set<string>();
  private inspectTimer: NodeJS.Timeout | undefined;
  private listed = false;
  readonly history = new StatsHistory();
  readonly timeline = new EventTimeline();
  private readonly createdAt = Date.now();

  constructor(
    readonly spec: EngineSpec,
    private readonly deps: ConnectionDeps,
  ) {
    this.backoff = new Backoff(deps.backoff);
  }

  start(): void {
    void this.connect();
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.retryTimer);
    clearTimeout(this.inspectTimer);
    this.teardown();
  }

  info(): DockerEngineInfo {
    const rows = [...this.containers.values()];
    return {
      name: this.spec.name,
      endpoint: this.spec.endpoint,
      source: this.spec.source,
      tls: this.spec.tls.mode,
      state: this.state,
      message: this.message,
      product: this.product(),
      version: this.version?.Version ?? null,
      apiVersion: this.version?.ApiVersion ?? null,
      os: this.version?.Os ?? null,
      arch: this.version?.Arch ?? null,
      current: this.spec.current,
      lastAttemptAt: this.lastAttemptAt,
      nextRetryAt: this.nextRetryAt,
      containers: { total: rows.length, running: rows.filter((r) => r.state === 'running').length },
    };
  }

  /** Docker names its edition under Platform; Podman names itself as the first component. */
  private product(): string | null {
    const v = this.version as (Docker.DockerVersion & { Platform?: { Name?: string } }) | null;
    return v?.Platform?.Name || v?.Components?.[0]?.Name || null;
  }

  /** True once the containers were listed since the last connect. */
  get synced(): boolean {
    return this.listed;
  }

  /** The engine's client while connected. */
  client(): Docker {
    if (!this.docker || this.state !== 'connected') {
      throw new OpsdeckError('UNAVAILABLE', `Engine ${this.spec.name} is ${this.state}${this.message ? `: ${this.message}` : ''}.`);
    }
    return this.docker;
  }

  rows(): DockerContainerRow[] {
    return [...this.containers.values()].map((base) => this.row(base));
  }

  findRow(id: string): DockerContainerRow | null {
    const base = this.containers.get(id) ?? [...this.containers.values()].find((c) => c.id.startsWith(id));
    return base ? this.row(base) : null;
  }

  private row(base: ContainerBase): DockerContainerRow {
    const running = base.state === 'running' || base.state === 'paused';
    return { ...base, stats: running ? this.history.latest(base.id) : null, spark: this.history.spark(base.id) };
  }

  private async connect(): Promise<void> {
    const generation = ++this.generation;
    const current = () => generation === this.generation;
    this.setState('connecting', null);
    this.lastAttemptAt = Date.now();
    this.nextRetryAt = null;
    try {
      const docker = await engineClient(this.spec, this.deps.secrets);
      const version = await docker.version();
      if (!current()) return;
      this.docker = docker;
      this.version = version;
      await this.openEvents(docker, generation);
      await this.listAll(docker);
      if (!current()) return;
      this.backoff.reset();
      this.setState('connected', null);
      this.stats = new StatsStreams(docker, this.deps.statsIntervalMs, this.history, () => this.deps.onChange(['stats']));
      this.stats.start();
      this.stats.sync(this.runningIds());
      this.deps.onChange(['containers', 'images', 'volumes', 'events']);
    } catch (err) {
      if (current()) this.lost(err);
    }
  }

  private runningIds(): string[] {
    return [...this.containers.values()].filter((c) => c.state === 'running').map((c) => c.id);
  }

  /** The event stream first, so nothing that happens during the list is missed. */
  private async openEvents(docker: Docker, generation: number): Promise<void> {
    const since = this.timeline.lastSeenSeconds() ?? Math.floor(Date.now() / 1000) - BACKFILL_SECONDS;
    const stream = (await docker.getEvents({ since })) as NonNullable<EngineConnection['eventStream']>;
    this.eventStream = stream;
    const lines = new LineSplitter();
    stream.on('data', (chunk: Buffer) => {
      if (generation !== this.generation) return;
      for (const line of lines.push(chunk)) this.onRawEvent(line);
    });
    const ended = (err?: Error) => {
      if (generation === this.generation) this.lost(err ?? new Error('The engine closed its event stream.'));
    };
    stream.on('end', () => ended());
    stream.on('close', () => ended());
    stream.on('error', ended);
  }

  private onRawEvent(line: string): void {
    let raw: RawEvent;
    try {
      raw = JSON.parse(line) as RawEvent;
    } catch {
      this.deps.log(`docker ${this.spec.name}: unreadable event ${line.slice(0, 200)}`);
      return;
    }
    const row = eventRow(this.spec.name, raw);
    if (!row || !this.timeline.add(row, raw.timeNano ?? (raw.time ?? 0) * 1e9)) return;
    this.deps.onEvent(row, row.at >= this.createdAt);
    const kinds: DockerChangeKind[] = ['events'];
    if (row.type === 'container' && !ROW_NEUTRAL.has(row.action)) {
      // A prune event names no container; the destroy events that come with it do.
      if (row.id) this.queueInspect(row.id);
      kinds.push('containers');
      if (row.action === 'create' || row.action === 'destroy') kinds.push('images', 'volumes');
    } else if (row.type === 'image') kinds.push('images');
    else if (row.type === 'volume') kinds.push('volumes');
    this.deps.onChange(kinds);
  }

  private queueInspect(id: string): void {
    this.pendingInspect.add(id);
    this.inspectTimer ??= setTimeout(() => {
      this.inspectTimer = undefined;
      const ids = [...this.pendingInspect];
      this.pendingInspect.clear();
      const docker = this.docker;
      if (!docker) return;
      this.inspectMany(docker, ids).then(
        () => {
          this.stats?.sync(this.runningIds());
          this.deps.onChange(['containers']);
        },
        (err: Error) => this.deps.log(`docker ${this.spec.name}: inspect failed: ${err.message}`),
      );
    }, 20);
  }

  private async listAll(docker: Docker): Promise<void> {
    const list = await docker.listContainers({ all: true });
    const ids = new Set(list.map((c) => c.Id));
    for (const id of this.containers.keys()) if (!ids.has(id)) this.containers.delete(id);
    await this.inspectMany(docker, [...ids]);
    this.listed = true;
  }

  private async inspectMany(docker: Docker, ids: string[]): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < ids.length) {
        const id = ids[next++]!;
        try {
          this.containers.set(id, containerBase(this.spec.name, await docker.getContainer(id).inspect()));
        } catch (err) {
          if ((err as { statusCode?: number }).statusCode === 404) this.containers.delete(id);
          else throw err;
        }
      }
    };
    await Promise.all(Array.from({ length: Math.min(INSPECT_CONCURRENCY, ids.length) }, worker));
    this.history.retain(new Set(this.containers.keys()));
  }

  private lost(err: unknown): void {
    this.generation++;
    this.teardown();
    // A list from before the engine went away says nothing about what runs now.
    this.containers.clear();
    const failure = engineFailure(err);
    const delay = this.backoff.next();
    this.nextRetryAt = Date.now() + delay;
    this.setState(failure.state, failure.message);
    this.deps.onChange(['containers']);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => void this.connect(), delay);
  }

  private teardown(): void {
    this.stats?.stop();
    this.stats = null;
    const stream = this.eventStream;
    this.eventStream = null;
    stream?.destroy?.();
    this.docker = null;
    this.listed = false;
  }

  private setState(state: DockerEngineState, message: string | null): void {
    if (state === this.state && message === this.message) return;
    this.state = state;
    this.message = message;
    this.deps.onState();
  }
}
