import type { ReadinessReport } from '@contract';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, failed, LOADING, ready, type Resource } from '../../../state/resource';
import { useApp } from '../../../state/StoreProvider';

/** A context's last readiness report, and a check that replaces it. */
export function useReadiness(context: string) {
  const client = useApp((s) => s.client);
  const [report, setReport] = useState<Resource<ReadinessReport | null>>(LOADING);
  const [checking, setChecking] = useState(false);
  const [checkError, setCheckError] = useState<string | null>(null);

  const load = useCallback(() => {
    let live = true;
    setReport(LOADING);
    client.call('readiness.report', { context }).then(
      (r) => live && setReport(ready(r)),
      (err: unknown) => live && setReport(failed(err)),
    );
    return () => {
      live = false;
    };
  }, [client, context]);
  useEffect(load, [load]);

  const check = useCallback(async () => {
    setChecking(true);
    setCheckError(null);
    try {
      setReport(ready(await client.call('readiness.check', { context })));
    } catch (err) {
      setCheckError(errorMessage(err));
    } finally {
      setChecking(false);
    }
  }, [client, context]);

  return { report, check, checking, checkError, reload: load };
}
