import os from 'node:os';
import type {
  DockerChange,
  DockerChangeKind,
  DockerContainerDetail,
  DockerContainerList,
  DockerEngines,
  DockerEventRow,
  DockerImageRow,
  DockerLogChunk,
  DockerLogRead,
  DockerPrunePlan,
  DockerReclaimable,
  DockerSignal,
  DockerStatsHistory,
  DockerVolumeRow,
  ParsedInput,
} from '../contract';
import { OpsdeckError } from '../contract';
import type { SecretStore } from '../secrets/secretStore';
import type { KeyValueStore } from '../store/keyValue';
import type { BackoffOptions } from '../util/backoff';
import { Coalescer } from '../util/coalescer';
import { groupContainers, type ContainerQuery } from './containerQuery';
import { LogFollows, readLogs } from './containerLogs';
import { mountsOf } from './containerRow';
import { discoverEngines, NO_ENGINE_HINT, type Discovery, type EngineSpec, type EngineTls } from './discovery';
import { diskUsage, imageRows, prunePlan, reclaimableOf, volumeRows } from './diskUsage';
import { keychainAccount } from './engineClient';
import { EngineConnection } from './engineConnection';
import { requestError } from './engineError';
import type { EventFilter } from './eventTimeline';
import { SignalDetector, type SignalOptions } from './signals';

export const DEFAULT_DOCKER_STATS_INTERVAL_MS = 2000;
const REDISCOVER_MS = 10_000;
const CHANGE_WINDOW_MS = 250;
const ADDED_KEY = 'docker.addedEngines';

interface AddedEngine {
  name: string;
  host: string;
  tls: EngineTls;
}

export type AddEngineInput = ParsedInput<'docker.addEngine'>;

export interface DockerManagerOptions {
  /** Only these engines (and added ones), instead of discovering; for tests and embedding. */
  hosts?: { name: string; host: string }[];
  env?: NodeJS.ProcessEnv;
  home?: string;
  kv: KeyValueStore;
  secrets: SecretStore;
  statsIntervalMs?: number;
  backoff?: BackoffOptions;
  signals?: SignalOptions;
  onEngines: (engines: DockerEngines) => void;
  onChange: (change: DockerChange) => void;
  onLogChunk: (chunk: DockerLogChunk) => void;
  onSignal: (signal: DockerSignal) => void;
  log: (message: string) => void;
}

const specKey = (s: EngineSpec) => JSON.stringify([s.endpoint, s.source, s.tls, s.current]);

/** Every Docker and Podman engine Opsdeck knows of, one connection each. */
export class DockerManager {
  private readonly connections = new Map<string, EngineConnection>();
  private readonly changes = new Map<string, Coalescer<DockerChangeKind>>();
  private readonly signals = new Map<string, SignalDetector>();
  private readonly follows: LogFollows;
  private problems: Discovery['problems'] = [];
  private rediscoverTimer: NodeJS.Timeout | undefined;
  readonly statsIntervalMs: number;

  constructor(private readonly options: DockerManagerOptions) {
    this.statsIntervalMs = options.statsIntervalMs ?? DEFAULT_DOCKER_STATS_INTERVAL_MS;
    this.follows = new LogFollows(options.onLogChunk);
  }

  start(): void {
    this.sync();
    if (!this.options.hosts) {
      this.rediscoverTimer = setInterval(() => this.sync(), REDISCOVER_MS);
      this.rediscoverTimer.unref();
    }
  }

  stop(): void {
    clearInterval(this.rediscoverTimer);
    this.follows.stopAll();
    for (const c of this.connections.values()) c.stop();
    for (const c of this.changes.values()) c.stop();
    this.connections.clear();
  }

  engines(): DockerEngines {
    const engines = [...this.connections.values()].map((c) => c.info());
    return { engines, problems: this.problems, hint: engines.length === 0 ? NO_ENGINE_HINT : null };
  }

  /** Found engines, then added ones; starts new connections and stops those no longer found. */
  private sync(): void {
    const { engines, problems } = this.specs();
    this.problems = problems;
    let changed = false;
    const wanted = new Map(engines.map((s) => [s.name, s]));
    for (const [name, conn] of this.connections) {
      const spec = wanted.get(name);
      if (spec && specKey(spec) === specKey(conn.spec)) continue;
      conn.stop();
      this.connections.delete(name);
      changed = true;
    }
    for (const spec of engines) {
      if (this.connections.has(spec.name)) continue;
      const conn = new EngineConnection(spec, {
        secrets: this.options.secrets,
        statsIntervalMs: this.statsIntervalMs,
        backoff: this.options.backoff,
        onState: () => this.options.onEngines(this.engines()),
        onChange: (kinds) => this.changed(spec.name, kinds),
        onEvent: (row, live) => this.onEvent(row, live),
        log: this.options.log,
      });
      this.connections.set(spec.name, conn);
      conn.start();
      changed = true;
    }
    if (changed) this.options.onEngines(this.engines());
  }

