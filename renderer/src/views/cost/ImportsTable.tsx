import type { BillingImport } from '@contract';
import { useState } from 'react';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { formatBytes } from '../../format/bytes';
import { useApp } from '../../state/StoreProvider';
import { ExportButton } from './ExportButton';
import { SmallButton } from '../../components/SmallButton';

const where = (p: BillingImport['problems'][number]) => [p.line !== undefined ? `line ${p.line}` : p.row !== undefined ? `row ${p.row}` : '', p.column ?? ''].filter(Boolean).join(', ');

/** The files read, newest first, with what went wrong in the ones that failed. */
export function ImportsTable({ imports }: { imports: BillingImport[] }) {
  const client = useApp((s) => s.client);
  const [removing, setRemoving] = useState<BillingImport | null>(null);
  return (
    <section aria-label="Imported files">
      <div className="section-head">
        <h3>Imported files</h3>
        <ExportButton request={{ table: 'imports' }} testId="cost-export-imports" />
      </div>
      <table className="table" aria-label="Imported files" data-testid="cost-imports">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">Status</th>
            <th scope="col">Rows</th>
            <th scope="col">Days</th>
            <th scope="col">Size</th>
            <th scope="col">From</th>
            <th scope="col" />
          </tr>
        </thead>
        <tbody>
          {imports.map((i) => (
            <tr key={i.id} data-status={i.status}>
              <td className="mono">{i.path}</td>
              <td>
                <span className={`badge badge--${i.status === 'ok' ? 'ok' : i.status === 'failed' ? 'critical' : 'info'}`}>{i.status}</span>
                {i.error && <div className="cost-error">{i.error}</div>}
                {i.problems.length > 0 && (
                  <ul className="cost-problems">
                    {i.problems.map((p, n) => (
                      <li key={n}>
                        <span className="mono">{where(p)}</span>: {p.message}
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td className="num">{i.rows.toLocaleString('en-US')}</td>
              <td>{i.firstDay ? `${i.firstDay} to ${i.lastDay}` : '—'}</td>
              <td className="num">{formatBytes(i.bytes)}</td>
              <td>{i.origin === 'watch' ? 'watched folder' : 'imported'}</td>
              <td>
                <SmallButton onClick={() => setRemoving(i)}>
                  Remove
                </SmallButton>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {removing && (
        <ConfirmDialog
          title="Remove import"
          statement={`Remove ${removing.path} and its ${removing.rows.toLocaleString('en-US')} billing rows? The file itself is not touched.`}
          confirmLabel="Remove"
          onConfirm={async () => {
            await client.call('cost.imports.delete', { id: removing.id });
          }}
          onClose={() => setRemoving(null)}
        />
      )}
    </section>
  );
}
