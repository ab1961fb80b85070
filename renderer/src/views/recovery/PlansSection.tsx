import type { RecoveryPlan } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { EmptyState } from '../../components/EmptyState';
import { ResourceView } from '../../components/ResourceView';
import { formatTimestamp } from '../../format/time';
import { useApp } from '../../state/StoreProvider';
import { DeleteDialog } from './DeleteDialog';
import { DrillChart } from './DrillChart';
import { msText } from './format';
import { PlanDialog } from './PlanDialog';
import { StepList } from './StepList';
import type { RecoveryData } from './useRecovery';
import { SmallButton } from '../../components/SmallButton';

function PlanCard({ plan, data, onEdit, onDelete }: { plan: RecoveryPlan; data: RecoveryData; onEdit(): void; onDelete(): void }) {
  const client = useApp((s) => s.client);
  const [error, setError] = useState<string | null>(null);
  const [confirmRun, setConfirmRun] = useState(false);
  const drills = data.drills.resource.status === 'ready' ? data.drills.resource.data.filter((d) => d.planId === plan.id) : [];
  const last = drills[0];
  const live = data.jobs.resource.status === 'ready' ? data.jobs.resource.data.find((j) => (j.kind === 'drill' || j.kind === 'plan') && j.subject === plan.name && j.state === 'running') : undefined;
  const act = (p: Promise<unknown>) => p.then(() => setError(null), (err: Error) => setError(err.message));
  return (
    <article className="recovery-plan" data-plan={plan.name}>
      <div className="section-head">
        <h3>{plan.name}</h3>
        <span className="recovery-actions">
          {last ? (
            <span className={`badge badge--${last.rtoMet ? 'ok' : 'critical'}`}>{last.rtoMet ? 'RTO met' : 'RTO missed'}</span>
          ) : (
            <span className="badge badge--warning">never drilled</span>
          )}
          <span className="muted">RTO {msText(plan.rtoObjectiveMs)}</span>
          <button type="button" className="button button--small" disabled={!!live} onClick={() => act(client.call('recovery.drills.run', { planId: plan.id }))}>
            Drill
          </button>
          <SmallButton disabled={!!live} onClick={() => setConfirmRun(true)}>
            Run for real…
          </SmallButton>
          <SmallButton onClick={onEdit}>
            Edit
          </SmallButton>
          <SmallButton onClick={onDelete}>
            Delete
          </SmallButton>
        </span>
      </div>
      {error && <p className="banner banner--error">{error}</p>}
      {live?.steps ? <StepList steps={live.steps} /> : <StepList steps={plan.steps.map((_, i) => ({ index: i, title: last?.steps[i]?.title ?? `Step ${i + 1}: ${plan.steps[i]!.kind}`, state: 'pending', message: null, startedAt: null, finishedAt: null }))} />}
      {drills.length > 0 && (
        <>
          <DrillChart drills={drills} rtoMs={plan.rtoObjectiveMs} />
          <table className="table" aria-label={`Drills of ${plan.name}`}>
            <thead>
              <tr>
                <th scope="col">Drill</th>
                <th scope="col">Result</th>
                <th scope="col">Took</th>
                <th scope="col">RTO</th>
              </tr>
            </thead>
            <tbody>
              {drills.slice(0, 10).map((d) => (
                <tr key={d.id}>
                  <td>{formatTimestamp(d.startedAt)}</td>
                  <td>
                    <span className={`badge badge--${d.succeeded ? 'ok' : 'critical'}`}>{d.succeeded ? 'restored and checked' : 'failed'}</span>
                    {d.message && <div className="rule-error">{d.message}</div>}
                  </td>
                  <td>{msText(d.durationMs)}</td>
                  <td>{d.rtoMet ? 'met' : 'missed'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </>
      )}
      {confirmRun && (
        <ConfirmDialog
          title={`Run ${plan.name}`}
          statement="This runs every step for real: restores write into the named databases, namespaces, volumes and folders. If a step fails you can roll back what was done."
          confirmLabel="Run plan"
          onClose={() => setConfirmRun(false)}
          onConfirm={async () => {
            await client.call('recovery.plans.run', { id: plan.id });
            setConfirmRun(false);
          }}
        />
      )}
    </article>
  );
}

/** Recovery plans with their steps, live runs, and drill history against the RTO. */
export function PlansSection({ data }: { data: RecoveryData }) {
  const client = useApp((s) => s.client);
  const [editing, setEditing] = useState<RecoveryPlan | 'new' | null>(null);
  const [deleting, setDeleting] = useState<RecoveryPlan | null>(null);
  const targets = data.targets.resource.status === 'ready' ? data.targets.resource.data : [];
  return (
    <section aria-label="Recovery plans">
      <div className="section-head">
        <h2>Recovery plans and drills</h2>
        <button type="button" className="button button--small" disabled={targets.length === 0} onClick={() => setEditing('new')}>
          New plan…
        </button>
      </div>
      <ResourceView resource={data.plans.resource} onRetry={data.plans.load}>
        {(plans) =>
          plans.length === 0 ? (
            <EmptyState title="No recovery plans">
              A plan lists the steps that bring a service back (restore its database and namespace, scale it up, wait for readiness, check row counts or file
              hashes). Drill it to prove it works and measure its RTO.
            </EmptyState>
          ) : (
            plans.map((p) => <PlanCard key={p.id} plan={p} data={data} onEdit={() => setEditing(p)} onDelete={() => setDeleting(p)} />)
          )
        }
      </ResourceView>
      {editing && <PlanDialog plan={editing === 'new' ? null : editing} targets={targets} onClose={() => setEditing(null)} />}
      {deleting && (
        <DeleteDialog
          what="plan"
          statement={`Delete recovery plan ${deleting.name}? Its drill history stays.`}
          onDelete={() => client.call('recovery.plans.delete', { id: deleting.id })}
          onClose={() => setDeleting(null)}
        />
      )}
    </section>
  );
}
