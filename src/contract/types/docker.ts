/** Docker and Podman data shapes that cross the contract. */

/** Where an engine's address came from. */
export type DockerEngineSource =
  /** DOCKER_HOST, or the default socket when it is unset: docker's own "default" context. */
  | 'default'
  /** A context under ~/.docker/contexts. */
  | 'context'
  | 'podman'
  | 'podman-rootless'
  /** Added in Opsdeck (docker.addEngine). */
  | 'added'
  /** Given to the host at start (tests, embedding). */
  | 'option';

/**
 * An engine's connection: unreachable (socket missing, refused, TLS) and error (any other
 * answer) carry the message and retry with backoff.
 */
export type DockerEngineState = 'connecting' | 'connected' | 'unreachable' | 'error';

export interface DockerEngineInfo {
  name: string;
  /** unix:///path/to/socket or tcp://host:port */
  endpoint: string;
  source: DockerEngineSource;
  /** Whether the connection uses TLS, and where its certificates come from. */
  tls: 'none' | 'files' | 'keychain';
  state: DockerEngineState;
  /** The engine's or the network's words for every state but connected. */
  message: string | null;
  /** "Docker Engine - Community", "Podman Engine", from /version; null until connected. */
  product: string | null;
  version: string | null;
  apiVersion: string | null;
  os: string | null;
  arch: string | null;
  /** The context docker's CLI uses now (currentContext in ~/.docker/config.json). */
  current: boolean;
  lastAttemptAt: number | null;
  nextRetryAt: number | null;
  containers: { total: number; running: number };
}

export interface DockerEngines {
  engines: DockerEngineInfo[];
  /** Problems reading contexts or config files, in the file's own words. */
  problems: { file: string; message: string }[];
  /** When no engine is found: how to start or point Opsdeck at one. */
  hint: string | null;
}

export const DOCKER_CONTAINER_STATES = ['created', 'running', 'paused', 'restarting', 'removing', 'exited', 'dead'] as const;
export type DockerContainerState = (typeof DOCKER_CONTAINER_STATES)[number];

/** The healthcheck's verdict; none when the container has no healthcheck. */
export type DockerHealth = 'healthy' | 'unhealthy' | 'starting' | 'none';

export interface DockerPort {
  privatePort: number;
  publicPort: number | null;
  type: string;
  ip: string | null;
}

/** One reading of a container's stats stream, figured as `docker stats` does. */
export interface DockerStatsSample {
  at: number;
  /** Percent of one CPU: 200 means two cores busy. */
  cpuPercent: number;
  /** Usage minus page cache (inactive_file on cgroup v2, total_inactive_file/cache on v1). */
  memoryBytes: number;
  memoryLimitBytes: number;
  memoryPercent: number;
  /** Totals since the container started. */
  netRxBytes: number;
  netTxBytes: number;
  blockReadBytes: number;
  blockWriteBytes: number;
  pids: number;
}

export interface DockerContainerRow {
  engine: string;
  id: string;
  name: string;
  image: string;
  imageId: string;
  command: string;
  state: DockerContainerState;
  /** The engine's status text, e.g. "Up 3 minutes (healthy)" or "Exited (137) 2 seconds ago". */
  status: string;
  health: DockerHealth;
  createdAt: number;
  /** When the current (or last) run started; null if it never ran. */
  startedAt: number | null;
  finishedAt: number | null;
  exitCode: number | null;
  oomKilled: boolean;
  restartCount: number;
  ports: DockerPort[];
  /** com.docker.compose.project / .service labels; null outside Compose. */
  composeProject: string | null;
  composeService: string | null;
  /** The newest stats sample while running; null otherwise or before the first. */
  stats: DockerStatsSample | null;
  /** The last CPU % and memory readings, oldest first, for a sparkline (at most DOCKER_SPARK_POINTS). */
  spark: { cpuPercent: number[]; memoryBytes: number[] };
}

export const DOCKER_SPARK_POINTS = 30;

export interface DockerComposeGroup {
  /** null: containers outside any Compose project. */
  project: string | null;
  engine: string;
  running: number;
  total: number;
  containers: DockerContainerRow[];
}

export const DOCKER_CONTAINER_SORTS = ['name', 'state', 'image', 'uptime', 'restarts', 'cpu', 'memory'] as const;
export type DockerContainerSort = (typeof DOCKER_CONTAINER_SORTS)[number];

export interface DockerContainerList {
  /** Containers on the engines asked about. */
  total: number;
  /** Those that match the filters. */
  matched: number;
  /** Compose projects first (by name), then the containers outside any project; rows sorted inside each group. */
  groups: DockerComposeGroup[];
  /** False until every engine asked about has listed its containers once. */
  synced: boolean;
  /** The stats refresh interval. */
  statsIntervalMs: number;
}

export interface DockerStatsHistory {
  engine: string;
  id: string;
  intervalMs: number;
  /** Oldest first, at most DOCKER_STATS_HISTORY_MS old. */
  samples: DockerStatsSample[];
}

/** How long a container's stats history reaches back. */
export const DOCKER_STATS_HISTORY_MS = 10 * 60_000;

