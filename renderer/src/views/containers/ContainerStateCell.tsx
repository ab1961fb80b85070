import type { DockerContainerRow, DockerHealth } from '@contract';

const HEALTH_TONES: Record<DockerHealth, string> = { healthy: 'badge--ok', unhealthy: 'badge--critical', starting: 'badge--info', none: '' };

/** The state in colour, the healthcheck's verdict, and why it stopped. */
export function ContainerStateCell({ row }: { row: DockerContainerRow }) {
  return (
    <span className="container-state" data-state={row.state}>
      <span className={`container-state__name container-state--${row.state}`}>{row.state}</span>
      {row.health !== 'none' && (
        <span className={`badge ${HEALTH_TONES[row.health]}`} data-health={row.health}>
          {row.health}
        </span>
      )}
      {row.oomKilled && <span className="badge badge--critical">OOM</span>}
      {row.state === 'exited' && row.exitCode !== null && <span className="muted"> ({row.exitCode})</span>}
    </span>
  );
}
