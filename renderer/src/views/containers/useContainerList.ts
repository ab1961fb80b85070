import type { ChannelInput, DockerContainerList } from '@contract';
import { useNewestAnswer } from '../../components/useNewestAnswer';
import type { Resource } from '../../state/resource';
import { useDockerChanged } from './useDockerChanged';

/**
 * The container list for a query, refetched when containers or their stats change. A new
 * sort or filter keeps the last table on screen until its answer comes, so nothing flickers;
 * an answer overtaken by a newer request is dropped.
 */
export function useContainerList(query: ChannelInput<'docker.containers'>): { resource: Resource<DockerContainerList>; refresh: () => void } {
  const { resource, load } = useNewestAnswer('docker.containers', query);
  useDockerChanged(query.engine ?? null, ['containers', 'stats'], load);
  return { resource, refresh: load };
}
