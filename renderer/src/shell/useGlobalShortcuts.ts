import { TAB_IDS } from '@contract/types';
import { useEffect } from 'react';
import { useApp } from '../state/StoreProvider';
import { isMac } from './platform';

/** Typing a "?" into a field must not open the shortcuts dialog. */
function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** The digit of Ctrl+N: by physical key, so layouts that need Shift for digits work too. */
function digitOf(event: KeyboardEvent): number | null {
  const match = /^Digit([1-9])$/.exec(event.code) ?? /^([1-9])$/.exec(event.key);
  return match ? Number(match[1]) : null;
}

/** Ctrl/Cmd+1..9 jumps to tab N; "?" opens the shortcuts dialog. */
export function useGlobalShortcuts(openShortcuts: () => void): void {
  const selectTab = useApp((s) => s.selectTab);

  useEffect(() => {
    const mac = isMac();
    const onKeyDown = (event: KeyboardEvent) => {
      const primary = mac ? event.metaKey : event.ctrlKey;
      if (primary && !event.altKey) {
        const digit = digitOf(event);
        const tab = digit === null ? undefined : TAB_IDS[digit - 1];
        if (tab) {
          event.preventDefault();
          selectTab(tab);
        }
        return;
      }
      if (event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isEditable(event.target)) {
        event.preventDefault();
        openShortcuts();
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [selectTab, openShortcuts]);
}
