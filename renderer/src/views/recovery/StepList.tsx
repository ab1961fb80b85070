import type { PlanStepStatus } from '@contract';

const STEP_BADGE: Record<PlanStepStatus['state'], string> = {
  pending: 'info',
  running: 'pending',
  succeeded: 'ok',
  failed: 'critical',
  skipped: 'info',
  'rolled-back': 'warning',
};

/** A plan's steps with their live state, as a run or a drill goes through them. */
export function StepList({ steps }: { steps: PlanStepStatus[] }) {
  return (
    <ol className="recovery-steps" aria-label="Steps">
      {steps.map((s) => (
        <li key={s.index} data-state={s.state}>
          <span className={`badge badge--${STEP_BADGE[s.state]}`}>{s.state}</span> {s.title}
          {s.message && <span className="muted"> — {s.message}</span>}
        </li>
      ))}
    </ol>
  );
}
