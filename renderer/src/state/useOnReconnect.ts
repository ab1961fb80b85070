import { useEffect, useRef } from 'react';
import { useApp } from './StoreProvider';

/** Runs `fn` when the connection to the host comes back: events were missed while it was down. */
export function useOnReconnect(fn: () => void): void {
  const connection = useApp((s) => s.connection);
  const wasClosed = useRef(false);
  const latest = useRef(fn);
  useEffect(() => {
    latest.current = fn;
  });
  useEffect(() => {
    if (connection === 'closed') wasClosed.current = true;
    else if (connection === 'open' && wasClosed.current) {
      wasClosed.current = false;
      latest.current();
    }
  }, [connection]);
}
