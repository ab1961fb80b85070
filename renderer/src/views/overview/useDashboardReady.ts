import { useEffect, useState } from 'react';

const MARK = 'opsdeck:dashboard-ready';

/**
 * True from the moment the Overview first shows real host data, and stays true
 * while the view lives (a range reload does not undo it). Marks that moment
 * once per page load for the startup benchmark.
 */
export function useDashboardReady(hasData: boolean): boolean {
  const [reached, setReached] = useState(false);
  useEffect(() => {
    if (!hasData || reached) return;
    setReached(true);
    if (performance.getEntriesByName(MARK, 'mark').length === 0) performance.mark(MARK);
  }, [hasData, reached]);
  return reached || hasData;
}
