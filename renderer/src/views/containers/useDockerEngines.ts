import type { DockerEngines } from '@contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { failed, LOADING, ready, type Resource } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';
import { useHostEvent } from '../../state/useHostEvent';
import { useOnReconnect } from '../../state/useOnReconnect';

/** The engines the host found or was given, kept current by docker.enginesChanged. */
export function useDockerEngines(): { resource: Resource<DockerEngines>; retry: () => void; receive: (engines: DockerEngines) => void } {
  const client = useApp((s) => s.client);
  const [resource, setResource] = useState<Resource<DockerEngines>>(LOADING);
  // Bumped by every answer and event, so a slow answer never replaces a newer event.
  const latest = useRef(0);

  const load = useCallback(() => {
    const id = ++latest.current;
    client.call('docker.engines', {}).then(
      (data) => id === latest.current && setResource(ready(data)),
      (err: unknown) => id === latest.current && setResource(failed(err)),
    );
  }, [client]);

  const receive = useCallback((data: DockerEngines) => {
    latest.current++;
    setResource(ready(data));
  }, []);

  useEffect(load, [load]);
  useOnReconnect(load);
  useHostEvent('docker.enginesChanged', receive);

  return { resource, retry: load, receive };
}
