import type { PromQueryResult } from '@contract';
import { useEffect, useState } from 'react';
import { failed, LOADING, ready, type Resource } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';
import { RANGE_MS, stepMsFor, type ExplorerRun } from './explorerQuery';

/** The answer to the latest run; an older run's late answer is dropped. */
export function useExplorerResult(run: ExplorerRun | null): Resource<PromQueryResult> | null {
  const client = useApp((s) => s.client);
  const [result, setResult] = useState<Resource<PromQueryResult> | null>(null);

  useEffect(() => {
    if (!run) return setResult(null);
    let live = true;
    setResult(LOADING);
    const request =
      run.mode === 'instant'
        ? client.call('prom.query', { source: run.source, query: run.expr, time: run.at, timeoutMs: 30_000 })
        : client.call('prom.queryRange', {
            source: run.source,
            query: run.expr,
            start: run.at - RANGE_MS[run.range],
            end: run.at,
            stepMs: stepMsFor(run.range, run.stepSeconds),
            timeoutMs: 30_000,
          });
    request.then(
      (r) => live && setResult(ready(r)),
      (err: unknown) => live && setResult(failed(err)),
    );
    return () => {
      live = false;
    };
  }, [client, run]);

  return result;
}
