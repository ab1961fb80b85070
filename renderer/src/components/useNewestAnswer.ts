import type { ChannelInput, ChannelName, ChannelOutput } from '@contract';
import { useCallback, useEffect, useRef, useState } from 'react';
import { failed, LOADING, ready, type Resource } from '../state/resource';
import { useApp } from '../state/StoreProvider';
import { useOnReconnect } from '../state/useOnReconnect';

/**
 * A host answer that other sources also replace whole (an event carrying the same data, the
 * answer to a change): read at mount and when the connection comes back, and whichever
 * arrives last is shown, so a slow answer never replaces a newer event.
 */
export function useNewestAnswer<K extends ChannelName>(channel: K, input: ChannelInput<K>) {
  const client = useApp((s) => s.client);
  const [resource, setResource] = useState<Resource<ChannelOutput<K>>>(LOADING);
  // Bumped by every request and every arrival: only the newest may show.
  const latest = useRef(0);
  // Inputs are small JSON objects; comparing them as text keeps a fresh literal from refetching every render.
  const inputKey = JSON.stringify(input);

  /** Claims the next arrival: the returned function shows it unless something newer came first. */
  const claim = useCallback(() => {
    const id = ++latest.current;
    return (next: Resource<ChannelOutput<K>>) => {
      if (id === latest.current) setResource(next);
    };
  }, []);

  const load = useCallback(() => {
    const show = claim();
    client.call(channel, JSON.parse(inputKey) as ChannelInput<K>).then(
      (data) => show(ready(data)),
      (err: unknown) => show(failed(err)),
    );
  }, [client, channel, inputKey, claim]);

  /** Data that arrived whole, such as an event's: shown at once. */
  const receive = useCallback((data: ChannelOutput<K>) => claim()(ready(data)), [claim]);

  useEffect(load, [load]);
  useOnReconnect(load);
  return { resource, load, receive, claim };
}
