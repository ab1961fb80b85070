import type Docker from 'dockerode';
import type { DockerImageRow, DockerPrunePlan, DockerReclaimable, DockerVolumeRow } from '../contract';

/** The engine's disk-usage report (/system/df), the parts Opsdeck reads. */
interface DiskUsage {
  Images?: { Id: string; RepoTags?: string[] | null; Size: number; SharedSize?: number; Containers?: number }[] | null;
  Containers?: { Id: string; Names?: string[]; SizeRw?: number; State?: string }[] | null;
  Volumes?: { Name: string; UsageData?: { Size?: number; RefCount?: number } | null }[] | null;
}

const realTags = (tags: string[] | null | undefined) => (tags ?? []).filter((t) => t !== '<none>:<none>');

/** Sizes the engine could not measure come back as -1. */
const known = (n: number | undefined): number | null => (n !== undefined && n >= 0 ? n : null);

const STOPPED = new Set(['exited', 'created', 'dead']);

const sum = (xs: { sizeBytes: number | null }[]) => xs.reduce((n, x) => n + (x.sizeBytes ?? 0), 0);

export async function diskUsage(docker: Docker): Promise<DiskUsage> {
  return (await docker.df()) as DiskUsage;
}

/** What `docker container prune`, `docker image prune` and `docker volume prune --all` would remove. */
export function prunePlan(engine: string, df: DiskUsage): DockerPrunePlan {
  const containers = (df.Containers ?? [])
    .filter((c) => STOPPED.has(c.State ?? ''))
    .map((c) => ({ id: c.Id, name: (c.Names?.[0] ?? c.Id).replace(/^\//, ''), sizeBytes: known(c.SizeRw) }));
  const images = (df.Images ?? [])
    .filter((i) => realTags(i.RepoTags).length === 0 && (i.Containers ?? 0) <= 0)
    .map((i) => ({ id: i.Id, tags: [], sizeBytes: Math.max(0, i.Size - Math.max(0, i.SharedSize ?? 0)) }));
  const volumes = (df.Volumes ?? [])
    .filter((v) => v.UsageData?.RefCount === 0)
    .map((v) => ({ name: v.Name, sizeBytes: known(v.UsageData?.Size) }));
  return { engine, containers, images, volumes, reclaimableBytes: sum(containers) + sum(images) + sum(volumes) };
}

export function reclaimableOf(plan: DockerPrunePlan, at: number): DockerReclaimable {
  return {
    engine: plan.engine,
    at,
    stoppedContainers: { count: plan.containers.length, bytes: sum(plan.containers) },
    danglingImages: { count: plan.images.length, bytes: sum(plan.images) },
    unusedVolumes: { count: plan.volumes.length, bytes: plan.volumes.some((v) => v.sizeBytes !== null) ? sum(plan.volumes) : null },
    totalBytes: plan.reclaimableBytes,
  };
}

/** Images with the containers that use them (from the container cache: image ids). */
export async function imageRows(engine: string, docker: Docker, containerImageIds: string[]): Promise<DockerImageRow[]> {
  const uses = new Map<string, number>();
  for (const id of containerImageIds) uses.set(id, (uses.get(id) ?? 0) + 1);
  const images = await docker.listImages();
  return images
    .map((i) => {
      const tags = realTags(i.RepoTags);
      const containers = uses.get(i.Id) ?? 0;
      return { engine, id: i.Id, tags, sizeBytes: i.Size, createdAt: i.Created * 1000, dangling: tags.length === 0, unused: containers === 0, containers };
    })
    .sort((a, b) => (a.tags[0] ?? '\uffff').localeCompare(b.tags[0] ?? '\uffff') || b.createdAt - a.createdAt);
}

/** Volumes with their sizes from the disk-usage report and the containers that mount them. */
export async function volumeRows(engine: string, docker: Docker): Promise<DockerVolumeRow[]> {
  const [list, containers, df] = await Promise.all([docker.listVolumes(), docker.listContainers({ all: true }), diskUsage(docker)]);
  const users = new Map<string, { id: string; name: string }[]>();
  for (const c of containers) {
    for (const m of c.Mounts ?? []) {
      if (m.Type !== 'volume' || !m.Name) continue;
      const list = users.get(m.Name) ?? [];
      list.push({ id: c.Id, name: (c.Names[0] ?? c.Id).replace(/^\//, '') });
      users.set(m.Name, list);
    }
  }
  const sizes = new Map((df.Volumes ?? []).map((v) => [v.Name, known(v.UsageData?.Size)]));
  return (list.Volumes ?? [])
    .map((v) => {
      const usedBy = users.get(v.Name) ?? [];
      const created = (v as { CreatedAt?: string }).CreatedAt;
      return {
        engine,
        name: v.Name,
        driver: v.Driver,
        mountpoint: v.Mountpoint,
        createdAt: created ? Date.parse(created) || null : null,
        sizeBytes: sizes.get(v.Name) ?? null,
        composeProject: v.Labels?.['com.docker.compose.project'] ?? null,
        usedBy,
        unused: usedBy.length === 0,
      };
    })
    .sort((a, b) => a.name.localeCompare(b.name));
}
