import { z } from 'zod';
import type {
  ActionResult,
  DockerChange,
  DockerContainerDetail,
  DockerContainerList,
  DockerEngines,
  DockerEventRow,
  DockerImageRow,
  DockerLogChunk,
  DockerLogRead,
  DockerPrunePlan,
  DockerPruneResult,
  DockerReclaimable,
  DockerSignal,
  DockerStatsHistory,
  DockerVolumeRow,
} from '../types';
import { DOCKER_CONTAINER_SORTS, DOCKER_CONTAINER_STATES, DOCKER_EVENTS_KEPT, DOCKER_PRUNE_TARGETS, MAX_DOCKER_LOG_LINES } from '../types';
import { empty, returns } from './schema';

/** An engine's name as docker.engines lists it (a context name, "default", "podman", ...). */
const engine = z.string().min(1).max(200);

/** A full or short container id, as the engine prints it. */
const containerId = z.string().regex(/^[a-f0-9]{12,64}$/, 'must be a container id (12 to 64 hex digits)');

/** An image id, with or without its sha256: prefix. */
const imageId = z.string().regex(/^(sha256:)?[a-f0-9]{12,64}$/, 'must be an image id (sha256:<hex>)');

const logTarget = z.object({ engine, id: containerId, timestamps: z.boolean().default(false) });

/** A PEM block, as kept in ca.pem, cert.pem and key.pem. */
const pem = z.string().min(1).max(64 * 1024).regex(/-----BEGIN [A-Z0-9 ]+-----/, 'must be PEM text');
const filePath = z.string().min(1).max(4096);

/** A change to an engine; each one is confirmed by the user first and recorded in the audit log. */
export const dockerAction = z.discriminatedUnion('action', [
  z.object({ engine, action: z.literal('container.start'), id: containerId }).strict(),
  z
    .object({ engine, action: z.literal('container.stop'), id: containerId, timeoutSeconds: z.number().int().min(0).max(3600).optional() })
    .strict(),
  z
    .object({ engine, action: z.literal('container.restart'), id: containerId, timeoutSeconds: z.number().int().min(0).max(3600).optional() })
    .strict(),
  z.object({ engine, action: z.literal('container.pause'), id: containerId }).strict(),
  z.object({ engine, action: z.literal('container.unpause'), id: containerId }).strict(),
  z
    .object({
      engine,
      action: z.literal('container.kill'),
      id: containerId,
      signal: z.string().regex(/^(SIG)?[A-Z0-9+-]{1,16}$|^[0-9]{1,2}$/, 'must be a signal name or number').default('SIGKILL'),
    })
    .strict(),
  z
    .object({
      engine,
      action: z.literal('container.remove'),
      id: containerId,
      /** Also a running container (it is killed first). */
      force: z.boolean().default(false),
      /** Also its anonymous volumes. */
      volumes: z.boolean().default(false),
    })
    .strict(),
  z.object({ engine, action: z.literal('image.remove'), id: imageId, force: z.boolean().default(false) }).strict(),
]);
export type DockerAction = z.output<typeof dockerAction>;

const pruneTargets = z.array(z.enum(DOCKER_PRUNE_TARGETS)).min(1).max(DOCKER_PRUNE_TARGETS.length);

