import type { RunbookFacet, RunbookSearchResult } from '@contract';
import { useRef } from 'react';
import { ResourceView } from '../../components/ResourceView';
import { useSettledInput } from '../../components/useSettledInput';
import { useSlashFocus } from '../../components/useSlashFocus';
import { Highlighted } from './Highlighted';
import type { RunbooksRoute } from './runbooksRoute';
import { useRunbookSearch } from './useRunbookSearch';

interface Props {
  route: RunbooksRoute;
  onRoute(patch: Partial<RunbooksRoute>): void;
}

function Filter({ label, value, facets, onChange }: { label: string; value: string; facets: RunbookFacet[]; onChange(v: string): void }) {
  return (
    <label className="runbook-search__filter">
      <span>{label}</span>
      <select className="input" value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">Any</option>
        {facets.map((f) => (
          <option key={f.value} value={f.value}>
            {f.value} ({f.count})
          </option>
        ))}
      </select>
    </label>
  );
}

function Results({ result, route, onRoute }: Props & { result: RunbookSearchResult }) {
  return (
    <>
      <div className="runbook-search__filters">
        <Filter label="Category" value={route.category} facets={result.facets.categories} onChange={(category) => onRoute({ category })} />
        <Filter label="Severity" value={route.severity} facets={result.facets.severities} onChange={(v) => onRoute({ severity: v as RunbooksRoute['severity'] })} />
        <Filter label="Tag" value={route.tag} facets={result.facets.tags} onChange={(tag) => onRoute({ tag })} />
      </div>
      <p className="muted" data-testid="runbook-count" data-count={result.total}>
        {result.total === 0 ? 'No runbook matches.' : `${result.total} ${result.total === 1 ? 'runbook' : 'runbooks'}`}
      </p>
      <ul className="runbook-hits" aria-label="Runbooks found">
        {result.hits.map((hit) => (
          <li key={hit.runbook.id}>
            <button
              type="button"
              className={`runbook-hit ${route.runbook === hit.runbook.id ? 'runbook-hit--open' : ''}`}
              aria-current={route.runbook === hit.runbook.id}
              data-runbook={hit.runbook.id}
              onClick={() => onRoute({ runbook: hit.runbook.id, run: null })}
            >
              <span className="runbook-hit__title">
                <Highlighted segments={hit.title} />
              </span>
              <span className="runbook-hit__meta">
                <span className={`badge badge--${hit.runbook.severity}`}>{hit.runbook.severity}</span> {hit.runbook.category}
                {hit.matchedTags.map((t) => (
                  <mark key={t} className="runbook-tag">
                    {t}
                  </mark>
                ))}
              </span>
              {hit.snippet.length > 0 && (
                <span className="runbook-hit__snippet">
                  <Highlighted segments={hit.snippet} />
                </span>
              )}
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** The search box, the filters and the highlighted results. "/" jumps to the box. */
export function SearchPanel({ route, onRoute }: Props) {
  const { resource, refresh } = useRunbookSearch(route);
  const input = useRef<HTMLInputElement>(null);
  useSlashFocus(input);
  const text = useSettledInput(route.text, (v) => onRoute({ text: v }));
  return (
    <section className="runbook-search" aria-label="Search runbooks">
      <label className="runbook-search__box">
        <span>Search runbooks</span>
        <input ref={input} className="input" type="search" placeholder="alert name, symptom, command…" title="Press / to jump here" spellCheck={false} {...text} />
      </label>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Searching…" errorTitle="Could not search the runbooks">
        {(result) => <Results result={result} route={route} onRoute={onRoute} />}
      </ResourceView>
    </section>
  );
}
