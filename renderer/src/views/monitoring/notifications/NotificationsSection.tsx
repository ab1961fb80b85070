import type { DeliveryStatus, NotificationDelivery } from '@contract';
import { DELIVERY_STATUSES } from '@contract/types';
import { Fragment, useState } from 'react';
import { CopyableCode } from '../../../components/CopyableCode';
import { ResourceView } from '../../../components/ResourceView';
import { useSettledInput } from '../../../components/useSettledInput';
import { formatTimestamp } from '../../../format/time';
import { useHostEvent } from '../../../state/useHostEvent';
import { useRefreshingCall } from '../../../state/useRefreshingCall';
import { FilterSelect } from '../../containers/FilterSelect';
import { Pager } from '../Pager';
import { NotificationSecrets } from './NotificationSecrets';

const PAGE = 50;
const STATUS_BADGE: Record<DeliveryStatus, string> = { pending: 'pending', sent: 'ok', failed: 'warning', dead: 'critical' };

function when(d: NotificationDelivery): string {
  if (d.status === 'sent' && d.sentAt !== null) return `sent ${formatTimestamp(d.sentAt)}`;
  if (d.status === 'dead') return 'given up';
  return `next attempt ${formatTimestamp(d.nextAttemptAt)}`;
}

/** The notification outbox: every delivery per receiver integration, with its attempts and last error. */
export function NotificationsSection() {
  const [status, setStatus] = useState<DeliveryStatus | ''>('');
  const [receiver, setReceiver] = useState('');
  const [offset, setOffset] = useState(0);
  const [open, setOpen] = useState<number | null>(null);
  const receiverInput = useSettledInput(receiver, (v) => (setReceiver(v), setOffset(0)));
  const { resource, refresh } = useRefreshingCall('notifications.list', { status: status || undefined, receiver: receiver.trim() || undefined, limit: PAGE, offset });
  useHostEvent('notifications.changed', refresh);

  return (
    <section aria-label="Notifications">
      <div className="section-head">
        <h2>Notifications</h2>
        <div className="pod-filters" role="search" aria-label="Filter notifications">
          <FilterSelect label="Status" value={status} anyLabel="Any status" options={DELIVERY_STATUSES} onChange={(v) => (setStatus(v as DeliveryStatus | ''), setOffset(0))} />
          <label className="pod-filters__field">
            <span>Receiver</span>
            <input type="search" aria-label="Receiver" spellCheck={false} {...receiverInput} />
          </label>
        </div>
      </div>
      <ResourceView resource={resource} onRetry={refresh} loadingLabel="Loading notifications…" errorTitle="Could not load notifications">
        {(page) =>
          page.total === 0 ? (
            <p className="muted">No notification {status || receiver ? 'matches' : 'has been sent yet'}. The routing config decides which receiver gets which alert.</p>
          ) : (
            <>
              <table className="table" aria-label="Notification deliveries">
                <thead>
                  <tr>
                    <th scope="col">Created</th>
                    <th scope="col">Receiver</th>
                    <th scope="col">Integration</th>
                    <th scope="col">Group</th>
                    <th scope="col">Status</th>
                    <th scope="col">Attempts</th>
                    <th scope="col">When</th>
                    <th scope="col">Last error</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((d) => (
                    <Fragment key={d.id}>
                      <tr data-delivery={d.id} data-status={d.status} onClick={() => setOpen(open === d.id ? null : d.id)} aria-expanded={open === d.id}>
                        <td>{formatTimestamp(d.createdAt)}</td>
                        <td>{d.receiver}</td>
                        <td>{d.integration}</td>
                        <td className="mono">{d.groupKey}</td>
                        <td>
                          <span className={`badge badge--${STATUS_BADGE[d.status]}`}>{d.status}</span>
                        </td>
                        <td>{d.attempts}</td>
                        <td>{when(d)}</td>
                        <td>{d.lastError}</td>
                      </tr>
                      {open === d.id && (
                        <tr>
                          <td colSpan={8}>
                            <CopyableCode text={JSON.stringify(d.payload, null, 2)} copyLabel="Copy payload" testId="delivery-payload" />
                          </td>
                        </tr>
                      )}
                    </Fragment>
                  ))}
                </tbody>
              </table>
              <Pager offset={offset} shown={page.items.length} total={page.total} pageSize={PAGE} onOffset={setOffset} />
            </>
          )
        }
      </ResourceView>
      <NotificationSecrets />
    </section>
  );
}
