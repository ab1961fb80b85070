import type { DockerContainerDetail } from '@contract';
import { formatTimestamp } from '../../format/time';
import { formatPorts } from './containerFormat';

/** The facts one looks up first: image, command, ports, mounts, networks, restart policy. */
export function ContainerFacts({ detail }: { detail: DockerContainerDetail }) {
  const { row } = detail;
  const command = [...detail.entrypoint, ...detail.cmd].join(' ');
  return (
    <dl className="detail-facts" data-testid="container-facts">
      <dt>Status</dt>
      <dd>{row.status}</dd>
      <dt>Image</dt>
      <dd className="mono">{row.image}</dd>
      {command && (
        <>
          <dt>Command</dt>
          <dd className="mono">{command}</dd>
        </>
      )}
      {row.ports.length > 0 && (
        <>
          <dt>Ports</dt>
          <dd className="mono">{formatPorts(row.ports)}</dd>
        </>
      )}
      {detail.mounts.length > 0 && (
        <>
          <dt>Mounts</dt>
          <dd className="mono">
            {detail.mounts.map((m) => (
              <div key={m.destination}>
                {m.name ?? m.source} → {m.destination}
                {m.readWrite ? '' : ' (read-only)'}
              </div>
            ))}
          </dd>
        </>
      )}
      {detail.networks.length > 0 && (
        <>
          <dt>Networks</dt>
          <dd>{detail.networks.join(', ')}</dd>
        </>
      )}
      <dt>Restart policy</dt>
      <dd>
        {detail.restartPolicy || 'no'} · restarted {row.restartCount} times
      </dd>
      <dt>Created</dt>
      <dd>{formatTimestamp(row.createdAt)}</dd>
    </dl>
  );
}
