import type { DockerEngines } from '@contract';
import { useNewestAnswer } from '../../components/useNewestAnswer';
import type { Resource } from '../../state/resource';
import { useHostEvent } from '../../state/useHostEvent';

/** The engines the host found or was given, kept current by docker.enginesChanged. */
export function useDockerEngines(): { resource: Resource<DockerEngines>; retry: () => void; receive: (engines: DockerEngines) => void } {
  const { resource, load, receive } = useNewestAnswer('docker.engines', {});
  useHostEvent('docker.enginesChanged', receive);
  return { resource, retry: load, receive };
}
