import type { dockerChannels } from '../../contract/channels/docker';
import { dockerActionTarget, runDockerAction, runPrune } from '../../docker/actions';
import type { DockerManager } from '../../docker/dockerManager';
import { recordAudited, type AuditDeps } from '../auditedActions';
import type { HandlersFor } from '../dispatch';

/** The Docker and Podman channels, answered from the engine connections' caches. */
export function dockerHandlers(docker: DockerManager, audit: AuditDeps): HandlersFor<keyof typeof dockerChannels> {
  return {
    'docker.engines': () => docker.engines(),
    'docker.addEngine': (input) => docker.addEngine(input),
    'docker.removeEngine': ({ name }) => docker.removeEngine(name),
    'docker.containers': ({ engine, ...query }) => docker.containers(engine, query),
    'docker.stats': ({ engine, id }) => docker.stats(engine, id),
    'docker.inspect': ({ engine, id }) => docker.inspect(engine, id),
    'docker.logs': ({ engine, id, ...options }) => docker.logs(engine, id, options),
    'docker.logs.follow': ({ engine, id, ...options }) => docker.followLogs(engine, id, options),
    'docker.logs.stop': ({ streamId }) => ({ stopped: docker.stopLogs(streamId) }),
    'docker.events': ({ engine, limit, ...filter }) => docker.events(engine, filter, limit),
    'docker.images': ({ engine }) => docker.images(engine),
    'docker.volumes': ({ engine }) => docker.volumes(engine),
    'docker.action': (action) => {
      const conn = docker.connection(action.engine);
      // Containers are named for people; images by their first tag, else their id.
      const row = action.action === 'image.remove' ? null : conn.findRow(action.id);
      const label = row?.name ?? action.id.replace(/^sha256:/, '').slice(0, 12);
      return recordAudited(audit, { action: action.action, target: dockerActionTarget(action, row?.name ?? null), context: action.engine }, async () => ({
        message: await runDockerAction(conn.client(), action, label),
      }));
    },
    'docker.prunePreview': ({ engine, targets }) => docker.prunePreview(engine, targets),
    'docker.prune': ({ engine, targets }) => {
      const conn = docker.connection(engine);
      return recordAudited(audit, { action: 'prune', target: { targets: targets.join(',') }, context: engine }, async () => {
        const result = await runPrune(conn.client(), targets, conn.info().apiVersion);
        const { containers, images, volumes } = result.removed;
        const message = `Removed ${containers.length} containers, ${images.length} images and ${volumes.length} volumes; freed ${result.reclaimedBytes} bytes.`;
        return { ...result, message };
      });
    },
    'docker.reclaimable': () => docker.reclaimable(),
  };
}
