import type { DockerPrunePlan, DockerPruneResult, DockerPruneTarget } from '@contract';
import { DOCKER_PRUNE_TARGETS } from '@contract/types';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { LoadError } from '../../components/LoadError';
import { Loading } from '../../components/Loading';
import { formatBytes } from '../../format/bytes';
import { useApp } from '../../state/StoreProvider';
import { useCall } from '../../state/useCall';
import { shortId } from './containerFormat';

const TARGET_LABELS: Record<DockerPruneTarget, string> = { containers: 'Stopped containers', images: 'Dangling images', volumes: 'Unused volumes' };

interface Props {
  engine: string;
  onClose(): void;
  onPruned(result: DockerPruneResult): void;
}

const sizeOf = (bytes: number | null) => (bytes === null ? '' : ` (${formatBytes(bytes)})`);

function PlanList({ plan }: { plan: DockerPrunePlan }) {
  const groups = [
    { key: 'containers', label: 'Stopped containers', items: plan.containers.map((c) => `${c.name}${sizeOf(c.sizeBytes)}`) },
    { key: 'images', label: 'Dangling images', items: plan.images.map((i) => `${i.tags[0] ?? shortId(i.id)}${sizeOf(i.sizeBytes)}`) },
    { key: 'volumes', label: 'Unused volumes', items: plan.volumes.map((v) => `${v.name}${sizeOf(v.sizeBytes)}`) },
  ].filter((g) => g.items.length > 0);
  if (groups.length === 0) return <p className="note">Nothing to remove: there are no stopped containers, dangling images or unused volumes of the chosen kinds.</p>;
  return (
    <div className="prune-plan" data-testid="prune-plan" data-reclaimable={plan.reclaimableBytes}>
      {groups.map((g) => (
        <div key={g.key} data-prune-group={g.key}>
          <h3>
            {g.label} ({g.items.length})
          </h3>
          <ul className="mono">
            {g.items.map((item, i) => (
              <li key={i}>{item}</li>
            ))}
          </ul>
        </div>
      ))}
    </div>
  );
}

const countOf = (plan: DockerPrunePlan) => plan.containers.length + plan.images.length + plan.volumes.length;

/** Choose what to prune, see exactly what would go and the space it frees, then confirm. */
export function PruneDialog({ engine, onClose, onPruned }: Props) {
  const client = useApp((s) => s.client);
  const [targets, setTargets] = useState<DockerPruneTarget[]>([...DOCKER_PRUNE_TARGETS]);
  const preview = useCall('docker.prunePreview', { engine, targets: targets.length ? targets : ['containers'] });
  const plan = preview.resource.status === 'ready' && targets.length > 0 ? preview.resource.data : null;
  const statement = plan
    ? countOf(plan) > 0
      ? `Remove ${plan.containers.length} stopped containers, ${plan.images.length} dangling images and ${plan.volumes.length} unused volumes from engine ${engine}, freeing about ${formatBytes(plan.reclaimableBytes)}? This cannot be undone.`
      : `Nothing to prune on engine ${engine}.`
    : `Prune engine ${engine}: choose what to remove.`;

  const toggle = (t: DockerPruneTarget, on: boolean) => setTargets((old) => DOCKER_PRUNE_TARGETS.filter((x) => (x === t ? on : old.includes(x))));

  return (
    <ConfirmDialog
      title="Prune"
      statement={statement}
      confirmLabel="Prune"
      confirmDisabled={!plan || countOf(plan) === 0}
      onClose={onClose}
      onConfirm={async () => onPruned(await client.call('docker.prune', { engine, targets }))}
    >
      <fieldset className="prune-targets">
        <legend>Remove</legend>
        {DOCKER_PRUNE_TARGETS.map((t) => (
          <label key={t} className="form-check">
            <input type="checkbox" checked={targets.includes(t)} onChange={(e) => toggle(t, e.target.checked)} />
            {TARGET_LABELS[t]}
          </label>
        ))}
      </fieldset>
      {targets.length > 0 && preview.resource.status === 'loading' && <Loading label="Working out what would be removed…" />}
      {targets.length > 0 && preview.resource.status === 'error' && <LoadError title="Could not preview the prune" message={preview.resource.message} onRetry={preview.retry} />}
      {plan && <PlanList plan={plan} />}
    </ConfirmDialog>
  );
}
