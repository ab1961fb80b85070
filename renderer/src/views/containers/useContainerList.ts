import type { ChannelInput, DockerContainerList } from '@contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { failed, LOADING, ready, type Resource } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useOnReconnect } from '../../state/useOnReconnect';
import { useDockerChanged } from './useDockerChanged';

/**
 * The container list for a query, refetched when containers or their stats change. A new
 * sort or filter keeps the last table on screen until its answer comes, so nothing flickers;
 * an answer overtaken by a newer request is dropped.
 */
export function useContainerList(query: ChannelInput<'docker.containers'>): { resource: Resource<DockerContainerList>; refresh: () => void } {
  const client = useApp((s) => s.client);
  const [resource, setResource] = useState<Resource<DockerContainerList>>(LOADING);
  const latest = useRef(0);
  const queryKey = JSON.stringify(query);

  const refresh = useCallback(() => {
    const id = ++latest.current;
    client.call('docker.containers', JSON.parse(queryKey) as ChannelInput<'docker.containers'>).then(
      (data) => id === latest.current && setResource(ready(data)),
      (err: unknown) => id === latest.current && setResource(failed(err)),
    );
  }, [client, queryKey]);

  useEffect(refresh, [refresh]);
  useOnReconnect(refresh);
  useDockerChanged(query.engine ?? null, ['containers', 'stats'], refresh);
  return { resource, refresh };
}
