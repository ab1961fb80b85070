import type { TabId } from '@contract';
import { TAB_IDS } from '@contract/types';
import { useRef, type KeyboardEvent } from 'react';
import { useApp } from '../state/StoreProvider';
import { TAB_LABELS, tabButtonId, tabPanelId } from './tabs';

/** Where each navigation key moves from tab `index`, wrapping at both ends. */
function targetIndex(key: string, index: number): number | null {
  const last = TAB_IDS.length - 1;
  switch (key) {
    case 'ArrowRight':
      return index === last ? 0 : index + 1;
    case 'ArrowLeft':
      return index === 0 ? last : index - 1;
    case 'Home':
      return 0;
    case 'End':
      return last;
    default:
      return null;
  }
}

/** ARIA tabs with a roving tabindex: Tab enters the bar once, arrows move within it. */
export function TabBar() {
  const tab = useApp((s) => s.tab);
  const selectTab = useApp((s) => s.selectTab);
  const buttons = useRef(new Map<TabId, HTMLButtonElement>());

  const onKeyDown = (event: KeyboardEvent) => {
    const next = targetIndex(event.key, TAB_IDS.indexOf(tab));
    const nextTab = next === null ? undefined : TAB_IDS[next];
    if (!nextTab) return;
    event.preventDefault();
    selectTab(nextTab);
    buttons.current.get(nextTab)?.focus();
  };

  return (
    <nav className="tabbar" aria-label="Opsdeck sections">
      <div role="tablist" aria-label="Sections" aria-orientation="horizontal" onKeyDown={onKeyDown}>
        {TAB_IDS.map((id, i) => (
          <button
            key={id}
            ref={(el) => {
              if (el) buttons.current.set(id, el);
              else buttons.current.delete(id);
            }}
            type="button"
            role="tab"
            id={tabButtonId(id)}
            aria-selected={id === tab}
            aria-controls={tabPanelId(id)}
            aria-keyshortcuts={`Control+${i + 1} Meta+${i + 1}`}
            tabIndex={id === tab ? 0 : -1}
            className="tabbar__tab"
            onClick={() => selectTab(id)}
          >
            {TAB_LABELS[id]}
          </button>
        ))}
      </div>
    </nav>
  );
}
