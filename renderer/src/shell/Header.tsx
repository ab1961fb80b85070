import type { ConnectionState } from '../transport';
import { useApp } from '../state/StoreProvider';

const CONNECTION_LABELS: Record<ConnectionState, string> = {
  connecting: 'Connecting…',
  open: 'Connected',
  closed: 'Disconnected',
};

export function Header({ onShowShortcuts }: { onShowShortcuts: () => void }) {
  const connection = useApp((s) => s.connection);
  const hostInfo = useApp((s) => s.hostInfo);

  return (
    <header className="header">
      <span className="header__brand">Opsdeck</span>
      <span className="header__host" title={hostInfo.status === 'ready' ? hostInfo.data.os : undefined}>
        {hostInfo.status === 'ready' ? hostInfo.data.hostname : hostInfo.status === 'loading' ? '…' : 'host unknown'}
      </span>
      <span className="header__spacer" />
      <span className={`connection connection--${connection}`} role="status" data-testid="connection-state">
        <span className="connection__dot" aria-hidden="true" />
        {CONNECTION_LABELS[connection]}
      </span>
      <button type="button" className="button button--ghost" onClick={onShowShortcuts} aria-keyshortcuts="?">
        Shortcuts <kbd>?</kbd>
      </button>
    </header>
  );
}
