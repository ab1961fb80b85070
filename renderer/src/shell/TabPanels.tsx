import { TAB_IDS } from '@contract/types';
import { Suspense } from 'react';
import { Loading } from '../components/Loading';
import { useApp } from '../state/StoreProvider';
import { TAB_VIEWS } from '../views/lazyViews';
import { tabButtonId, tabPanelId } from './tabs';
import { ViewErrorBoundary } from './ViewErrorBoundary';

/** One panel per tab so every tab's aria-controls resolves; only the selected one renders its view. */
export function TabPanels() {
  const tab = useApp((s) => s.tab);
  return (
    <main className="panels">
      {TAB_IDS.map((id) => {
        const View = TAB_VIEWS[id];
        const selected = id === tab;
        return (
          <div
            key={id}
            role="tabpanel"
            id={tabPanelId(id)}
            aria-labelledby={tabButtonId(id)}
            hidden={!selected}
            tabIndex={selected ? 0 : -1}
            className="panel"
          >
            {selected && (
              <ViewErrorBoundary key={id}>
                <Suspense fallback={<Loading label="Loading view…" />}>
                  <View />
                </Suspense>
              </ViewErrorBoundary>
            )}
          </div>
        );
      })}
    </main>
  );
}
