import type { K8sContextInfo } from '@contract';
import { formatTime } from '../../format/time';
import { StateBadge } from './StateBadge';

interface Props {
  contexts: K8sContextInfo[];
  selected: string | null;
  onSelect(name: string): void;
  onToggle(name: string, enabled: boolean): void;
}

function StateCell({ context }: { context: K8sContextInfo }) {
  return (
    <>
      <StateBadge state={context.state} />
      {context.message && <div className="context-table__message">{context.message}</div>}
      {context.nextRetryAt !== null && context.state !== 'connected' && (
        <div className="muted">
          {context.lastAttemptAt !== null && `last attempt ${formatTime(context.lastAttemptAt)} · `}next at {formatTime(context.nextRetryAt)}
        </div>
      )}
    </>
  );
}

const COLUMNS = ['Context', 'Server', 'User', 'Namespace', 'State', 'Watch'];

/** Every kubeconfig context: where it points, its connection state in the server's words, and a switch to connect it. */
export function ContextTable({ contexts, selected, onSelect, onToggle }: Props) {
  return (
    <table className="table context-table" aria-label="Kubeconfig contexts">
      <thead>
        <tr>
          {COLUMNS.map((name) => (
            <th scope="col" key={name}>
              <span className="table__head">{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {contexts.map((c) => {
          const isSelected = c.name === selected;
          return (
            <tr
              key={c.name}
              className={isSelected ? 'table__row--focused' : undefined}
              aria-current={isSelected ? 'true' : undefined}
              data-context={c.name}
            >
              <td>
                <button type="button" className="link-button" title={`Defined in ${c.source}`} onClick={() => onSelect(c.name)}>
                  {c.name}
                </button>
                {c.current && <span className="badge context-table__current">current</span>}
              </td>
              <td className="mono">
                {c.server ?? <span className="muted">cluster “{c.cluster}” not defined</span>}
                {c.warnings.map((w) => (
                  <div key={w} className="context-table__warning" role="note">
                    ⚠ {w}
                  </div>
                ))}
              </td>
              <td className="mono">{c.user || <span className="muted">none</span>}</td>
              <td className="mono">{c.namespace ?? <span className="muted">default</span>}</td>
              <td>
                <StateCell context={c} />
              </td>
              <td>
                <label className="switch">
                  <input
                    type="checkbox"
                    role="switch"
                    checked={c.enabled}
                    aria-label={`Watch ${c.name}`}
                    onChange={(e) => onToggle(c.name, e.target.checked)}
                  />
                  <span className="switch__track" aria-hidden="true" />
                </label>
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
