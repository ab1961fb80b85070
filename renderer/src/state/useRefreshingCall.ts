import type { ChannelInput, ChannelName, ChannelOutput } from '@contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { failed, LOADING, ready, type Resource } from './resource';
import { useApp } from './StoreProvider';
import { useOnReconnect } from './useOnReconnect';

/**
 * A request a view makes again whenever its data may have changed (on a host event, or when
 * the connection comes back). A refresh keeps the last answer on screen until the next one
 * arrives, and an answer that arrives after a newer one is dropped.
 */
export function useRefreshingCall<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): { resource: Resource<ChannelOutput<K>>; refresh: () => void } {
  const client = useApp((s) => s.client);
  const [resource, setResource] = useState<Resource<ChannelOutput<K>>>(LOADING);
  const latest = useRef(0);
  // Inputs are small JSON objects; comparing them as text keeps a fresh literal from refetching every render.
  const inputKey = JSON.stringify(input);

  const fetch = useCallback(() => {
    const id = ++latest.current;
    client.call(channel, JSON.parse(inputKey) as ChannelInput<K>).then(
      (data) => id === latest.current && setResource(ready(data)),
      (err: unknown) => id === latest.current && setResource(failed(err)),
    );
  }, [client, channel, inputKey]);

  useEffect(() => {
    setResource(LOADING);
    fetch();
  }, [fetch]);

  useOnReconnect(fetch);

  return { resource, refresh: fetch };
}