export const dockerChannels = {
  /** Every engine found or added, with its connection state and version. */
  'docker.engines': { input: empty, output: returns<DockerEngines>() },
  /** A remote engine (tcp://) with TLS from files, or PEM text kept in the OS keychain. */
  'docker.addEngine': {
    input: z
      .object({
        name: engine,
        host: z.string().regex(/^(tcp|unix):\/\/\S+$/, 'must be tcp://host:port or unix:///path'),
        tls: z.discriminatedUnion('mode', [
          z.object({ mode: z.literal('none') }).strict(),
          z.object({ mode: z.literal('files'), caPath: filePath, certPath: filePath, keyPath: filePath }).strict(),
          z.object({ mode: z.literal('keychain'), ca: pem, cert: pem, key: pem }).strict(),
        ]),
      })
      .strict(),
    output: returns<DockerEngines>(),
  },
  /** Forgets an engine added with docker.addEngine, and its keychain entry. */
  'docker.removeEngine': { input: z.object({ name: engine }).strict(), output: returns<DockerEngines>() },
  /** Containers grouped by Compose project; rows carry their newest stats. Without engine: every engine. */
  'docker.containers': {
    input: z
      .object({
        engine: engine.optional(),
        /** Matches name, image, id prefix, Compose project or service. */
        text: z.string().max(253).optional(),
        state: z.enum(DOCKER_CONTAINER_STATES).optional(),
        project: z.string().max(253).optional(),
        sort: z.enum(DOCKER_CONTAINER_SORTS).default('name'),
        dir: z.enum(['asc', 'desc']).default('asc'),
      })
      .strict(),
    output: returns<DockerContainerList>(),
  },
  /** One container's stats history, for the detail chart. */
  'docker.stats': { input: z.object({ engine, id: containerId }).strict(), output: returns<DockerStatsHistory>() },
  'docker.inspect': { input: z.object({ engine, id: containerId }).strict(), output: returns<DockerContainerDetail>() },
  /** The last lines of a container's log, stdout and stderr told apart (also used for download). */
  'docker.logs': {
    input: logTarget.extend({ tailLines: z.number().int().min(1).max(MAX_DOCKER_LOG_LINES).default(1000) }).strict(),
    output: returns<DockerLogRead>(),
  },
  /** Follows a container's log; lines arrive as docker.logChunk events with the returned stream id. */
  'docker.logs.follow': {
    input: logTarget.extend({ tailLines: z.number().int().min(0).max(MAX_DOCKER_LOG_LINES).default(1000) }).strict(),
    output: returns<{ streamId: string; tty: boolean }>(),
  },
  'docker.logs.stop': {
    input: z.object({ streamId: z.string().min(1).max(100) }).strict(),
    output: returns<{ stopped: boolean }>(),
  },
  /** The engine event timeline, newest first. */
  'docker.events': {
    input: z
      .object({
        engine: engine.optional(),
        type: z.string().max(40).optional(),
        /** Matches actions that start with it, so "health_status" matches "health_status: unhealthy". */
        action: z.string().max(80).optional(),
        id: containerId.optional(),
        limit: z.number().int().min(1).max(DOCKER_EVENTS_KEPT).default(200),
      })
      .strict(),
    output: returns<DockerEventRow[]>(),
  },
  'docker.images': { input: z.object({ engine }).strict(), output: returns<DockerImageRow[]>() },
  'docker.volumes': { input: z.object({ engine }).strict(), output: returns<DockerVolumeRow[]>() },
  'docker.action': { input: dockerAction, output: returns<ActionResult>() },
  /** What a prune of the chosen targets would remove now, and the space it would free. */
  'docker.prunePreview': { input: z.object({ engine, targets: pruneTargets }).strict(), output: returns<DockerPrunePlan>() },
  /** Removes stopped containers, dangling images and/or unused volumes; audited as "prune". */
  'docker.prune': { input: z.object({ engine, targets: pruneTargets }).strict(), output: returns<DockerPruneResult>() },
  /** Space that stopped containers, dangling images and unused volumes take, per connected engine. */
  'docker.reclaimable': { input: empty, output: returns<DockerReclaimable[]>() },
} as const;

export const dockerEvents = {
  'docker.enginesChanged': returns<DockerEngines>(),
  /** At most every 250 ms per engine, naming what changed. */
  'docker.changed': returns<DockerChange>(),
  /** Lines of a followed log (see docker.logs.follow). */
  'docker.logChunk': returns<DockerLogChunk>(),
  /** A container died, was OOM-killed, turned unhealthy or keeps restarting. */
  'docker.signal': returns<DockerSignal>(),
} as const;