/** The most log lines one read returns; a follow stream sends its lines in chunks. */
export const MAX_DOCKER_LOG_LINES = 50_000;

export interface DockerLogLine {
  /** TTY containers have one raw stream, reported as stdout. */
  stream: 'stdout' | 'stderr';
  /** RFC 3339 with nanoseconds, as the engine writes it; null unless timestamps were asked for. */
  ts: string | null;
  text: string;
}

export interface DockerLogRead {
  lines: DockerLogLine[];
  /** The container has a TTY: stdout and stderr cannot be told apart. */
  tty: boolean;
  /** True when the log had more lines than were returned. */
  truncated: boolean;
}

/** A followed log's output, sent as `docker.logChunk` events at most every 100 ms. */
export interface DockerLogChunk {
  streamId: string;
  lines: DockerLogLine[];
  /** The stream is over: the container stopped or was removed, the engine went away, or it was stopped. */
  ended: boolean;
  error: string | null;
}

export interface DockerMount {
  type: string;
  /** Volume name for volumes, else null. */
  name: string | null;
  source: string;
  destination: string;
  readWrite: boolean;
}

export interface DockerContainerDetail {
  row: DockerContainerRow;
  tty: boolean;
  entrypoint: string[];
  cmd: string[];
  env: string[];
  labels: Record<string, string>;
  mounts: DockerMount[];
  networks: string[];
  restartPolicy: string;
  /** The engine's inspect answer as indented JSON. */
  json: string;
}

/** One message of an engine's event stream. */
export interface DockerEventRow {
  engine: string;
  at: number;
  /** container, image, volume, network, ... */
  type: string;
  /** create, start, die, oom, kill, health_status: healthy, destroy, ... */
  action: string;
  /** The object's id (a volume's name). */
  id: string;
  /** The container's name, the image's reference; null when the engine gives none. */
  name: string | null;
  attributes: Record<string, string>;
}

/** How many engine events are kept per engine for the timeline. */
export const DOCKER_EVENTS_KEPT = 2000;

export interface DockerImageRow {
  engine: string;
  id: string;
  /** repo:tag references; empty for a dangling image. */
  tags: string[];
  sizeBytes: number;
  createdAt: number;
  /** No tag and not a parent of a tagged image: `docker image prune` removes it. */
  dangling: boolean;
  /** No container (running or not) uses it. */
  unused: boolean;
  containers: number;
}

export interface DockerVolumeRow {
  engine: string;
  name: string;
  driver: string;
  mountpoint: string;
  createdAt: number | null;
  /** From the engine's disk-usage report; null when the engine does not report it. */
  sizeBytes: number | null;
  composeProject: string | null;
  usedBy: { id: string; name: string }[];
  unused: boolean;
}

export const DOCKER_PRUNE_TARGETS = ['containers', 'images', 'volumes'] as const;
export type DockerPruneTarget = (typeof DOCKER_PRUNE_TARGETS)[number];

/** What a prune would remove now: stopped containers, dangling images, unused volumes. */
export interface DockerPrunePlan {
  engine: string;
  containers: { id: string; name: string; sizeBytes: number | null }[];
  images: { id: string; tags: string[]; sizeBytes: number }[];
  volumes: { name: string; sizeBytes: number | null }[];
  /** The sum of the sizes the engine reports for them. */
  reclaimableBytes: number;
}

export interface DockerPruneResult {
  message: string;
  auditId: number;
  /** What the engine says it removed and freed. */
  removed: { containers: string[]; images: string[]; volumes: string[] };
  reclaimedBytes: number;
}

/** Space that could be freed on an engine, for the cost engine and the overview. */
export interface DockerReclaimable {
  engine: string;
  at: number;
  stoppedContainers: { count: number; bytes: number };
  danglingImages: { count: number; bytes: number };
  unusedVolumes: { count: number; bytes: number | null };
  totalBytes: number;
}

/** A container event worth an alert. */
export type DockerSignalKind = 'died' | 'oomKilled' | 'unhealthy' | 'restartLoop';

export interface DockerSignal {
  engine: string;
  kind: DockerSignalKind;
  at: number;
  containerId: string;
  containerName: string;
  composeProject: string | null;
  /** died: the exit code; restartLoop: the restarts counted in the window. */
  value: number | null;
  message: string;
}

/** A restart loop is this many starts of one container within DOCKER_RESTART_LOOP_WINDOW_MS. */
export const DOCKER_RESTART_LOOP_COUNT = 3;
export const DOCKER_RESTART_LOOP_WINDOW_MS = 5 * 60_000;

export type DockerChangeKind = 'containers' | 'stats' | 'images' | 'volumes' | 'events';

/** Sent at most every 250 ms per engine: what changed, so views refetch what they show. */
export interface DockerChange {
  engine: string;
  kinds: DockerChangeKind[];
  at: number;
}

export type DockerActionName =
  | 'container.start'
  | 'container.stop'
  | 'container.restart'
  | 'container.pause'
  | 'container.unpause'
  | 'container.kill'
  | 'container.remove'
  | 'image.remove';
