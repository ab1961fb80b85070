import type { BillingImportOutcome } from '@contract';
import { useState } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ResourceView } from '../../components/ResourceView';
import { BillingPanel } from './BillingPanel';
import { ImportDialog } from './ImportDialog';
import { ImportsTable } from './ImportsTable';
import { useBillingStatus } from './useBillingStatus';

const OUTCOME: Record<BillingImportOutcome['action'], string> = {
  imported: 'Imported',
  replaced: 'Imported, replacing the earlier export of the same file:',
  skipped: 'Skipped, this content was imported already:',
};

/** Billing: how to connect it when nothing is imported, the breakdowns once it is. */
export function BillingSection() {
  const status = useBillingStatus();
  const [importing, setImporting] = useState(false);
  const [outcome, setOutcome] = useState<BillingImportOutcome | null>(null);

  return (
    <ResourceView resource={status.resource} onRetry={status.load} loadingLabel="Reading billing status…">
      {(s) => (
        <>
          <div className="section-head">
            <h2>Cloud billing</h2>
            <button type="button" className="button button--small" data-testid="cost-import" onClick={() => setImporting(true)}>
              Import FOCUS file…
            </button>
          </div>
          {outcome && (
            <p className="banner banner--info" role="status" data-testid="cost-import-outcome">
              {OUTCOME[outcome.action]} {outcome.import.path} ({outcome.import.rows.toLocaleString('en-US')} rows)
            </p>
          )}
          {s.connected ? (
            <BillingPanel status={s} />
          ) : (
            <>
              <EmptyState
                title="No billing data yet"
                source={
                  <>
                    Import a FOCUS 1.0+ export (CSV, CSV.gz or Parquet: AWS Data Exports, Azure Cost Management, Google Cloud, Oracle) with
                    “Import FOCUS file…”, or drop files into <span className="mono">{s.watchDir}</span>: Opsdeck imports them by itself.
                  </>
                }
              >
                Spend by provider, service, account, region, charge category and tag, the daily trend, month to date against the month before, and
                the month-end forecast.
              </EmptyState>
              {s.imports.length > 0 && <ImportsTable imports={s.imports} />}
            </>
          )}
          {importing && (
            <ImportDialog
              watchDir={s.watchDir}
              onDone={(o) => {
                setOutcome(o);
                status.load();
              }}
              onClose={() => setImporting(false)}
            />
          )}
        </>
      )}
    </ResourceView>
  );
}
