import type { DockerComposeGroup, DockerContainerList, DockerContainerRow } from '@contract';
import { containerKey } from './containersRoute';

/** A line of the containers table: a Compose project's heading, or one container. */
export type ListRow = { kind: 'group'; group: DockerComposeGroup; collapsed: boolean } | { kind: 'container'; row: DockerContainerRow };

export const groupKey = (g: DockerComposeGroup): string => `group:${g.engine}:${g.project ?? ''}`;

/** The groups as table lines: each group's heading, then its containers unless it is collapsed, in the host's order. */
export function flattenGroups(list: DockerContainerList, collapsed: ReadonlySet<string>): ListRow[] {
  const rows: ListRow[] = [];
  for (const group of list.groups) {
    const closed = collapsed.has(groupKey(group));
    rows.push({ kind: 'group', group, collapsed: closed });
    if (!closed) for (const row of group.containers) rows.push({ kind: 'container', row });
  }
  return rows;
}

export const listRowKey = (r: ListRow): string => (r.kind === 'group' ? groupKey(r.group) : containerKey(r.row.engine, r.row.id));

/** The Compose projects a list shows, for the project filter. */
export const projectsOf = (list: DockerContainerList): string[] =>
  [...new Set(list.groups.flatMap((g) => (g.project === null ? [] : [g.project])))].sort();
