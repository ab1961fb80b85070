import type Docker from 'dockerode';
import type { DockerAction, DockerPruneResult, DockerPruneTarget } from '../contract';
import { requestError } from './engineError';

/** What the audit log records as the action's object and arguments. */
export function dockerActionTarget(action: DockerAction, name: string | null): Record<string, string | number> {
  const { engine: _engine, action: _name, ...args } = action;
  const target: Record<string, string | number> = {};
  for (const [k, v] of Object.entries(args)) if (v !== undefined) target[k] = typeof v === 'boolean' ? String(v) : v;
  if (name) target.name = name;
  return target;
}

/** Runs one action; answers what was done, in a sentence. `label` names the object for people. */
export async function runDockerAction(docker: Docker, action: DockerAction, label: string): Promise<string> {
  try {
    switch (action.action) {
      case 'container.start':
        await docker.getContainer(action.id).start();
        return `Started ${label}.`;
      case 'container.stop':
        await docker.getContainer(action.id).stop(action.timeoutSeconds === undefined ? {} : { t: action.timeoutSeconds });
        return `Stopped ${label}.`;
      case 'container.restart':
        await docker.getContainer(action.id).restart(action.timeoutSeconds === undefined ? {} : { t: action.timeoutSeconds });
        return `Restarted ${label}.`;
      case 'container.pause':
        await docker.getContainer(action.id).pause();
        return `Paused ${label}.`;
      case 'container.unpause':
        await docker.getContainer(action.id).unpause();
        return `Unpaused ${label}.`;
      case 'container.kill':
        await docker.getContainer(action.id).kill({ signal: action.signal });
        return `Sent ${action.signal} to ${label}.`;
      case 'container.remove':
        await docker.getContainer(action.id).remove({ force: action.force, v: action.volumes });
        return `Removed ${label}.`;
      case 'image.remove':
        await docker.getImage(action.id).remove({ force: action.force });
        return `Removed image ${label}.`;
    }
  } catch (err) {
    throw requestError(err, `${action.action} ${label}`);
  }
}

/** The API version that made volume prune spare named volumes unless asked with all=true. */
const VOLUME_PRUNE_ALL_SINCE = [1, 42];

const atLeast = (apiVersion: string | null, [major, minor]: number[]) => {
  const [a = 0, b = 0] = (apiVersion ?? '0.0').split('.').map(Number);
  return a > major! || (a === major && b >= minor!);
};

/** Prunes the targets; the engine's own answer says what went and what it freed. */
export async function runPrune(docker: Docker, targets: DockerPruneTarget[], apiVersion: string | null): Promise<Omit<DockerPruneResult, 'message' | 'auditId'>> {
  const removed: DockerPruneResult['removed'] = { containers: [], images: [], volumes: [] };
  let reclaimedBytes = 0;
  try {
    if (targets.includes('containers')) {
      const r = (await docker.pruneContainers()) as { ContainersDeleted?: string[] | null; SpaceReclaimed?: number };
      removed.containers = r.ContainersDeleted ?? [];
      reclaimedBytes += r.SpaceReclaimed ?? 0;
    }
    if (targets.includes('images')) {
      const dangling = new Set((await docker.listImages({ filters: { dangling: ['true'] } })).map((i) => i.Id));
      const r = (await docker.pruneImages({ filters: { dangling: ['true'] } })) as {
        ImagesDeleted?: { Deleted?: string; Untagged?: string }[] | null;
        SpaceReclaimed?: number;
      };
      // The answer lists deleted layers too; only the images are reported.
      removed.images = (r.ImagesDeleted ?? []).flatMap((d) => (d.Deleted && dangling.has(d.Deleted) ? [d.Deleted] : []));
      reclaimedBytes += r.SpaceReclaimed ?? 0;
    }
    if (targets.includes('volumes')) {
      const options = atLeast(apiVersion, VOLUME_PRUNE_ALL_SINCE) ? { filters: { all: ['true'] } } : {};
      const r = (await docker.pruneVolumes(options)) as { VolumesDeleted?: string[] | null; SpaceReclaimed?: number };
      removed.volumes = r.VolumesDeleted ?? [];
      reclaimedBytes += r.SpaceReclaimed ?? 0;
    }
  } catch (err) {
    throw requestError(err, `prune ${targets.join(', ')}`);
  }
  return { removed, reclaimedBytes };
}
