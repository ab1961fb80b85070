import type { K8sNamespaceRow } from '@contract';
import { useRef, type ReactNode } from 'react';
import { KIND_LABELS, objectKey } from '../../components/k8s/kinds';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { useSlashFocus } from '../../components/useSlashFocus';
import { VirtualTable, type Column } from '../../components/VirtualTable';
import { BrowserFilters } from './BrowserFilters';
import type { ClusterRoute } from './clusterRoute';
import type { QueryWindow } from './useQueryWindow';

interface Counts {
  total: number;
  matched: number;
  synced: boolean;
}

interface Props<Row extends { namespace: string | null; name: string }, Sort extends string> {
  route: ClusterRoute;
  onRoute(patch: Partial<ClusterRoute>): void;
  namespaces: K8sNamespaceRow[];
  window: QueryWindow<Row, Counts>;
  columns: Column<Row, Sort>[];
  firstDir?(sort: Sort): 'asc' | 'desc';
  /** The data attribute naming each row, e.g. data-pod. */
  rowAttribute: `data-${string}`;
  /** Said above the table: the kind cannot be watched, metrics are missing, … */
  notes?: ReactNode;
  /** What Enter or a click on a row does; by default it opens the row in the detail pane. */
  onOpen?(row: Row): void;
}

/** One kind's filters, count and virtualized table; pods and the other kinds differ only in their query and columns. */
export function BrowserBody<Row extends { namespace: string | null; name: string }, Sort extends string>(props: Props<Row, Sort>) {
  const { route, onRoute, namespaces, window: win, columns, firstDir, rowAttribute, notes, onOpen } = props;
  const textInput = useRef<HTMLInputElement>(null);
  useSlashFocus(textInput);
  const label = KIND_LABELS[route.kind];
  const noun = label.toLowerCase();
  const selectorError = win.error?.selector ? win.error.message : null;
  const otherError = win.error && !win.error.selector ? win.error.message : null;
  const filtered = Boolean(route.namespace || route.labelSelector.trim() || route.text.trim() || route.phase || route.problems);
  const meta = win.meta;
  const resetKey = JSON.stringify([route.kind, route.namespace, route.labelSelector, route.text, route.phase, route.problems, route.sort, route.dir]);

  return (
    <>
      <div className="section-head">
        <h2 id="browser-title">{label}</h2>
        {meta && (
          <span className="muted" data-testid={`${route.kind}-count`} data-matched={meta.matched} data-total={meta.total}>
            {filtered ? `${meta.matched.toLocaleString()} of ${meta.total.toLocaleString()} ${noun} match` : `${meta.total.toLocaleString()} ${noun}`}
          </span>
        )}
      </div>
      <BrowserFilters route={route} namespaces={namespaces} selectorError={selectorError} onChange={onRoute} textInput={textInput} />
      {notes}
      {otherError && <LoadError title={`Could not list ${noun}`} message={otherError} onRetry={win.retry} />}
      {!meta && !win.error && <Loading label={`Loading ${noun}…`} />}
      {meta && !meta.synced && <p className="note">Listing the cluster&apos;s {noun}… the table fills in as soon as the list is complete.</p>}
      {meta && meta.matched === 0 && meta.synced && <p className="note pods-empty">{filtered ? `No ${noun} match these filters.` : `This cluster has no ${noun}.`}</p>}
      {meta && meta.matched > 0 && (
        <VirtualTable
          label={label}
          testId={`${route.kind}-scroll`}
          columns={columns}
          count={meta.matched}
          rowAt={win.rowAt}
          showRows={win.showRows}
          rowKey={(r) => objectKey(r.namespace, r.name)}
          rowData={(r) => ({ [rowAttribute]: objectKey(r.namespace, r.name) })}
          sort={route.sort as Sort}
          dir={route.dir}
          firstDir={firstDir}
          onSort={(sort, dir) => onRoute({ sort: sort as ClusterRoute['sort'], dir })}
          resetKey={resetKey}
          openKey={route.selected}
          onOpen={onOpen ?? ((r) => onRoute({ selected: objectKey(r.namespace, r.name) }))}
        />
      )}
    </>
  );
}
