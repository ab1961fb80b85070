import type { HostSample } from '../../contract';
import type { SeriesSample } from '../rules/alertState';
import { DOCKER_SIGNALS, dockerSeries, type DockerEngineView } from './dockerSignals';
import { HOST_SIGNALS } from './hostSignals';
import { KUBERNETES_SIGNALS, type KubernetesSignals } from './kubernetesSignals';

type SignalSource = 'host' | 'docker' | 'kubernetes';

const sourceOf = (names: string[], source: SignalSource) => names.map((name) => [name, source] as const);

/** Every metric `source: host` rules can compare, and where it is read. */
export const SIGNAL_METRICS: Readonly<Record<string, SignalSource>> = Object.fromEntries([
  ...sourceOf(Object.keys(HOST_SIGNALS), 'host'),
  ...sourceOf(Object.keys(DOCKER_SIGNALS), 'docker'),
  ...sourceOf(Object.keys(KUBERNETES_SIGNALS), 'kubernetes'),
]);

export interface SignalReaders {
  /** The host collector's latest sample; null before the first. */
  host: () => HostSample | null;
  docker: () => DockerEngineView[];
  kubernetes: KubernetesSignals;
}

/** Opsdeck's own signals (host collector, Docker engines, Kubernetes caches) as series for threshold rules. */
export class SignalRegistry {
  constructor(private readonly readers: SignalReaders) {}

  /** The metric's series now; null while its source has nothing to say yet (the rules wait for it). */
  read(metric: string): SeriesSample[] | null {
    switch (SIGNAL_METRICS[metric]) {
      case 'host': {
        const sample = this.readers.host();
        return sample && HOST_SIGNALS[metric]!(sample);
      }
      case 'docker':
        return dockerSeries(metric, this.readers.docker());
      case 'kubernetes':
        return this.readers.kubernetes.series(metric);
      default:
        throw new Error(`unknown signal metric "${metric}"`);
    }
  }

  /** The metrics the loaded rules compare, so their sources keep watching what they need. */
  hold(metrics: Iterable<string>): void {
    this.readers.kubernetes.hold(metrics);
  }
}
