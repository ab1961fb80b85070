import type { DockerPruneResult } from '@contract';
import { formatBytes } from '../../format/bytes';

/** What the engine says a prune removed and freed. */
export function PruneResult({ result, onDismiss }: { result: DockerPruneResult; onDismiss(): void }) {
  const { containers, images, volumes } = result.removed;
  return (
    <div className="banner banner--info prune-result" role="status" data-testid="prune-result" data-reclaimed={result.reclaimedBytes}>
      Pruned: {containers.length} containers, {images.length} images and {volumes.length} volumes removed; {formatBytes(result.reclaimedBytes)} freed.
      <button type="button" className="button button--ghost" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
    </div>
  );
}
