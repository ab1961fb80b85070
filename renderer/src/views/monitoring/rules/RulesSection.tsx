import { ResourceView } from '../../../components/ResourceView';
import { useNewestAnswer } from '../../../components/useNewestAnswer';
import { useEvery } from '../../../components/useEvery';
import { useRefreshingCall } from '../../../state/useRefreshingCall';
import type { MonitoringRoute } from '../monitoringRoute';
import { RuleFiles } from './RuleFiles';
import { RuleGroups } from './RuleGroups';
import { RuleSourcePicker } from './RuleSourcePicker';

/** Rules evaluate every few seconds; their health follows at about that pace. */
const REFRESH_MS = 10_000;

interface Props {
  route: MonitoringRoute;
  onRoute(patch: Partial<MonitoringRoute>): void;
}

/** The loaded rule groups with each rule's health, the rule files with an editor, and the rules' Prometheus source. */
export function RulesSection({ route, onRoute }: Props) {
  const rules = useNewestAnswer('rules.list', {});
  const files = useRefreshingCall('rules.files', {});
  useEvery(REFRESH_MS, rules.load);
  const reload = () => {
    rules.load();
    files.refresh();
  };

  return (
    <section aria-label="Rules">
      <ResourceView resource={rules.resource} onRetry={rules.load} loadingLabel="Loading rules…" errorTitle="Could not load the rules">
        {(list) => (
          <>
            <RuleSourcePicker list={list} onChanged={rules.receive} />
            {list.problems.length > 0 && (
              <ul className="banner banner--error" aria-label="Rule files not loaded">
                {list.problems.map((p, i) => (
                  <li key={i}>
                    <span className="mono">
                      {p.file}:{p.line}:{p.column}
                    </span>{' '}
                    {p.message}
                  </li>
                ))}
              </ul>
            )}
            <RuleGroups groups={list.groups} />
          </>
        )}
      </ResourceView>
      <ResourceView resource={files.resource} onRetry={files.refresh} loadingLabel="Loading rule files…" errorTitle="Could not list the rule files">
        {(list) => <RuleFiles files={list} open={route.file} onOpen={(file) => onRoute({ file })} onSaved={reload} />}
      </ResourceView>
    </section>
  );
}
