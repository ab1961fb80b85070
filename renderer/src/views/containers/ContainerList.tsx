import { useEffect, useMemo, useRef, useState } from 'react';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useSlashFocus } from '../../components/useSlashFocus';
import { VirtualTable } from '../../components/VirtualTable';
import { containerFirstDir, listColumns } from './containerColumns';
import { ContainerFilters } from './ContainerFilters';
import { flattenGroups, groupKey, listRowKey, projectsOf } from './containerRows';
import { containerKey, type ContainersRoute } from './containersRoute';
import { useContainerList } from './useContainerList';

interface Props {
  route: ContainersRoute;
  onRoute(patch: Partial<ContainersRoute>): void;
}

/** Containers grouped by Compose project with their live stats; refetched when the host says they changed. */
export function ContainerList({ route, onRoute }: Props) {
  const textInput = useRef<HTMLInputElement>(null);
  useSlashFocus(textInput);
  const query = {
    ...(route.engine ? { engine: route.engine } : {}),
    ...(route.text.trim() ? { text: route.text.trim() } : {}),
    ...(route.state ? { state: route.state } : {}),
    ...(route.project ? { project: route.project } : {}),
    sort: route.sort,
    dir: route.dir,
  };
  const { resource, refresh } = useContainerList(query);
  const list = resource.status === 'ready' ? resource.data : null;
  const [collapsed, setCollapsed] = useState<ReadonlySet<string>>(new Set());
  const rows = useMemo(() => (list ? flattenGroups(list, collapsed) : []), [list, collapsed]);
  const toggle = (key: string) =>
    setCollapsed((old) => {
      const next = new Set(old);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  // Learnt from answers not narrowed to one project, so the choice can move from one to another.
  const [projects, setProjects] = useState<string[]>([]);
  useEffect(() => {
    if (list && !route.project) setProjects(projectsOf(list));
  }, [list, route.project]);
  const filtered = Boolean(route.text.trim() || route.state || route.project);
  const resetKey = JSON.stringify([route.engine, route.text, route.state, route.project, route.sort, route.dir]);

  return (
    <section aria-labelledby="containers-title">
      <div className="section-head">
        <h2 id="containers-title">Containers</h2>
        {list && (
          <span className="muted" data-testid="containers-count" data-matched={list.matched} data-total={list.total}>
            {filtered ? `${list.matched} of ${list.total} containers match` : `${list.total} containers`}
          </span>
        )}
      </div>
      <ContainerFilters route={route} projects={projects} onChange={onRoute} textInput={textInput} />
      {resource.status === 'error' && <LoadError title="Could not list containers" message={resource.message} onRetry={refresh} />}
      {resource.status === 'loading' && <Loading label="Loading containers…" />}
      {list && !list.synced && <p className="note">Listing containers… the table fills in once every engine has answered; one that cannot be reached is retried.</p>}
      {list && list.synced && list.matched === 0 && (
        <p className="note containers-empty">{filtered ? 'No containers match these filters.' : 'No containers yet. Start one with docker run or docker compose up.'}</p>
      )}
      {list && rows.length > 0 && (
        <VirtualTable
          label="Containers"
          testId="containers-scroll"
          columns={listColumns}
          count={rows.length}
          rowAt={(i) => rows[i]}
          rowKey={listRowKey}
          rowData={(r): Record<`data-${string}`, string> =>
            r.kind === 'container' ? { 'data-container': r.row.name, 'data-state': r.row.state } : { 'data-group': r.group.project ?? '', 'data-collapsed': String(r.collapsed) }
          }
          sort={route.sort}
          dir={route.dir}
          firstDir={containerFirstDir}
          onSort={(sort, dir) => onRoute({ sort, dir })}
          resetKey={resetKey}
          openKey={route.selected}
          onOpen={(r) => (r.kind === 'container' ? onRoute({ selected: containerKey(r.row.engine, r.row.id) }) : toggle(groupKey(r.group)))}
        />
      )}
    </section>
  );
}
