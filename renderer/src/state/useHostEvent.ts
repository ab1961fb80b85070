import type { EventData, EventName } from '@contract';
import { useEffect, useRef } from 'react';
import { useApp } from './StoreProvider';

/** Calls `listener` for every host event of one kind while the component is mounted, always the latest listener. */
export function useHostEvent<K extends EventName>(event: K, listener: (data: EventData<K>) => void): void {
  const client = useApp((s) => s.client);
  const latest = useRef(listener);
  useEffect(() => {
    latest.current = listener;
  });
  useEffect(() => client.on(event, (data) => latest.current(data)), [client, event]);
}
