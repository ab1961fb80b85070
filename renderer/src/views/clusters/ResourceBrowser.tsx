import type { K8sNamespaceRow, K8sObjectKind, K8sObjectRow, ObjectSort, PodSort } from '@contract';
import { ObjectDetailPane } from '../../components/k8s/ObjectDetailPane';
import { BROWSER_KINDS, hasDetail, isClusterScoped, KIND_LABELS, objectKey, parseObjectKey, type BrowserKind } from '../../components/k8s/kinds';
import { useK8sChanged } from '../../components/k8s/useK8sChanged';
import { dataOf } from '../../state/resource';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { BrowserBody } from './BrowserBody';
import { kindPatch, openPatch, type ClusterRoute } from './clusterRoute';
import { objectColumns } from './objectColumns';
import { podColumns, podFirstDir } from './podColumns';
import { useQueryWindow } from './useQueryWindow';

interface BrowserProps {
  context: string;
  route: ClusterRoute;
  onRoute(patch: Partial<ClusterRoute>): void;
  namespaces: K8sNamespaceRow[];
}

/** The filters every kind shares, as the host's query takes them. */
function commonQuery(context: string, route: ClusterRoute) {
  return {
    context,
    ...(route.namespace && !isClusterScoped(route.kind) ? { namespace: route.namespace } : {}),
    ...(route.labelSelector.trim() ? { labelSelector: route.labelSelector.trim() } : {}),
    ...(route.text.trim() ? { text: route.text.trim() } : {}),
    dir: route.dir,
  };
}

function PodsBrowser({ context, route, onRoute, namespaces }: BrowserProps) {
  const pods = useQueryWindow('k8s.pods', { ...commonQuery(context, route), ...(route.phase ? { phase: route.phase } : {}), sort: route.sort as PodSort });
  const metrics = pods.meta?.metrics;
  return (
    <BrowserBody
      route={route}
      onRoute={onRoute}
      namespaces={namespaces}
      window={pods}
      columns={podColumns(metrics?.available ?? false)}
      firstDir={podFirstDir}
      rowAttribute="data-pod"
      notes={metrics && !metrics.available && metrics.note && <p className="note metrics-note">{metrics.note}</p>}
    />
  );
}

/** An event has no detail of its own: opening it opens the object it is about ("pod/web-1" in its OBJECT column). */
function openInvolved(event: K8sObjectRow, onRoute: BrowserProps['onRoute']) {
  const [apiKind = '', ...rest] = String(event.cells.object ?? '').split('/');
  const patch = openPatch(apiKind, event.namespace, rest.join('/'));
  if (patch) onRoute(patch);
}

function ObjectsBrowser({ context, route, onRoute, namespaces, kind }: BrowserProps & { kind: K8sObjectKind }) {
  const objects = useQueryWindow('k8s.objects', { ...commonQuery(context, route), kind, problems: route.problems, sort: route.sort as ObjectSort });
  const meta = objects.meta;
  const cannotWatch = meta && (meta.state === 'forbidden' || meta.state === 'failed');
  return (
    <BrowserBody
      route={route}
      onRoute={onRoute}
      namespaces={namespaces}
      window={objects}
      columns={objectColumns(kind, meta?.columns ?? [])}
      rowAttribute="data-object"
      onOpen={kind === 'events' ? (row) => openInvolved(row, onRoute) : undefined}
      notes={
        cannotWatch && (
          <p className="note kind-note" data-state={meta.state}>
            Cannot watch {KIND_LABELS[kind].toLowerCase()}: {meta.message ?? meta.state}
          </p>
        )
      }
    />
  );
}

function KindPicker({ kind, onPick }: { kind: BrowserKind; onPick(kind: BrowserKind): void }) {
  return (
    <nav className="kind-picker" aria-label="Kinds">
      {BROWSER_KINDS.map((k) => (
        <button key={k} type="button" className="kind-picker__kind" aria-pressed={k === kind} onClick={() => k !== kind && onPick(k)}>
          {KIND_LABELS[k]}
        </button>
      ))}
    </nav>
  );
}

/** One context's objects: a kind picker, that kind's table, and the detail pane of the object opened from it. */
export function ResourceBrowser({ context, route, onRoute }: Omit<BrowserProps, 'namespaces'>) {
  const namespaces = useRefreshingCall('k8s.namespaces', { context });
  useK8sChanged(context, ['namespaces', 'pods'], namespaces.refresh);
  const shared = { context, route, onRoute, namespaces: dataOf(namespaces.resource) ?? [] };
  const kind = route.kind;
  const opened = route.selected && hasDetail(kind) ? { context, kind, ...parseObjectKey(route.selected) } : null;

  return (
    <section className={`browser ${opened ? 'browser--with-pane' : ''}`} aria-labelledby="browser-title">
      <KindPicker kind={kind} onPick={(k) => onRoute(kindPatch(k))} />
      <div className="browser__split">
        <div className="browser__main">{kind === 'pods' ? <PodsBrowser {...shared} /> : <ObjectsBrowser key={kind} {...shared} kind={kind} />}</div>
        {opened && (
          <ObjectDetailPane
            key={`${opened.kind}:${objectKey(opened.namespace, opened.name)}`}
            object={opened}
            onClose={() => onRoute({ selected: null })}
            onOpen={(apiKind, namespace, name) => {
              const patch = openPatch(apiKind, namespace, name);
              if (patch) onRoute(patch);
            }}
          />
        )}
      </div>
    </section>
  );
}
