import type { K8sEventRow } from '@contract';
import { formatTimestamp } from '../../format/time';
import { browserKindOf } from './kinds';

interface Props {
  events: K8sEventRow[];
  label: string;
  /** Show which object each event is about (off inside that object's own detail). */
  showObject?: boolean;
  /** Opens the event's object, when its kind is one the browser lists. */
  onOpen?(apiKind: string, namespace: string | null, name: string): void;
}

/** Events as kubectl events lists them: newest first, warnings marked. */
export function EventsTable({ events, label, showObject = false, onOpen }: Props) {
  return (
    <table className="table detail-table events-table" aria-label={label}>
      <thead>
        <tr>
          <th scope="col">Last seen</th>
          <th scope="col">Type</th>
          <th scope="col">Reason</th>
          {showObject && <th scope="col">Object</th>}
          <th scope="col">Message</th>
          <th scope="col">Count</th>
        </tr>
      </thead>
      <tbody>
        {events.map((e, i) => {
          const object = `${e.object.kind}/${e.object.namespace ? `${e.object.namespace}/` : ''}${e.object.name}`;
          return (
            <tr key={i} data-event-type={e.type} className={e.type === 'Warning' ? 'event--warning' : undefined}>
              <td>{e.lastSeen === null ? '—' : formatTimestamp(e.lastSeen)}</td>
              <td>{e.type}</td>
              <td>{e.reason}</td>
              {showObject && (
                <td className="mono">
                  {onOpen && browserKindOf(e.object.kind) ? (
                    <button type="button" className="link-button" onClick={() => onOpen(e.object.kind, e.object.namespace, e.object.name)}>
                      {object}
                    </button>
                  ) : (
                    object
                  )}
                </td>
              )}
              <td className="wrap">{e.message}</td>
              <td className="num">{e.count}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
