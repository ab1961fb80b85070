import type { RecoveryPlan, RecoveryTarget } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { useApp } from '../../state/StoreProvider';
import { TextField } from './TextField';
import { draftOfStep, emptyStep, STEP_KINDS, stepOf, type StepDraft } from './planDraft';
import { SmallButton } from '../../components/SmallButton';

function StepFields({ d, targets, set }: { d: StepDraft; targets: RecoveryTarget[]; set(patch: Partial<StepDraft>): void }) {
  const targetSelect = (only?: RecoveryTarget['spec']['kind']) => (
    <label className="form-field">
      Target
      <select value={d.targetId} onChange={(e) => set({ targetId: e.target.value })}>
        <option value="">Choose a target</option>
        {targets
          .filter((t) => !only || t.spec.kind === only)
          .map((t) => (
            <option key={t.id} value={t.id}>
              {t.name}
            </option>
          ))}
      </select>
    </label>
  );
  const kind = targets.find((t) => t.id === d.targetId)?.spec.kind;
  switch (d.kind) {
    case 'restore':
      return (
        <>
          {targetSelect()}
          <TextField label="Snapshot id (empty: the latest)" value={d.snapshotId} onChange={(snapshotId) => set({ snapshotId })} />
          <TextField
            label={kind === 'kubernetes' ? 'Namespaces (from=to, comma-separated; empty keeps them)' : kind === 'postgres' ? 'Database' : kind === 'docker-volume' ? 'Volume' : 'Destination folder'}
            value={d.into}
            onChange={(into) => set({ into })}
          />
        </>
      );
    case 'scale':
    case 'wait-ready':
      return (
        <>
          <TextField label="Context" value={d.context} onChange={(context) => set({ context })} />
          <TextField label="Namespace" value={d.namespace} onChange={(namespace) => set({ namespace })} />
          <TextField label="Deployment" value={d.deployment} onChange={(deployment) => set({ deployment })} />
          {d.kind === 'scale' ? (
            <TextField label="Replicas" value={d.replicas} onChange={(replicas) => set({ replicas })} />
          ) : (
            <TextField label="Timeout (seconds)" value={d.timeoutSeconds} onChange={(timeoutSeconds) => set({ timeoutSeconds })} />
          )}
        </>
      );
    case 'check-sql':
      return (
        <>
          {targetSelect('postgres')}
          <TextField label="Database" value={d.database} onChange={(database) => set({ database })} />
          <TextField label="Query (one value)" value={d.query} onChange={(query) => set({ query })} />
          <TextField label="Expected value" value={d.expect} onChange={(expect) => set({ expect })} />
        </>
      );
    case 'check-file':
      return (
        <>
          <TextField label="File" value={d.path} onChange={(path) => set({ path })} />
          <TextField label="SHA-256" value={d.sha256} onChange={(sha256) => set({ sha256 })} />
        </>
      );
  }
}

/** Edits a recovery plan: its ordered steps and its RTO objective. */
export function PlanDialog({ plan, targets, onClose }: { plan: RecoveryPlan | null; targets: RecoveryTarget[]; onClose(): void }) {
  const client = useApp((s) => s.client);
  const [name, setName] = useState(plan?.name ?? '');
  const [rto, setRto] = useState(String(Math.round((plan?.rtoObjectiveMs ?? 3_600_000) / 60_000)));
  const [steps, setSteps] = useState<StepDraft[]>(() => (plan ? plan.steps.map(draftOfStep) : [emptyStep()]));
  const built = steps.map((d) => stepOf(d, targets));
  const ready = name.trim() && Number(rto) >= 1 && built.length > 0 && built.every((s) => s !== null);
  const update = (i: number, patch: Partial<StepDraft>) => setSteps((all) => all.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: number) =>
    setSteps((all) => {
      const next = [...all];
      const [item] = next.splice(i, 1);
      next.splice(Math.max(0, Math.min(next.length, i + by)), 0, item!);
      return next;
    });

  return (
    <ConfirmDialog
      title={plan ? `Edit plan ${plan.name}` : 'New recovery plan'}
      statement="Steps run in order and stop at the first failure. A drill runs the same steps against scratch copies and measures the time against the RTO."
      confirmLabel="Save plan"
      confirmDisabled={!ready}
      onClose={onClose}
      onConfirm={async () => {
        await client.call('recovery.plans.save', { ...(plan ? { id: plan.id } : {}), name: name.trim(), rtoObjectiveMs: Math.round(Number(rto) * 60_000), steps: built.filter((s) => s !== null) });
        onClose();
      }}
    >
      <TextField label="Name" value={name} onChange={setName} />
      <TextField label="RTO objective (minutes)" value={rto} onChange={setRto} />
      <ol className="recovery-plan-steps">
        {steps.map((d, i) => (
          <li key={i} className={built[i] ? undefined : 'recovery-plan-steps--incomplete'}>
            <div className="recovery-actions">
              <select value={d.kind} aria-label={`Step ${i + 1} kind`} onChange={(e) => update(i, { ...emptyStep(e.target.value as StepDraft['kind']) })}>
                {STEP_KINDS.map((k) => (
                  <option key={k.kind} value={k.kind}>
                    {k.label}
                  </option>
                ))}
              </select>
              <SmallButton disabled={i === 0} onClick={() => move(i, -1)} aria-label="Move up">
                ↑
              </SmallButton>
              <SmallButton disabled={i === steps.length - 1} onClick={() => move(i, 1)} aria-label="Move down">
                ↓
              </SmallButton>
              <SmallButton disabled={steps.length === 1} onClick={() => setSteps((all) => all.filter((_, j) => j !== i))}>
                Remove
              </SmallButton>
            </div>
            <StepFields d={d} targets={targets} set={(patch) => update(i, patch)} />
          </li>
        ))}
      </ol>
      <SmallButton onClick={() => setSteps((all) => [...all, emptyStep('check-sql')])}>
        Add step
      </SmallButton>
    </ConfirmDialog>
  );
}
