import { ResourceView } from '../../components/ResourceView';
import { JobsSection } from './JobsSection';
import { OffsiteSection } from './OffsiteSection';
import { PlansSection } from './PlansSection';
import { RepositorySetup } from './RepositorySetup';
import { SnapshotsSection } from './SnapshotsSection';
import { TargetsSection } from './TargetsSection';
import { useRecovery } from './useRecovery';
import './recovery.css';

/** Disaster Recovery: the repository, what is backed up, snapshots, operations, recovery plans and drills. */
export function RecoveryView() {
  const data = useRecovery();
  return (
    <div className="recovery-view" data-testid="recovery-view">
      <ResourceView resource={data.repository.resource} onRetry={data.repository.load} loadingLabel="Opening the backup repository…">
        {(status) =>
          !status.configured || status.problem ? (
            <RepositorySetup problem={status.problem} path={status.path} />
          ) : (
            <>
              <p className="muted recovery-repo" data-testid="recovery-repo">
                Repository <span className="mono">{status.path}</span> · {status.snapshotCount} snapshot{status.snapshotCount === 1 ? '' : 's'}
              </p>
              <TargetsSection data={data} />
              <JobsSection data={data} />
              <SnapshotsSection data={data} />
              <PlansSection data={data} />
              <OffsiteSection />
            </>
          )
        }
      </ResourceView>
    </div>
  );
}
