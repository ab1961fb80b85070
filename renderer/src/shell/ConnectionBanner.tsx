import { useApp } from '../state/StoreProvider';

/** Shown while the host is unreachable; the transport keeps retrying on its own. */
export function ConnectionBanner() {
  const connection = useApp((s) => s.connection);
  if (connection !== 'closed') return null;
  return (
    <div className="banner banner--error" role="alert">
      Disconnected from the Opsdeck host, reconnecting…
    </div>
  );
}
