import type { RecoveryJob } from '@contract';
import { useNewestAnswer } from '../../components/useNewestAnswer';
import { useHostEvent } from '../../state/useHostEvent';

/** Every list the tab shows, each read again when the host says it changed; jobs follow their events live. */
export function useRecovery() {
  const repository = useNewestAnswer('recovery.repository.status', {});
  const targets = useNewestAnswer('recovery.targets.list', {});
  const snapshots = useNewestAnswer('recovery.snapshots', {});
  const jobs = useNewestAnswer('recovery.jobs.list', {});
  const plans = useNewestAnswer('recovery.plans.list', {});
  const drills = useNewestAnswer('recovery.drills.list', {});

  useHostEvent('recovery.changed', ({ what }) => {
    if (what === 'repository') {
      repository.load();
      snapshots.load();
    }
    if (what === 'targets') targets.load();
    if (what === 'snapshots') {
      snapshots.load();
      repository.load();
    }
    if (what === 'plans') plans.load();
    if (what === 'drills') drills.load();
  });

  useHostEvent('recovery.job', (job) => {
    if (jobs.resource.status !== 'ready') return jobs.load();
    const rest = jobs.resource.data.filter((j: RecoveryJob) => j.id !== job.id);
    jobs.receive([job, ...rest].sort((a, b) => Number(b.state === 'running') - Number(a.state === 'running') || b.startedAt - a.startedAt));
  });

  return { repository, targets, snapshots, jobs, plans, drills };
}

export type RecoveryData = ReturnType<typeof useRecovery>;
