import type { DockerContainerRow, DockerEngineState } from '../../contract';
import type { SeriesSample } from '../rules/alertState';

type Container = Pick<DockerContainerRow, 'engine' | 'id' | 'name' | 'image' | 'health' | 'oomKilled' | 'restartCount' | 'composeProject' | 'composeService'>;

/** Each container's figure for a metric. */
export const DOCKER_SIGNALS: Record<string, (c: Container) => number> = {
  /** 1 while the container's healthcheck reports unhealthy. */
  opsdeck_container_unhealthy: (c) => (c.health === 'unhealthy' ? 1 : 0),
  /** How often the engine restarted the container (its restart policy at work). */
  opsdeck_container_restarts: (c) => c.restartCount,
  /** 1 when the container's last run ended with the kernel's OOM killer. */
  opsdeck_container_oom_killed: (c) => (c.oomKilled ? 1 : 0),
};

/** What the Docker metrics are read from: each engine's containers and whether they were listed. */
export interface DockerEngineView {
  state: DockerEngineState;
  /** The containers were listed since the engine last connected. */
  synced: boolean;
  containers: Container[];
}

const labelsOf = (c: Container): Record<string, string> => ({
  engine: c.engine,
  container: c.id.slice(0, 12),
  name: c.name,
  image: c.image,
  ...(c.composeProject ? { project: c.composeProject } : {}),
  ...(c.composeService ? { service: c.composeService } : {}),
});

/**
 * A Docker metric's series over every engine; null while an engine is still connecting and has
 * not listed its containers (rules wait rather than resolve alerts a moment after a restart).
 * Engines that cannot be reached count with the containers last known.
 */
export function dockerSeries(metric: string, engines: DockerEngineView[]): SeriesSample[] | null {
  const figure = DOCKER_SIGNALS[metric]!;
  if (engines.some((e) => !e.synced && (e.state === 'connecting' || e.state === 'connected'))) return null;
  return engines.flatMap((e) => e.containers.map((c) => ({ metric: labelsOf(c), value: figure(c) })));
}
