import type { ActionResult } from '@contract';
import { useState } from 'react';
import { useRefreshingCall } from '../../state/useRefreshingCall';
import { CopyableCode } from '../CopyableCode';
import { useEscapeKey } from '../useEscapeKey';
import { ResourceView } from '../ResourceView';
import { DetailSummary } from './DetailSummary';
import { EventsTable } from './EventsTable';
import { KIND_SINGULAR, type ObjectRef } from './kinds';
import { PodLogs } from './PodLogs';
import { ObjectActions } from './ObjectActions';
import { RolloutHistory } from './RolloutHistory';
import { useK8sChanged } from './useK8sChanged';
import { useObjectRow } from './useObjectRow';
import './k8s.css';

export type PaneTab = 'summary' | 'events' | 'yaml' | 'logs' | 'history';

interface Props {
  object: ObjectRef;
  onClose(): void;
  /** Opens another object (an owner, an event's object) in the same browser. */
  onOpen?(apiKind: string, namespace: string | null, name: string): void;
  initialTab?: PaneTab;
}

const TAB_LABELS: Record<PaneTab, string> = { summary: 'Summary', events: 'Events', yaml: 'YAML', logs: 'Logs', history: 'Rollout history' };

/**
 * One object in full beside the table it was opened from: summary, events, YAML, and for
 * pods their logs, for deployments their rollout history; with the actions its kind allows.
 * Esc closes it.
 */
export function ObjectDetailPane({ object, onClose, onOpen, initialTab = 'summary' }: Props) {
  const { context, kind, namespace, name } = object;
  const { resource, refresh } = useRefreshingCall('k8s.detail', { context, kind, ...(namespace ? { namespace } : {}), name });
  useK8sChanged(context, [kind], refresh);
  const found = useObjectRow(object);
  const [tab, setTab] = useState<PaneTab>(initialTab);
  const [logContainer, setLogContainer] = useState<string | undefined>(undefined);
  const [result, setResult] = useState<ActionResult | null>(null);

  useEscapeKey(onClose);

  const tabs: PaneTab[] = ['summary', 'events', 'yaml', ...(kind === 'pods' ? (['logs'] as const) : []), ...(kind === 'deployments' ? (['history'] as const) : [])];
  const onDone = (r: ActionResult) => {
    setResult(r);
    refresh();
  };

  return (
    <aside className="detail-pane" aria-label={`${name} details`} data-testid="detail-pane" data-kind={kind} data-object={namespace ? `${namespace}/${name}` : name}>
      <header className="detail-pane__head">
        <div>
          <div className="muted">
            {KIND_SINGULAR[kind]} · {context}
          </div>
          <h2 className="mono detail-pane__name">{namespace ? `${namespace}/${name}` : name}</h2>
        </div>
        <button type="button" className="button button--ghost" aria-label="Close details" title="Close (Esc)" onClick={onClose}>
          ✕
        </button>
      </header>
      <ObjectActions object={object} detail={resource.status === 'ready' ? resource.data : null} onDone={onDone} />
      {result && (
        <p className="detail-pane__result" role="status" data-testid="action-result">
          {result.message}
        </p>
      )}
      <div role="tablist" aria-label="Detail sections" className="detail-pane__tabs">
        {tabs.map((t) => (
          <button key={t} type="button" role="tab" aria-selected={t === tab} className="detail-pane__tab" onClick={() => setTab(t)}>
            {TAB_LABELS[t]}
            {t === 'events' && resource.status === 'ready' && resource.data.events.length > 0 && ` (${resource.data.events.length})`}
          </button>
        ))}
      </div>
      <div className="detail-pane__body" role="tabpanel" aria-label={TAB_LABELS[tab]}>
        {tab === 'history' && namespace ? (
          <RolloutHistory context={context} namespace={namespace} name={name} onDone={onDone} />
        ) : (
          <ResourceView resource={resource} onRetry={refresh} loadingLabel="Reading the object…" errorTitle={`Could not read ${name}`}>
            {(detail) => {
              switch (tab) {
                case 'events':
                  return detail.events.length === 0 ? <p className="note">No events about this object. Clusters keep events for a limited time (one hour by default).</p> : <EventsTable events={detail.events} label="Events" />;
                case 'yaml':
                  return <CopyableCode text={detail.yaml} copyLabel="Copy YAML" testId="object-yaml" />;
                case 'logs':
                  return namespace && <PodLogs context={context} namespace={namespace} pod={name} containers={detail.containers} initialContainer={logContainer} />;
                default:
                  return (
                    <DetailSummary
                      detail={detail}
                      row={found}
                      onOpen={onOpen}
                      onLogs={
                        kind === 'pods'
                          ? (c) => {
                              setLogContainer(c);
                              setTab('logs');
                            }
                          : undefined
                      }
                    />
                  );
              }
            }}
          </ResourceView>
        )}
      </div>
    </aside>
  );
}
