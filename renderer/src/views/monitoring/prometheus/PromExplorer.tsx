import type { PromData, PromSourceInfo } from '@contract';
import { useState, type KeyboardEvent } from 'react';
import { Loading } from '../../../components/Loading';
import { RangePicker } from '../../overview/RangePicker';
import { RESULT_VIEWS, type MonitoringRoute, type QueryMode } from '../monitoringRoute';
import type { ExplorerRun } from './explorerQuery';
import { PromChart } from './PromChart';
import { PromTable } from './PromTable';
import { useExplorerResult } from './useExplorerResult';

interface Props {
  sources: PromSourceInfo[];
  route: MonitoringRoute;
  onRoute(patch: Partial<MonitoringRoute>): void;
}

const MODES: [QueryMode, string][] = [
  ['range', 'Range'],
  ['instant', 'Instant'],
];

/** A PromQL expression run on a source, instant or over a range, shown as a chart or a table. */
export function PromExplorer({ sources, route, onRoute }: Props) {
  const source = sources.find((s) => s.id === route.source) ?? sources.find((s) => s.state === 'connected') ?? sources[0]!;
  const [expr, setExpr] = useState(route.expr);
  const [run, setRun] = useState<ExplorerRun | null>(null);
  const result = useExplorerResult(run);

  const start = () => {
    const trimmed = expr.trim();
    if (!trimmed) return;
    onRoute({ expr: trimmed });
    setRun({ source: source.id, expr: trimmed, mode: route.mode, range: route.range, stepSeconds: route.step, at: Date.now() });
  };
  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      start();
    }
  };

  return (
    <section className="prom-explorer" aria-label="PromQL explorer">
      <div className="section-head">
        <h2>PromQL explorer</h2>
        <label className="pod-filters__field">
          <span>Source</span>
          <select aria-label="Query source" value={source.id} onChange={(e) => onRoute({ source: Number(e.target.value) })}>
            {sources.map((s) => (
              <option key={s.id} value={s.id}>
                {s.name} ({s.state})
              </option>
            ))}
          </select>
        </label>
      </div>
      <textarea
        className="input prom-explorer__expr mono"
        aria-label="PromQL expression"
        data-testid="promql-input"
        rows={2}
        spellCheck={false}
        placeholder="e.g. rate(node_cpu_seconds_total[5m]) (Ctrl+Enter runs)"
        value={expr}
        onChange={(e) => setExpr(e.target.value)}
        onKeyDown={onKeyDown}
      />
      <div className="prom-explorer__controls">
        <div className="segmented" role="group" aria-label="Query type">
          {MODES.map(([mode, label]) => (
            <button key={mode} type="button" className="segmented__option" aria-pressed={route.mode === mode} onClick={() => onRoute({ mode })}>
              {label}
            </button>
          ))}
        </div>
        {route.mode === 'range' && (
          <>
            <RangePicker value={route.range} onChange={(range) => onRoute({ range })} />
            <label className="pod-filters__field">
              <span>Step (s)</span>
              <input
                type="number"
                min={0}
                aria-label="Step in seconds"
                placeholder="auto"
                value={route.step || ''}
                onChange={(e) => onRoute({ step: Math.max(0, Math.floor(Number(e.target.value) || 0)) })}
              />
            </label>
          </>
        )}
        <button type="button" className="button button--primary" onClick={start} disabled={!expr.trim()}>
          Run
        </button>
        <div className="segmented" role="group" aria-label="Result view">
          {RESULT_VIEWS.map((view) => (
            <button key={view} type="button" className="segmented__option" aria-pressed={route.result === view} onClick={() => onRoute({ result: view })}>
              {view === 'chart' ? 'Chart' : 'Table'}
            </button>
          ))}
        </div>
      </div>
      {result?.status === 'loading' && <Loading label="Querying…" />}
      {result?.status === 'error' && (
        <p className="banner banner--error" role="alert" data-testid="promql-error">
          {result.message}
        </p>
      )}
      {result?.status === 'ready' && (
        <>
          {result.data.warnings.map((w) => (
            <p key={w} className="banner banner--info">
              {w}
            </p>
          ))}
          {result.data.truncated && (
            <p className="note">
              Prometheus answered {result.data.totalSeries} series; Opsdeck keeps the first {seriesCount(result.data.data)}.
            </p>
          )}
          {route.result === 'chart' && result.data.data.resultType === 'matrix' ? (
            <PromChart series={result.data.data.series} />
          ) : (
            <>
              {route.result === 'chart' && <p className="note">An instant query has one value per series: it is shown as a table. Choose Range for a chart.</p>}
              <PromTable data={result.data.data} />
            </>
          )}
        </>
      )}
    </section>
  );
}

const seriesCount = (data: PromData): number => ('series' in data ? data.series.length : 1);
