import { useEffect } from 'react';
import { useApp } from '../state/StoreProvider';

/**
 * Puts the theme preference on <html data-theme>; the stylesheet maps "system"
 * to prefers-color-scheme, so an OS switch applies without any script.
 */
export function useThemeAttribute(): void {
  const theme = useApp((s) => (s.settings.status === 'ready' ? s.settings.data.theme : 'system'));
  useEffect(() => {
    document.documentElement.dataset.theme = theme;
  }, [theme]);
}
