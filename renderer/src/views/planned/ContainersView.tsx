import { EmptyState } from '../../components/EmptyState';

export function ContainersView() {
  return (
    <EmptyState
      title="Containers"
      source="Opsdeck will connect to the local Docker or Podman engine through its socket (DOCKER_HOST, /var/run/docker.sock or the Podman user socket). Container engine support is not part of this build yet."
    >
      The containers on this machine with their images, state, restarts and live CPU and memory use, and the logs of
      any one of them.
    </EmptyState>
  );
}
