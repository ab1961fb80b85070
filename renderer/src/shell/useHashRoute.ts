import { useEffect } from 'react';
import { useApp } from '../state/StoreProvider';
import { hashForTab, tabFromHash } from './hashRoute';

/** Mirrors the selected tab in the URL hash so a reload keeps it; the page's ?query is never touched. */
export function useHashRoute(): void {
  const tab = useApp((s) => s.tab);
  const selectTab = useApp((s) => s.selectTab);

  useEffect(() => {
    const hash = hashForTab(location.hash, tab);
    if (hash !== location.hash) {
      // replaceState: tab switches should not pile up in history or fire hashchange.
      history.replaceState(history.state, '', `${location.pathname}${location.search}${hash}`);
    }
  }, [tab]);

  useEffect(() => {
    const onHashChange = () => {
      const next = tabFromHash(location.hash);
      if (next) selectTab(next);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [selectTab]);
}
