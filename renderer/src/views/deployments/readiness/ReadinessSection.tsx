import type { ReadinessTuningEntry } from '@contract';
import { useState } from 'react';
import { Loading } from '../../../components/Loading';
import { ResourceView } from '../../../components/ResourceView';
import { formatTimestamp } from '../../../format/time';
import { useCall } from '../../../state/useCall';
import { NamespaceVerdicts } from './NamespaceVerdicts';
import { TuningDialog } from './TuningDialog';
import { useReadiness } from './useReadiness';
import { WorkloadFindings } from './WorkloadFindings';
import './readiness.css';

/**
 * Production readiness of one watched context's workloads: the cluster's score, go/no-go per
 * namespace with its exportable report and tuning, and every workload's findings.
 */
export function ReadinessSection({ contexts }: { contexts: string[] }) {
  const [context, setContext] = useState(contexts[0]!);
  const current = contexts.includes(context) ? context : contexts[0]!;
  const rules = useCall('readiness.rules', {});
  const { report, check, checking, checkError } = useReadiness(current);
  const tuning = useCall('readiness.tuning', { context: current });
  const [tuned, setTuned] = useState<ReadinessTuningEntry | null>(null);

  return (
    <div className="readiness" data-testid="readiness">
      <div className="section-head">
        <h2>Readiness</h2>
        {contexts.length > 1 && (
          <label className="pod-filters__field">
            <span>Context</span>
            <select value={current} onChange={(e) => setContext(e.target.value)}>
              {contexts.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
          </label>
        )}
        <button type="button" className="button" onClick={() => void check().then(tuning.retry)} disabled={checking}>
          {checking ? 'Checking…' : 'Check now'}
        </button>
        {report.status === 'ready' && report.data && <span className="muted">Checked {formatTimestamp(report.data.checkedAt)}</span>}
      </div>
      {checkError && <p className="banner banner--error">{checkError}</p>}
      <ResourceView resource={report} onRetry={() => void check()} loadingLabel="Loading the last report…" errorTitle="Could not load the readiness report">
        {(r) =>
          r === null ?
            checking ? <Loading label={`Checking the workloads of ${current}…`} />
            : <p className="note">
                {current} has not been checked yet. <strong>Check now</strong> reads its Deployments, StatefulSets, DaemonSets, PodDisruptionBudgets and service accounts and scores them against the rules.
              </p>

          : <>
              <p className="readiness__score" data-testid="readiness-score" data-score={r.score ?? ''}>
                Cluster score <strong>{r.score === null ? '—' : `${r.score}/100`}</strong> over {r.workloads.length} workloads in {r.namespaces.length} namespaces
              </p>
              <NamespaceVerdicts
                context={current}
                namespaces={r.namespaces}
                onTune={(ns) => {
                  const entry = tuning.resource.status === 'ready' ? tuning.resource.data.find((t) => t.namespace === ns) : undefined;
                  if (entry) setTuned(entry);
                }}
              />
              <WorkloadFindings report={r} rules={rules.resource.status === 'ready' ? rules.resource.data : []} />
            </>
        }
      </ResourceView>
      {tuned && rules.resource.status === 'ready' && (
        <TuningDialog
          context={current}
          namespace={tuned.namespace}
          rules={rules.resource.data}
          tuning={tuned.tuning}
          onClose={() => setTuned(null)}
          onSaved={() => {
            setTuned(null);
            tuning.retry();
            void check();
          }}
        />
      )}
    </div>
  );
}
