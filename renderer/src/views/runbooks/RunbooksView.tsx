import { EmptyState } from '../../components/EmptyState';
import { useHashQuery } from '../../components/useHashQuery';
import { LibrarySources } from './LibrarySources';
import { RunbookDetail } from './RunbookDetail';
import { runbooksRouteFromHash, hashWithRunbooksRoute } from './runbooksRoute';
import { RunPanel } from './RunPanel';
import { SearchPanel } from './SearchPanel';
import '../../components/k8s/k8s.css';
import './runbooks.css';

/** Runbooks: search the library, read a runbook offline, and run it step by step. */
export function RunbooksView() {
  const [route, setRoute] = useHashQuery(runbooksRouteFromHash, hashWithRunbooksRoute);
  return (
    <div className="runbooks">
      <div className="runbooks__list">
        <SearchPanel route={route} onRoute={setRoute} />
        <LibrarySources />
      </div>
      <div className="runbooks__main">
        {route.run !== null ? (
          <RunPanel key={route.run} id={route.run} onRoute={setRoute} />
        ) : route.runbook !== null ? (
          <RunbookDetail key={`${route.runbook}-${route.alert}`} id={route.runbook} alertId={route.alert} onRoute={setRoute} />
        ) : (
          <EmptyState title="Choose a runbook" source="Runbooks are Markdown files: the built-in library, and folders of your own added under Runbook folders.">
            Search by alert name, symptom or command (press / to jump to the search box), open a runbook to read it, and start a guided run to work through its
            steps with every action confirmed and recorded.
          </EmptyState>
        )}
      </div>
    </div>
  );
}
