import type { HostSample } from '../../contract';
import type { DockerManager } from '../../docker/dockerManager';
import type { ClusterManager } from '../../kubernetes/clusterManager';
import type { DockerEngineView } from './dockerSignals';
import { KubernetesSignals } from './kubernetesSignals';
import { SignalRegistry } from './signalRegistry';

/** The signal registry over the host's collector, Docker engines and Kubernetes contexts; stop releases its watch leases. */
export function hostSignalSources(latest: () => HostSample | null, docker: DockerManager, clusters: ClusterManager): { registry: SignalRegistry; stop: () => void } {
  const kubernetes = new KubernetesSignals(() => clusters.live());
  const engines = (): DockerEngineView[] =>
    docker.engines().engines.map((e) => {
      const connection = docker.connection(e.name);
      return { state: e.state, synced: connection.synced, containers: connection.rows() };
    });
  return { registry: new SignalRegistry({ host: latest, docker: engines, kubernetes }), stop: () => kubernetes.stop() };
}
