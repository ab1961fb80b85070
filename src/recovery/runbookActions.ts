import { z } from 'zod';
import { OpsdeckError, parseRestoreInto } from '../contract';
import { channels } from '../contract/channels';
import type { ActionKind } from '../runbooks/actions/registry';
import type { RecoveryEngine } from './recoveryEngine';

const targetName = z.string().trim().min(1).max(100);

/** Waits for the job and turns its end into the step's outcome: a failed job fails the step. */
async function outcome(engine: RecoveryEngine, jobId: string): Promise<{ message: string; auditId: null }> {
  const job = await engine.finished(jobId);
  if (job.state !== 'succeeded') throw new OpsdeckError('UNAVAILABLE', `The ${job.kind} ${job.state}: ${job.message ?? ''}`.trim());
  return { message: job.message ?? `The ${job.kind} succeeded.`, auditId: null };
}

/** Runbook steps that back up a target now, or restore its latest snapshot somewhere. */
export function recoveryActionKinds(engine: RecoveryEngine): ActionKind[] {
  return [
    {
      kind: 'backup',
      title: 'Back up a recovery target now',
      params: [{ name: 'target', label: 'Backup target', type: 'string', schema: targetName }],
      describe: (v) => `Back up ${String(v.target)} now and wait for the snapshot.`,
      run: async (v) => outcome(engine, engine.backup(engine.targetNamed(String(v.target)).id).id),
    },
    {
      kind: 'restore',
      title: "Restore a target's latest snapshot",
      params: [
        { name: 'target', label: 'Backup target', type: 'string', schema: targetName },
        { name: 'into', label: 'Restore into (folder, database, volume, or from=to namespaces)', type: 'string', schema: z.string().max(4096) },
      ],
      describe: (v) => `Restore the latest snapshot of ${String(v.target)} into ${String(v.into) || 'the same namespaces'}.`,
      run: async (v) => {
        const target = engine.targetNamed(String(v.target));
        const into = parseRestoreInto(target.spec.kind, String(v.into));
        const snapshot = await engine.latestSnapshotId(target.id);
        const checked = channels['recovery.restore'].input.safeParse({ snapshotId: snapshot, into });
        if (!into || !checked.success) throw new OpsdeckError('BAD_REQUEST', `${String(v.into)} is not a place a ${target.spec.kind} snapshot restores into.`);
        return outcome(engine, engine.restore(snapshot, checked.data.into).id);
      },
    },
  ];
}
