/** Sources that other engines own, shown on the Overview from their own status: billing and the backup repository. */
import type { CostSummary, RepositoryStatus, SourceHealth } from '../contract/types';
import type { SourceHealthProvider } from './sourceHealth';

export function billingSource(summary: () => CostSummary | Promise<CostSummary>): SourceHealthProvider {
  return {
    async sources(): Promise<SourceHealth[]> {
      const s = await summary();
      return [
        {
          id: 'billing',
          engine: 'cost',
          kind: 'billing',
          name: 'Billing export',
          state: s.connected ? 'ok' : 'not-connected',
          detail: s.connected ? null : (s.hint ?? 'Import a billing export in the Cost tab.'),
          link: { tab: 'cost' },
        },
      ];
    },
  };
}

export function backupRepositorySource(status: () => RepositoryStatus | Promise<RepositoryStatus>): SourceHealthProvider {
  return {
    async sources(): Promise<SourceHealth[]> {
      const s = await status();
      const state = !s.configured ? 'not-connected' : s.problem ? 'down' : 'ok';
      const detail = !s.configured ? 'Create or connect a backup repository in the Disaster Recovery tab.' : s.problem;
      return [{ id: 'backup-repository', engine: 'recovery', kind: 'backup repository', name: s.path ?? 'Backup repository', state, detail, link: { tab: 'recovery' } }];
    },
  };
}
