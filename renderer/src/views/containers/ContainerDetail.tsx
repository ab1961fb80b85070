import type { ActionResult, DockerAction } from '@contract';
import { useState } from 'react';
import { CopyableCode } from '../../components/CopyableCode';
import { ResourceView } from '../../components/ResourceView';
import { useEscapeKey } from '../../components/useEscapeKey';
import { dataOf } from '../../state/resource';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { ContainerActions } from './ContainerActions';
import { ContainerFacts } from './ContainerFacts';
import { ContainerLogs } from './ContainerLogs';
import { ContainerStats } from './ContainerStats';
import { ContainerStateCell } from './ContainerStateCell';
import { DETAIL_TABS, type DetailTab } from './containersRoute';
import { EventTimeline } from './EventTimeline';
import { useDockerChanged } from './useDockerChanged';

const TAB_LABELS: Record<DetailTab, string> = { stats: 'Stats', logs: 'Logs', inspect: 'Inspect', events: 'Events' };

interface Props {
  engine: string;
  id: string;
  tab: DetailTab;
  onTab(tab: DetailTab): void;
  onClose(): void;
}

function ContainerEvents({ engine, id }: { engine: string; id: string }) {
  const { resource, refresh } = useRefreshingCall('docker.events', { engine, id, limit: 200 });
  useDockerChanged(engine, ['events'], refresh);
  return (
    <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading events…" errorTitle="Could not read the events">
      {(events) => <EventTimeline events={events} showEngine={false} />}
    </ResourceView>
  );
}

/** One container beside the table: its state and actions, live charts, logs, inspect JSON and events. Esc closes it. */
export function ContainerDetail({ engine, id, tab, onTab, onClose }: Props) {
  const { resource, refresh } = useRefreshingCall('docker.inspect', { engine, id });
  useDockerChanged(engine, ['containers'], refresh);
  const [result, setResult] = useState<ActionResult | null>(null);
  const detail = dataOf(resource);

  useEscapeKey(onClose);

  const onDone = (r: ActionResult, action: DockerAction) => {
    // A removed container has nothing left to show.
    if (action.action === 'container.remove') return onClose();
    setResult(r);
    refresh();
  };

  return (
    <aside className="detail-pane container-detail" aria-label="Container details" data-testid="container-detail" data-container={id}>
      <header className="detail-pane__head">
        <div>
          <div className="muted">
            Container · {engine} · <span className="mono">{id.slice(0, 12)}</span>
          </div>
          <h2 className="mono detail-pane__name">{detail?.row.name ?? id.slice(0, 12)}</h2>
          {detail && <ContainerStateCell row={detail.row} />}
        </div>
        <button type="button" className="button button--ghost" aria-label="Close details" title="Close (Esc)" onClick={onClose}>
          ✕
        </button>
      </header>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Inspecting the container…" errorTitle="Could not inspect the container">
        {(detail) => (
          <>
            <ContainerActions row={detail.row} onDone={onDone} />
            {result && (
              <p className="detail-pane__result" role="status" data-testid="container-action-result">
                {result.message}
              </p>
            )}
            <ContainerFacts detail={detail} />
            <div role="tablist" aria-label="Container sections" className="detail-pane__tabs">
              {DETAIL_TABS.map((t) => (
                <button key={t} type="button" role="tab" aria-selected={t === tab} className="detail-pane__tab" onClick={() => onTab(t)}>
                  {TAB_LABELS[t]}
                </button>
              ))}
            </div>
            <div className="detail-pane__body" role="tabpanel" aria-label={TAB_LABELS[tab]}>
              {tab === 'stats' && <ContainerStats engine={engine} id={id} running={detail.row.state === 'running'} />}
              {tab === 'logs' && <ContainerLogs engine={engine} id={id} name={detail.row.name} />}
              {tab === 'inspect' && <CopyableCode text={detail.json} copyLabel="Copy JSON" testId="container-inspect" />}
              {tab === 'events' && <ContainerEvents engine={engine} id={id} />}
            </div>
          </>
        )}
      </ResourceView>
    </aside>
  );
}
