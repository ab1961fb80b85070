import type { DockerEngineInfo } from '@contract';
import { formatTime } from '../../format/time';
import { EngineBadge } from './EngineBadge';

interface Props {
  engines: DockerEngineInfo[];
  /** null: every engine. */
  selected: string | null;
  onSelect(name: string | null): void;
  onRemove(name: string): void;
}

const COLUMNS = ['Engine', 'Endpoint', 'Version', 'State', 'Containers', ''];

function StateCell({ engine }: { engine: DockerEngineInfo }) {
  return (
    <>
      <EngineBadge state={engine.state} />
      {engine.message && <div className="engine-table__message">{engine.message}</div>}
      {engine.nextRetryAt !== null && engine.state !== 'connected' && (
        <div className="muted">
          {engine.lastAttemptAt !== null && `last attempt ${formatTime(engine.lastAttemptAt)} · `}next at {formatTime(engine.nextRetryAt)}
        </div>
      )}
    </>
  );
}

/** Every engine with its connection state and version; picking one narrows the tab to it. */
export function EngineTable({ engines, selected, onSelect, onRemove }: Props) {
  return (
    <table className="table engine-table" aria-label="Container engines">
      <thead>
        <tr>
          {COLUMNS.map((name, i) => (
            <th scope="col" key={i}>
              <span className="table__head">{name}</span>
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {engines.length > 1 && (
          <tr className={selected === null ? 'table__row--focused' : undefined} aria-current={selected === null ? 'true' : undefined}>
            <td colSpan={COLUMNS.length}>
              <button type="button" className="link-button" onClick={() => onSelect(null)}>
                All engines
              </button>
            </td>
          </tr>
        )}
        {engines.map((e) => {
          const isSelected = e.name === selected;
          return (
            <tr key={e.name} data-engine={e.name} className={isSelected ? 'table__row--focused' : undefined} aria-current={isSelected ? 'true' : undefined}>
              <td>
                <button type="button" className="link-button" onClick={() => onSelect(e.name)}>
                  {e.name}
                </button>
                {e.current && <span className="badge engine-table__tag">current</span>}
                <div className="muted">{e.source}</div>
              </td>
              <td className="mono">
                {e.endpoint}
                {e.tls !== 'none' && <span className="badge engine-table__tag">TLS</span>}
              </td>
              <td>{e.version ? `${e.product ?? 'Engine'} ${e.version}${e.os ? ` · ${e.os}/${e.arch ?? ''}` : ''}` : <span className="muted">—</span>}</td>
              <td>
                <StateCell engine={e} />
              </td>
              <td className="num" data-testid={`engine-count-${e.name}`}>
                {e.state === 'connected' ? `${e.containers.running} running / ${e.containers.total}` : '—'}
              </td>
              <td>
                {e.source === 'added' && (
                  <button type="button" className="button button--small" aria-label={`Remove engine ${e.name}`} onClick={() => onRemove(e.name)}>
                    Remove
                  </button>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
