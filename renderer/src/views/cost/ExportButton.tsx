import type { ChannelInput } from '@contract';
import { useState } from 'react';
import { saveTextFile } from '../../components/saveTextFile';
import { errorMessage } from '../../state/resource';
import { useApp } from '../../state/StoreProvider';

/** A billing table (cost.export) or the Kubernetes allocation table (cost.allocation.export). */
type ExportRequest = { request: ChannelInput<'cost.export'> } | { allocation: ChannelInput<'cost.allocation.export'> };

/** Asks the host for a table as CSV and saves it as a download. */
export function ExportButton({ testId, ...which }: ExportRequest & { testId: string }) {
  const client = useApp((s) => s.client);
  const [error, setError] = useState<string | null>(null);
  const run = () => {
    setError(null);
    const csv = 'allocation' in which ? client.call('cost.allocation.export', which.allocation) : client.call('cost.export', which.request);
    csv.then(
      (file) => saveTextFile(file.fileName, file.csv),
      (err: unknown) => setError(errorMessage(err)),
    );
  };
  return (
    <>
      <button type="button" className="button button--small" data-testid={testId} onClick={run}>
        Export CSV
      </button>
      {error && <span className="cost-error">{error}</span>}
    </>
  );
}
