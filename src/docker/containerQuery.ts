import type { DockerComposeGroup, DockerContainerRow, DockerContainerSort, DockerContainerState, SortDirection } from '../contract';

export interface ContainerQuery {
  text?: string;
  state?: DockerContainerState;
  project?: string;
  sort: DockerContainerSort;
  dir: SortDirection;
}

const matches = (row: DockerContainerRow, q: ContainerQuery): boolean => {
  if (q.state && row.state !== q.state) return false;
  if (q.project !== undefined && row.composeProject !== q.project) return false;
  if (!q.text) return true;
  const text = q.text.toLowerCase();
  return [row.name, row.image, row.composeProject ?? '', row.composeService ?? ''].some((v) => v.toLowerCase().includes(text)) || row.id.startsWith(text);
};

/** Running containers have an uptime; the others sort after them. */
const uptime = (row: DockerContainerRow, now: number) => (row.state === 'running' && row.startedAt ? now - row.startedAt : -1);

const key = (sort: DockerContainerSort, now: number): ((r: DockerContainerRow) => string | number) => {
  switch (sort) {
    case 'name':
      return (r) => r.name;
    case 'state':
      return (r) => r.state;
    case 'image':
      return (r) => r.image;
    case 'uptime':
      return (r) => uptime(r, now);
    case 'restarts':
      return (r) => r.restartCount;
    case 'cpu':
      return (r) => r.stats?.cpuPercent ?? -1;
    case 'memory':
      return (r) => r.stats?.memoryBytes ?? -1;
  }
};

/** Filters, sorts (name breaks ties) and groups by engine and Compose project; loose containers come last. */
export function groupContainers(rows: DockerContainerRow[], q: ContainerQuery, now: number): { matched: number; groups: DockerComposeGroup[] } {
  const by = key(q.sort, now);
  const sign = q.dir === 'asc' ? 1 : -1;
  const matched = rows.filter((r) => matches(r, q));
  matched.sort((a, b) => {
    const ka = by(a);
    const kb = by(b);
    const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
    return c * sign || a.name.localeCompare(b.name);
  });
  const groups = new Map<string, DockerComposeGroup>();
  for (const row of matched) {
    const id = JSON.stringify([row.engine, row.composeProject]);
    let group = groups.get(id);
    if (!group) groups.set(id, (group = { engine: row.engine, project: row.composeProject, running: 0, total: 0, containers: [] }));
    group.total++;
    if (row.state === 'running') group.running++;
    group.containers.push(row);
  }
  const ordered = [...groups.values()].sort(
    (a, b) =>
      a.engine.localeCompare(b.engine) ||
      Number(a.project === null) - Number(b.project === null) ||
      (a.project ?? '').localeCompare(b.project ?? ''),
  );
  return { matched: matched.length, groups: ordered };
}