  private specs(): Discovery {
    const added = (this.options.kv.get<AddedEngine[]>(ADDED_KEY) ?? []).map((a): EngineSpec => ({ name: a.name, endpoint: a.host, source: 'added', tls: a.tls, current: false }));
    const base: Discovery = this.options.hosts
      ? { engines: this.options.hosts.map((h) => ({ name: h.name, endpoint: h.host, source: 'option', tls: { mode: 'none' }, current: false })), problems: [] }
      : discoverEngines({ env: this.options.env ?? process.env, home: this.options.home ?? os.homedir(), uid: process.getuid?.() ?? null });
    const names = new Set(base.engines.map((e) => e.name));
    return { engines: [...base.engines, ...added.filter((a) => !names.has(a.name))], problems: base.problems };
  }

  async addEngine(input: AddEngineInput): Promise<DockerEngines> {
    if (this.connections.has(input.name)) throw new OpsdeckError('BAD_REQUEST', `An engine named ${input.name} exists already.`);
    let tls: EngineTls;
    if (input.tls.mode === 'keychain') {
      const { ca, cert, key } = input.tls;
      await this.options.secrets.set(keychainAccount(input.name), JSON.stringify({ ca, cert, key }));
      tls = { mode: 'keychain', account: keychainAccount(input.name) };
    } else if (input.tls.mode === 'files') {
      tls = { mode: 'files', caPath: input.tls.caPath, certPath: input.tls.certPath, keyPath: input.tls.keyPath, verify: true };
    } else tls = { mode: 'none' };
    const added = this.options.kv.get<AddedEngine[]>(ADDED_KEY) ?? [];
    this.options.kv.set(ADDED_KEY, [...added, { name: input.name, host: input.host, tls }]);
    this.sync();
    return this.engines();
  }

  async removeEngine(name: string): Promise<DockerEngines> {
    const added = this.options.kv.get<AddedEngine[]>(ADDED_KEY) ?? [];
    const engine = added.find((a) => a.name === name);
    if (!engine) throw new OpsdeckError('NOT_FOUND', `${name} is not an added engine; found engines go away with their socket or context.`);
    if (engine.tls.mode === 'keychain') await this.options.secrets.delete(engine.tls.account);
    this.options.kv.set(ADDED_KEY, added.filter((a) => a.name !== name));
    this.sync();
    return this.engines();
  }

  connection(engine: string): EngineConnection {
    const conn = this.connections.get(engine);
    if (!conn) throw new OpsdeckError('NOT_FOUND', `No engine named ${engine}.`);
    return conn;
  }

  containers(engine: string | undefined, query: ContainerQuery): DockerContainerList {
    const conns = engine ? [this.connection(engine)] : [...this.connections.values()];
    const rows = conns.flatMap((c) => c.rows());
    const { matched, groups } = groupContainers(rows, query, Date.now());
    return { total: rows.length, matched, groups, synced: conns.every((c) => c.synced), statsIntervalMs: this.statsIntervalMs };
  }

  stats(engine: string, id: string): DockerStatsHistory {
    const conn = this.connection(engine);
    const row = this.requireRow(conn, id);
    return { engine, id: row.id, intervalMs: this.statsIntervalMs, samples: conn.history.samples(row.id) };
  }

  private requireRow(conn: EngineConnection, id: string) {
    const row = conn.findRow(id);
    if (!row) throw new OpsdeckError('NOT_FOUND', `No container ${id} on ${conn.spec.name}.`);
    return row;
  }

  async inspect(engine: string, id: string): Promise<DockerContainerDetail> {
    const conn = this.connection(engine);
    const row = this.requireRow(conn, id);
    let info;
    try {
      info = await conn.client().getContainer(row.id).inspect();
    } catch (err) {
      throw requestError(err, `inspect ${row.name}`);
    }
    return {
      row,
      tty: info.Config?.Tty ?? false,
      entrypoint: ([] as string[]).concat(info.Config?.Entrypoint ?? []),
      cmd: ([] as string[]).concat(info.Config?.Cmd ?? []),
      env: info.Config?.Env ?? [],
      labels: info.Config?.Labels ?? {},
      mounts: mountsOf(info),
      networks: Object.keys(info.NetworkSettings?.Networks ?? {}),
      restartPolicy: info.HostConfig?.RestartPolicy?.Name || 'no',
      json: JSON.stringify(info, null, 2),
    };
  }

