import type { DockerEngines } from '@contract';
import { EmptyState } from '../../components/EmptyState';

/** The ways to get an engine Opsdeck can reach. */
export function HowToStartEngine() {
  return (
    <>
      Start one and Opsdeck connects by itself: open <strong>Docker Desktop</strong>, or run <code>sudo systemctl start docker</code>; for Podman,{' '}
      <code>systemctl --user start podman.socket</code>. An engine elsewhere is found through <code>DOCKER_HOST</code> (for example{' '}
      <code>DOCKER_HOST=tcp://build-host:2376</code>, with <code>DOCKER_TLS_VERIFY</code> and <code>DOCKER_CERT_PATH</code>), a <code>docker context</code>, or
      added here.
    </>
  );
}

/** No engine found: how to start one or point Opsdeck at one; not an error. */
export function NoEngines({ engines, onAdd }: { engines: DockerEngines; onAdd(): void }) {
  return (
    <div data-testid="no-engines">
      <EmptyState title="No container engine found" source={<HowToStartEngine />}>
        {engines.hint ?? 'Opsdeck looked for the Docker socket, docker contexts and Podman sockets and found none.'}
      </EmptyState>
      <p className="no-engines__add">
        <button type="button" className="button" onClick={onAdd}>
          Add a remote engine…
        </button>
      </p>
    </div>
  );
}
