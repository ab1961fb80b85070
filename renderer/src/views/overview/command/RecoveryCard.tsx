import { Tile } from '../../../components/Tile';
import { useCall } from '../../../state/useCall';
import { TabLink } from './TabLink';

/** RPO and RTO status from the recovery engine's summary. */
export function RecoveryCard() {
  const { resource } = useCall('recovery.summary', {});
  if (resource.status === 'loading') return <Tile label="Recovery" data-testid="card-recovery" value="…" />;
  if (resource.status === 'error' || (resource.data.targets.length === 0 && resource.data.plans.length === 0)) {
    return (
      <Tile label="Recovery" data-testid="card-recovery" value="No backups" detail={resource.status === 'error' ? resource.message : 'Add a backup target and a recovery plan in the Disaster Recovery tab.'}>
        <TabLink target={{ tab: 'recovery' }}>Open Disaster Recovery</TabLink>
      </Tile>
    );
  }
  const { targets, plans } = resource.data;
  const rpoBreached = targets.filter((t) => t.rpoMet === false);
  const rtoMissed = plans.filter((p) => p.rtoMet === false);
  const undrilled = plans.filter((p) => p.lastDrillAt === null);
  const healthy = rpoBreached.length === 0 && rtoMissed.length === 0;
  return (
    <Tile
      label="Recovery"
      data-testid="card-recovery"
      value={<span className={`badge badge--${healthy ? 'ok' : 'critical'}`}>{healthy ? 'RPO and RTO met' : 'Objectives missed'}</span>}
      detail={`${targets.length - rpoBreached.length}/${targets.length} targets within RPO · ${plans.length - rtoMissed.length}/${plans.length} plans within RTO${undrilled.length ? ` · ${undrilled.length} never drilled` : ''}`}
    >
      {rpoBreached.length + rtoMissed.length > 0 && (
        <ul className="card-list">
          {rpoBreached.slice(0, 3).map((t) => (
            <li key={t.id}>RPO breached: {t.name}</li>
          ))}
          {rtoMissed.slice(0, 3).map((p) => (
            <li key={p.id}>RTO missed: {p.name}</li>
          ))}
        </ul>
      )}
    </Tile>
  );
}
