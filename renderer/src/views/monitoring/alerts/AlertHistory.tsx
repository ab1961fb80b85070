import type { AlertInstanceState } from '@contract';
import { useState } from 'react';
import { ResourceView } from '../../../components/ResourceView';
import { useSettledInput } from '../../../components/useSettledInput';
import { formatTimestamp } from '../../../format/time';
import { useCall } from '../../../state/useCall';
import { FilterSelect } from '../../containers/FilterSelect';
import { LabelChips } from '../LabelChips';
import { Pager } from '../Pager';
import { formatAlertValue } from './alertColumns';

const PAGE = 50;
const STATES: AlertInstanceState[] = ['pending', 'firing', 'resolved'];

/** Every alert instance, newest first, filtered by text and state, a page at a time. */
export function AlertHistory() {
  const [text, setText] = useState('');
  const [state, setState] = useState<AlertInstanceState | ''>('');
  const [offset, setOffset] = useState(0);
  const input = useSettledInput(text, (v) => (setText(v), setOffset(0)));
  const { resource, retry } = useCall('alerts.history', { text: text || undefined, state: state || undefined, limit: PAGE, offset });

  return (
    <section className="alert-history" aria-label="Alert history">
      <div className="section-head">
        <h2>History</h2>
        <div className="pod-filters" role="search" aria-label="Filter history">
          <label className="pod-filters__field">
            <span>Contains</span>
            <input type="search" spellCheck={false} aria-label="History text" {...input} />
          </label>
          <FilterSelect label="State" value={state} anyLabel="Any state" options={STATES} onChange={(v) => (setState(v as AlertInstanceState | ''), setOffset(0))} />
        </div>
      </div>
      <ResourceView resource={resource} onRetry={retry} loadingLabel="Loading history…" errorTitle="Could not load the alert history">
        {(page) => (
          <>
            <table className="table" aria-label="Alert history">
              <thead>
                <tr>
                  <th scope="col">State</th>
                  <th scope="col">Alert</th>
                  <th scope="col">Labels</th>
                  <th scope="col">Active since</th>
                  <th scope="col">Resolved</th>
                  <th scope="col">Value</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((a) => (
                  <tr key={a.id}>
                    <td>
                      <span className={`badge badge--${a.state}`}>{a.state}</span>
                    </td>
                    <td className="mono">{a.alertname}</td>
                    <td>
                      <LabelChips labels={a.labels} skip={['alertname']} />
                    </td>
                    <td>{formatTimestamp(a.activeAt)}</td>
                    <td>{a.resolvedAt === null ? '' : formatTimestamp(a.resolvedAt)}</td>
                    <td className="mono">{formatAlertValue(a.value)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <Pager offset={offset} shown={page.items.length} total={page.total} pageSize={PAGE} onOffset={setOffset} />
          </>
        )}
      </ResourceView>
    </section>
  );
}
