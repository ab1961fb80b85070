import type { ReadinessReport, ReadinessRuleInfo, ReadinessSeverity } from '@contract';
import { useMemo, useState } from 'react';
import { FilterSelect } from '../../containers/FilterSelect';

const SEVERITIES: ReadinessSeverity[] = ['critical', 'high', 'medium', 'low'];
const BADGE: Record<ReadinessSeverity, string> = { critical: 'critical', high: 'critical', medium: 'warning', low: 'info' };

/** Each workload's score and findings, filtered by namespace, severity and name. */
export function WorkloadFindings({ report, rules }: { report: ReadinessReport; rules: ReadinessRuleInfo[] }) {
  const [namespace, setNamespace] = useState('');
  const [severity, setSeverity] = useState<ReadinessSeverity | ''>('');
  const [text, setText] = useState('');
  const [failingOnly, setFailingOnly] = useState(true);
  const ruleById = useMemo(() => new Map(rules.map((r) => [r.id, r])), [rules]);

  const shown = report.workloads.filter(
    (w) =>
      (!namespace || w.namespace === namespace) &&
      (!text || w.name.includes(text.trim())) &&
      (!failingOnly || w.findings.length > 0) &&
      (!severity || w.findings.some((f) => f.severity === severity)),
  );

  return (
    <section aria-label="Workload findings">
      <div className="section-head">
        <h2>Workloads</h2>
        <span className="muted" data-testid="readiness-workloads" data-count={shown.length}>
          {shown.length} of {report.workloads.length}
        </span>
      </div>
      <div className="pod-filters" role="search" aria-label="Filter workloads">
        <FilterSelect label="Namespace" value={namespace} anyLabel="All" options={report.namespaces.map((n) => n.namespace)} onChange={setNamespace} />
        <FilterSelect label="Severity" value={severity} anyLabel="Any" options={SEVERITIES} onChange={(v) => setSeverity(v as ReadinessSeverity | '')} />
        <label className="pod-filters__field pod-filters__field--wide">
          <span>Name contains</span>
          <input type="search" value={text} onChange={(e) => setText(e.target.value)} spellCheck={false} />
        </label>
        <label className="pod-filters__check">
          <input type="checkbox" checked={failingOnly} onChange={(e) => setFailingOnly(e.target.checked)} /> With findings only
        </label>
      </div>
      <table className="table" aria-label="Workload readiness">
        <thead>
          <tr>
            <th scope="col">Workload</th>
            <th scope="col">Score</th>
            <th scope="col">Findings</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((w) => (
            <tr key={`${w.kind}/${w.namespace}/${w.name}`} data-workload={`${w.namespace}/${w.name}`} data-score={w.score}>
              <td>
                <div>
                  {w.namespace}/<strong>{w.name}</strong>
                </div>
                <div className="muted">
                  {w.kind}
                  {w.critical ? ' · critical' : ''}
                </div>
              </td>
              <td className="mono">{w.score}</td>
              <td>
                {w.findings.length === 0 ?
                  <span className="badge badge--ok">passes every rule</span>
                : <ul className="readiness__findings">
                    {w.findings.map((f, i) => (
                      <li key={i} data-rule={f.rule}>
                        <span className={`badge badge--${BADGE[f.severity]}`}>{f.severity}</span> <strong>{ruleById.get(f.rule)?.title ?? f.rule}</strong>
                        {f.subject && <span className="mono"> {f.subject}</span>}: {f.message}
                        <div className="muted">{ruleById.get(f.rule)?.fix}</div>
                      </li>
                    ))}
                  </ul>
                }
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
