import type { PlanStep, RecoveryTarget } from '@contract';
import { parseRestoreInto, restoreIntoText } from '@contract/types';

/** A plan step as the editor holds it: every field as text, whatever the kind. */
export interface StepDraft {
  kind: PlanStep['kind'];
  targetId: string;
  snapshotId: string;
  /** Restore destination: folder, database, volume, or "from=to" namespace pairs. */
  into: string;
  context: string;
  namespace: string;
  deployment: string;
  replicas: string;
  timeoutSeconds: string;
  database: string;
  query: string;
  expect: string;
  path: string;
  sha256: string;
}

export const STEP_KINDS: { kind: PlanStep['kind']; label: string }[] = [
  { kind: 'restore', label: 'Restore a target' },
  { kind: 'scale', label: 'Scale a deployment' },
  { kind: 'wait-ready', label: 'Wait for readiness' },
  { kind: 'check-sql', label: 'Check with SQL' },
  { kind: 'check-file', label: 'Check a file hash' },
];

export function emptyStep(kind: PlanStep['kind'] = 'restore'): StepDraft {
  return { kind, targetId: '', snapshotId: '', into: '', context: '', namespace: '', deployment: '', replicas: '1', timeoutSeconds: '300', database: '', query: '', expect: '', path: '', sha256: '' };
}

export function draftOfStep(s: PlanStep): StepDraft {
  const d = emptyStep(s.kind);
  switch (s.kind) {
    case 'restore':
      return { ...d, targetId: s.targetId, snapshotId: s.snapshotId ?? '', into: restoreIntoText(s.into) };
    case 'scale':
      return { ...d, context: s.context, namespace: s.namespace, deployment: s.deployment, replicas: String(s.replicas) };
    case 'wait-ready':
      return { ...d, context: s.context, namespace: s.namespace, deployment: s.deployment, timeoutSeconds: String(Math.round(s.timeoutMs / 1000)) };
    case 'check-sql':
      return { ...d, targetId: s.targetId, database: s.database, query: s.query, expect: s.expect };
    case 'check-file':
      return { ...d, path: s.path, sha256: s.sha256 };
  }
}

/** The step to save, or null while a field is missing; the host validates the rest. */
export function stepOf(d: StepDraft, targets: RecoveryTarget[]): PlanStep | null {
  switch (d.kind) {
    case 'restore': {
      const target = targets.find((t) => t.id === d.targetId);
      const into = target ? parseRestoreInto(target.spec.kind, d.into) : null;
      return target && into ? { kind: 'restore', targetId: target.id, snapshotId: d.snapshotId.trim() || null, into } : null;
    }
    case 'scale': {
      const replicas = Number(d.replicas);
      return d.context && d.namespace && d.deployment && Number.isInteger(replicas) && replicas >= 0
        ? { kind: 'scale', context: d.context.trim(), namespace: d.namespace.trim(), deployment: d.deployment.trim(), replicas }
        : null;
    }
    case 'wait-ready': {
      const seconds = Number(d.timeoutSeconds);
      return d.context && d.namespace && d.deployment && seconds >= 1
        ? { kind: 'wait-ready', context: d.context.trim(), namespace: d.namespace.trim(), deployment: d.deployment.trim(), timeoutMs: Math.round(seconds * 1000) }
        : null;
    }
    case 'check-sql':
      return d.targetId && d.database && d.query.trim() ? { kind: 'check-sql', targetId: d.targetId, database: d.database.trim(), query: d.query.trim(), expect: d.expect.trim() } : null;
    case 'check-file':
      return d.path.startsWith('/') && /^[0-9a-f]{64}$/.test(d.sha256.trim()) ? { kind: 'check-file', path: d.path.trim(), sha256: d.sha256.trim() } : null;
  }
}
