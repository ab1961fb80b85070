import { restoreIntoText, type PlanStep } from '../../contract';

/** A step in words, for the runner's live list. */
export function stepTitle(step: PlanStep, targetName: (id: string) => string): string {
  switch (step.kind) {
    case 'restore': {
      const what = step.snapshotId ? `snapshot ${step.snapshotId.slice(0, 8)}` : 'the latest snapshot';
      const where = restoreIntoText(step.into) || 'the same namespaces';
      return `Restore ${targetName(step.targetId)} (${what}) into ${step.into.kind === 'postgres' ? 'database ' : step.into.kind === 'docker-volume' ? 'volume ' : ''}${where}`;
    }
    case 'scale':
      return `Scale ${step.namespace}/${step.deployment} to ${step.replicas}`;
    case 'wait-ready':
      return `Wait for ${step.namespace}/${step.deployment} to be ready`;
    case 'check-sql':
      return `Check ${step.database}: ${step.query} = ${step.expect}`;
    case 'check-file':
      return `Check ${step.path} has SHA-256 ${step.sha256.slice(0, 12)}…`;
  }
}
