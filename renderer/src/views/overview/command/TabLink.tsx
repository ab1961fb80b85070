import type { NavigationTarget } from '@contract';
import type { ReactNode } from 'react';
import { useApp } from '../../../state/StoreProvider';

/** A button that opens the tab where something is acted on. */
export function TabLink({ target, children }: { target: NavigationTarget; children: ReactNode }) {
  const navigate = useApp((s) => s.navigate);
  return (
    <button type="button" className="link-button" onClick={() => navigate(target)}>
      {children}
    </button>
  );
}
