import type { K8sObjectDetail } from '@contract';
import { formatBytes } from '../../format/bytes';
import { formatTimestamp } from '../../format/time';
import { age } from './figures';
import { browserKindOf } from './kinds';
import type { TableRow } from './useObjectRow';

interface Props {
  detail: K8sObjectDetail;
  row: TableRow | null;
  onOpen?(apiKind: string, namespace: string | null, name: string): void;
  onLogs?(container: string): void;
}

function KeyValues({ title, values }: { title: string; values: Record<string, string> }) {
  const entries = Object.entries(values);
  return (
    <section className="detail-section" aria-label={title}>
      <h3>{title}</h3>
      {entries.length === 0 ? (
        <p className="muted">none</p>
      ) : (
        <ul className="key-values">
          {entries.map(([k, v]) => (
            <li key={k} className="mono">
              <span className="key-values__key">{k}</span>=<span className="key-values__value">{v}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A pod's line in the pods table, spelled out: status, readiness, restarts, node and usage. */
function PodFacts({ pod }: { pod: Extract<TableRow, { kind: 'pod' }>['row'] }) {
  return (
    <>
      <dt>Status</dt>
      <dd>
        {pod.status} · {pod.readyContainers}/{pod.containers} ready · {pod.restarts} restarts
      </dd>
      <dt>Node</dt>
      <dd className="mono">{pod.node ?? 'not scheduled'}</dd>
      {pod.cpuMillis !== null && pod.memoryBytes !== null && (
        <>
          <dt>Usage</dt>
          <dd>
            {Math.round(pod.cpuMillis)}m CPU · {formatBytes(pod.memoryBytes)} memory
          </dd>
        </>
      )}
    </>
  );
}

/** What an object is: where it lives, who owns it, its conditions, labels, annotations and (pods) containers. */
export function DetailSummary({ detail, row, onOpen, onLogs }: Props) {
  const now = Date.now();
  return (
    <>
      <dl className="detail-facts">
        {detail.namespace && (
          <>
            <dt>Namespace</dt>
            <dd className="mono">{detail.namespace}</dd>
          </>
        )}
        {row?.kind === 'object' && (
          <>
            <dt>Status</dt>
            <dd className={`health health--${row.row.health}`}>{row.row.status}</dd>
          </>
        )}
        {row?.kind === 'pod' && <PodFacts pod={row.row} />}
        <dt>Created</dt>
        <dd>{detail.createdAt === null ? '—' : `${formatTimestamp(detail.createdAt)} (${age(detail.createdAt, now)} ago)`}</dd>
        <dt>UID</dt>
        <dd className="mono">{detail.uid}</dd>
      </dl>

      {detail.owners.length > 0 && (
        <section className="detail-section" aria-label="Owners">
          <h3>Owned by</h3>
          <ol className="owner-chain">
            {detail.owners.map((o) => {
              const openable = onOpen && o.found && browserKindOf(o.kind);
              return (
                <li key={o.uid}>
                  {openable ? (
                    <button type="button" className="link-button mono" onClick={() => onOpen(o.kind, detail.namespace, o.name)}>
                      {o.kind}/{o.name}
                    </button>
                  ) : (
                    <span className="mono">
                      {o.kind}/{o.name}
                    </span>
                  )}
                  {!o.found && <span className="muted"> (gone)</span>}
                </li>
              );
            })}
          </ol>
        </section>
      )}

      {detail.containers.length > 0 && (
        <section className="detail-section" aria-label="Containers">
          <h3>Containers</h3>
          <table className="table detail-table">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Image</th>
                <th scope="col">State</th>
                <th scope="col">Ready</th>
                <th scope="col">Restarts</th>
                {onLogs && (
                  <th scope="col">
                    <span className="visually-hidden">Logs</span>
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {detail.containers.map((c) => (
                <tr key={c.name} data-container={c.name}>
                  <td className="mono">
                    {c.name}
                    {c.init && <span className="muted"> (init)</span>}
                  </td>
                  <td className="mono wrap">{c.image}</td>
                  <td>{c.state}</td>
                  <td>{c.ready ? 'yes' : 'no'}</td>
                  <td className="num">{c.restarts}</td>
                  {onLogs && (
                    <td>
                      <button type="button" className="button button--small" aria-label={`Logs of ${c.name}`} onClick={() => onLogs(c.name)}>
                        Logs
                      </button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}

      <section className="detail-section" aria-label="Conditions">
        <h3>Conditions</h3>
        {detail.conditions.length === 0 ? (
          <p className="muted">none reported</p>
        ) : (
          <table className="table detail-table">
            <thead>
              <tr>
                <th scope="col">Type</th>
                <th scope="col">Status</th>
                <th scope="col">Reason</th>
                <th scope="col">Message</th>
                <th scope="col">Since</th>
              </tr>
            </thead>
            <tbody>
              {detail.conditions.map((c) => (
                <tr key={c.type} data-condition={c.type}>
                  <td>{c.type}</td>
                  <td>{c.status}</td>
                  <td>{c.reason ?? '—'}</td>
                  <td className="wrap">{c.message ?? '—'}</td>
                  <td>{c.lastTransitionTime === null ? '—' : formatTimestamp(c.lastTransitionTime)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>

      <KeyValues title="Labels" values={detail.labels} />
      <KeyValues title="Annotations" values={detail.annotations} />
    </>
  );
}
