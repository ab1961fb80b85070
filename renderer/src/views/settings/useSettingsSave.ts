import type { Settings } from '@contract';
import { useCallback, useState } from 'react';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';

/**
 * Saves a settings change through the host. The change shows at once while
 * it is on its way; a failure reverts it and keeps it so Retry can send it again.
 */
export function useSettingsSave(saved: Settings) {
  const updateSettings = useApp((s) => s.updateSettings);
  const [pending, setPending] = useState<Partial<Settings> | null>(null);
  const [failure, setFailure] = useState<{ patch: Partial<Settings>; message: string } | null>(null);

  const save = useCallback(
    async (patch: Partial<Settings>) => {
      setPending(patch);
      setFailure(null);
      try {
        await updateSettings(patch);
      } catch (err) {
        setFailure({ patch, message: errorMessage(err) });
      } finally {
        setPending((current) => (current === patch ? null : current));
      }
    },
    [updateSettings],
  );

  const retry = useCallback(() => {
    if (failure) void save(failure.patch);
  }, [failure, save]);

  return { shown: { ...saved, ...pending }, save, error: failure?.message ?? null, retry };
}
