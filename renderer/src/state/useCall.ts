import type { ChannelInput, ChannelName, ChannelOutput } from '@contract';
import { useCallback, useEffect, useState } from 'react';
import { failed, LOADING, ready, type Resource } from './resource';
import { useApp } from './StoreProvider';

/** One request a single view needs (not shared app state), with its loading/error state and a retry. */
export function useCall<K extends ChannelName>(
  channel: K,
  input: ChannelInput<K>,
): { resource: Resource<ChannelOutput<K>>; retry: () => void } {
  const client = useApp((s) => s.client);
  const [resource, setResource] = useState<Resource<ChannelOutput<K>>>(LOADING);
  const [attempt, setAttempt] = useState(0);
  // Inputs are small JSON objects; comparing them as text keeps a fresh literal from refetching every render.
  const inputKey = JSON.stringify(input);

  useEffect(() => {
    let live = true;
    setResource(LOADING);
    client.call(channel, JSON.parse(inputKey) as ChannelInput<K>).then(
      (data) => live && setResource(ready(data)),
      (err: unknown) => live && setResource(failed(err)),
    );
    return () => {
      live = false;
    };
  }, [client, channel, inputKey, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { resource, retry };
}
