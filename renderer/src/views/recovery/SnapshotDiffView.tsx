import { ResourceView } from '../../components/ResourceView';
import { useCall } from '../../state/useCall';

/** What changed between two snapshots: paths added, removed and changed. */
export function SnapshotDiffView({ a, b }: { a: string; b: string }) {
  const { resource, retry } = useCall('recovery.snapshot.diff', { a, b });
  return (
    <div className="recovery-diff" data-testid="snapshot-diff">
      <h3>
        Changes from <span className="mono">{a.slice(0, 8)}</span> to <span className="mono">{b.slice(0, 8)}</span>
      </h3>
      <ResourceView resource={resource} onRetry={retry}>
        {(d) =>
          d.added.length + d.removed.length + d.changed.length === 0 ? (
            <p className="muted">No differences.</p>
          ) : (
            <ul className="mono">
              {d.added.map((p) => (
                <li key={`+${p}`} className="recovery-diff__added">+ {p}</li>
              ))}
              {d.removed.map((p) => (
                <li key={`-${p}`} className="recovery-diff__removed">- {p}</li>
              ))}
              {d.changed.map((p) => (
                <li key={`~${p}`}>~ {p}</li>
              ))}
            </ul>
          )
        }
      </ResourceView>
    </div>
  );
}
