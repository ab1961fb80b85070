import type { NamespaceReadiness } from '@contract';
import { saveTextFile } from '../../../components/saveTextFile';
import { errorMessage } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { useState } from 'react';
import { SmallButton } from '../../../components/SmallButton';

/** Go or no-go per namespace, with the export of its report and the way into its tuning. */
export function NamespaceVerdicts({ context, namespaces, onTune }: { context: string; namespaces: NamespaceReadiness[]; onTune(namespace: string): void }) {
  const client = useApp((s) => s.client);
  const [error, setError] = useState<string | null>(null);
  const exportReport = async (namespace: string, format: 'markdown' | 'csv') => {
    setError(null);
    try {
      const out = await client.call('readiness.export', { context, namespace, format });
      saveTextFile(out.fileName, out.text);
    } catch (err) {
      setError(errorMessage(err));
    }
  };
  return (
    <>
      {error && <p className="banner banner--error">{error}</p>}
      <table className="table" aria-label="Namespace verdicts">
        <thead>
          <tr>
            <th scope="col">Namespace</th>
            <th scope="col">Verdict</th>
            <th scope="col">Score</th>
            <th scope="col">Workloads</th>
            <th scope="col">Findings (critical / high / medium / low)</th>
            <th scope="col">Report</th>
          </tr>
        </thead>
        <tbody>
          {namespaces.map((n) => (
            <tr key={n.namespace} data-namespace={n.namespace} data-verdict={n.verdict}>
              <td>{n.namespace}</td>
              <td title={n.reasons.join('; ') || undefined}>
                <span className={`badge badge--${n.verdict === 'go' ? 'ok' : 'critical'}`}>{n.verdict}</span>
              </td>
              <td className="mono">{n.score}</td>
              <td className="mono">{n.workloads}</td>
              <td className="mono">
                {n.findings.critical} / {n.findings.high} / {n.findings.medium} / {n.findings.low}
              </td>
              <td className="readiness__actions">
                <SmallButton onClick={() => void exportReport(n.namespace, 'markdown')}>
                  Markdown
                </SmallButton>
                <SmallButton onClick={() => void exportReport(n.namespace, 'csv')}>
                  CSV
                </SmallButton>
                <SmallButton onClick={() => onTune(n.namespace)}>
                  Tune rules…
                </SmallButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
