import type { RuleGroupInfo } from '@contract';
import { EmptyState } from '../../../components/EmptyState';
import { formatInterval } from '../../../format/duration';
import { formatTimestamp } from '../../../format/time';

const never = (ts: number | null) => (ts === null ? 'not yet' : formatTimestamp(ts));

/** Each group with its rules: expression, for, health, last evaluation and the error as Prometheus words it. */
export function RuleGroups({ groups }: { groups: RuleGroupInfo[] }) {
  if (groups.length === 0)
    return (
      <EmptyState title="No alert rules">
        No rule file holds a group. Rule files are YAML in Prometheus&apos;s format, in the rules folder listed below; write one there or create
        one with the editor.
      </EmptyState>
    );
  return (
    <>
      {groups.map((g) => (
        <section key={`${g.file}/${g.name}`} className="rule-group" aria-label={`Rule group ${g.name}`}>
          <h3>
            {g.name} <span className="muted mono">{g.file}</span> <span className="badge">{g.source}</span>
            {g.readOnly && <span className="badge">default</span>}
          </h3>
          <p className="muted">
            Every {formatInterval(g.intervalMs)} · last evaluated {never(g.lastEvalAt)}
          </p>
          <table className="table" aria-label={`Rules of ${g.name}`}>
            <thead>
              <tr>
                <th scope="col">Alert</th>
                <th scope="col">Expression</th>
                <th scope="col">For</th>
                <th scope="col">Health</th>
                <th scope="col">Last evaluation</th>
                <th scope="col">Active</th>
              </tr>
            </thead>
            <tbody>
              {g.rules.map((r) => (
                <tr key={`${r.alert}:${r.line}`} data-rule={r.alert} data-health={r.health}>
                  <td className="mono">{r.alert}</td>
                  <td className="mono rule-expr">
                    {r.expr}
                    {r.lastError && <div className="rule-error">{r.lastError}</div>}
                  </td>
                  <td>{r.forMs ? formatInterval(r.forMs) : '—'}</td>
                  <td>
                    <span className={`badge badge--${r.health === 'ok' ? 'ok' : r.health === 'err' ? 'critical' : 'info'}`}>{r.health}</span>
                  </td>
                  <td>{never(r.lastEvalAt)}</td>
                  <td>{r.activeCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ))}
    </>
  );
}
