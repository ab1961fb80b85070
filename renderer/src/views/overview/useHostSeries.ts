import type { HostSample, SeriesRange } from '@contract';
import { useCallback, useEffect, useState } from 'react';
import { failed, LOADING, ready, type Resource } from '../../state/resource';
import { useAppStore } from '../../state/StoreProvider';
import { appendSample, fromHostSeries, type LiveSeries } from './liveSeries';

/**
 * Loads host.series for the range, then appends every live sample, since every
 * range ends at now. Samples that arrive while the series loads are kept and applied after;
 * after a lost connection the range is loaded again.
 */
export function useHostSeries(range: SeriesRange): { series: Resource<LiveSeries>; retry: () => void } {
  const store = useAppStore();
  const [series, setSeries] = useState<Resource<LiveSeries>>(LOADING);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    let live = true;
    let loaded = false;
    const early: HostSample[] = [];
    const intervalMs = () => {
      const info = store.getState().hostInfo;
      return info.status === 'ready' ? info.data.sampleIntervalMs : null;
    };

    const unsubscribe = store.subscribe((state, previous) => {
      // Samples sent while the connection was down never arrived: load the range again.
      if (state.connection === 'open' && previous.connection === 'closed') setAttempt((n) => n + 1);
      if (state.latestSample === previous.latestSample || state.latestSample.status !== 'ready') return;
      const sample = state.latestSample.data;
      if (!sample) return;
      if (!loaded) early.push(sample);
      else setSeries((s) => (s.status === 'ready' ? ready(appendSample(s.data, sample, intervalMs())) : s));
    });

    setSeries(LOADING);
    store
      .getState()
      .client.call('host.series', { range })
      .then(
        (result) => {
          if (!live) return;
          loaded = true;
          let next = fromHostSeries(result, intervalMs());
          for (const sample of early) next = appendSample(next, sample, intervalMs());
          setSeries(ready(next));
        },
        (err: unknown) => live && setSeries(failed(err)),
      );

    return () => {
      live = false;
      unsubscribe();
    };
  }, [store, range, attempt]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  return { series, retry };
}
