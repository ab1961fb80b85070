import type { SourceHealth } from '@contract';
import { ResourceView } from '../../../components/ResourceView';
import { useRefreshingCall } from '../../../state/useRefreshingCall';
import { useHostEvent } from '../../../state/useHostEvent';
import { TabLink } from './TabLink';

const BADGE: Record<SourceHealth['state'], string> = { ok: 'ok', degraded: 'warning', down: 'critical', 'not-connected': 'info' };
const WORD: Record<SourceHealth['state'], string> = { ok: 'ok', degraded: 'degraded', down: 'down', 'not-connected': 'not connected' };

/** Every source Opsdeck reads, with its state; kept current by the engines' own change events. */
export function SourcesStrip() {
  const { resource, refresh } = useRefreshingCall('overview.sources', {});
  useHostEvent('k8s.contextsChanged', refresh);
  useHostEvent('docker.enginesChanged', refresh);
  useHostEvent('prom.sourcesChanged', refresh);
  return (
    <section aria-label="Sources">
      <div className="section-head">
        <h2>Sources</h2>
      </div>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Checking sources…" errorTitle="Could not read the sources">
        {(sources) => (
          <ul className="sources" data-testid="sources">
            {sources.map((s) => (
              <li key={s.id} className="source" data-source={s.id} data-state={s.state} title={s.detail ?? undefined}>
                <span className={`badge badge--${BADGE[s.state]}`}>{WORD[s.state]}</span>
                <span className="source__kind muted">{s.kind}</span>
                {s.link ? <TabLink target={s.link}>{s.name}</TabLink> : <span>{s.name}</span>}
                {s.detail && s.state !== 'ok' && <span className="source__detail muted">{s.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </ResourceView>
    </section>
  );
}