  private async logTarget(engine: string, id: string) {
    const conn = this.connection(engine);
    const row = this.requireRow(conn, id);
    const container = conn.client().getContainer(row.id);
    try {
      const info = await container.inspect();
      return { container, tty: info.Config?.Tty ?? false, name: row.name };
    } catch (err) {
      throw requestError(err, `logs of ${row.name}`);
    }
  }

  async logs(engine: string, id: string, options: { tailLines: number; timestamps: boolean }): Promise<DockerLogRead> {
    const { container, tty, name } = await this.logTarget(engine, id);
    try {
      return await readLogs(container, { ...options, tty });
    } catch (err) {
      throw requestError(err, `logs of ${name}`);
    }
  }

  async followLogs(engine: string, id: string, options: { tailLines: number; timestamps: boolean }): Promise<{ streamId: string; tty: boolean }> {
    const { container, tty, name } = await this.logTarget(engine, id);
    try {
      return { streamId: await this.follows.start(container, { ...options, tty }), tty };
    } catch (err) {
      throw requestError(err, `logs of ${name}`);
    }
  }

  stopLogs(streamId: string): boolean {
    return this.follows.stop(streamId);
  }

  events(engine: string | undefined, filter: EventFilter, limit: number): DockerEventRow[] {
    const conns = engine ? [this.connection(engine)] : [...this.connections.values()];
    return conns
      .flatMap((c) => c.timeline.query(filter, limit))
      .sort((a, b) => b.at - a.at)
      .slice(0, limit);
  }

  async images(engine: string): Promise<DockerImageRow[]> {
    const conn = this.connection(engine);
    try {
      return await imageRows(engine, conn.client(), conn.rows().map((r) => r.imageId));
    } catch (err) {
      throw requestError(err, `images of ${engine}`);
    }
  }

  async volumes(engine: string): Promise<DockerVolumeRow[]> {
    const conn = this.connection(engine);
    try {
      return await volumeRows(engine, conn.client());
    } catch (err) {
      throw requestError(err, `volumes of ${engine}`);
    }
  }

  async prunePreview(engine: string, targets: readonly string[]): Promise<DockerPrunePlan> {
    const conn = this.connection(engine);
    let plan: DockerPrunePlan;
    try {
      plan = prunePlan(engine, await diskUsage(conn.client()));
    } catch (err) {
      throw requestError(err, `disk usage of ${engine}`);
    }
    const pick = <T extends { sizeBytes: number | null }>(target: string, xs: T[]) => (targets.includes(target) ? xs : []);
    const chosen = { containers: pick('containers', plan.containers), images: pick('images', plan.images), volumes: pick('volumes', plan.volumes) };
    const bytes = [...chosen.containers, ...chosen.images, ...chosen.volumes].reduce((n, x) => n + (x.sizeBytes ?? 0), 0);
    return { engine, ...chosen, reclaimableBytes: bytes };
  }

  /** Per connected engine; engines that fail to answer are left out (their state says why). */
  async reclaimable(): Promise<DockerReclaimable[]> {
    const connected = [...this.connections.values()].filter((c) => c.info().state === 'connected');
    const answers = await Promise.allSettled(connected.map(async (c) => reclaimableOf(prunePlan(c.spec.name, await diskUsage(c.client())), Date.now())));
    return answers.flatMap((a) => (a.status === 'fulfilled' ? [a.value] : []));
  }

  private changed(engine: string, kinds: DockerChangeKind[]): void {
    let coalescer = this.changes.get(engine);
    if (!coalescer) {
      coalescer = new Coalescer<DockerChangeKind>(CHANGE_WINDOW_MS, (items) => this.options.onChange({ engine, kinds: items, at: Date.now() }));
      this.changes.set(engine, coalescer);
    }
    for (const k of kinds) coalescer.add(k);
  }

  /** Replayed history teaches the detector (restart counts) but raises no signal. */
  private onEvent(row: DockerEventRow, live: boolean): void {
    let detector = this.signals.get(row.engine);
    if (!detector) this.signals.set(row.engine, (detector = new SignalDetector(this.options.signals)));
    const signals = detector.feed(row);
    if (live) for (const s of signals) this.options.onSignal(s);
  }
}
