import type { AlertInstance } from '@contract';
import { useState } from 'react';
import { formatTimestamp } from '../../../format/time';
import { AlertRunbookLinks } from '../../runbooks/AlertRunbookLinks';
import { SilenceDialog } from '../silences/SilenceDialog';
import { AckDialog } from './AckDialog';
import { alertSilenceMatchers } from './alertMatchers';
import { AlertMarkers, formatAlertValue } from './alertColumns';

interface Props {
  alert: AlertInstance;
  onChanged(): void;
  onClose(): void;
}

/** What happened to the alert, in order. */
function timeline(a: AlertInstance): [string, number][] {
  const steps: [string, number | null][] = [
    ['Pending since', a.activeAt],
    ['Firing since', a.firedAt],
    ['Condition cleared (kept firing) at', a.keepFiringSince],
    ['Acknowledged at', a.ack?.at ?? null],
    ['Resolved at', a.resolvedAt],
    ['Last evaluated at', a.lastEvalAt],
  ];
  return steps.filter((s): s is [string, number] => s[1] !== null);
}

function Pairs({ title, pairs }: { title: string; pairs: Record<string, string> }) {
  const entries = Object.entries(pairs).sort(([a], [b]) => a.localeCompare(b));
  return (
    <>
      <h4>{title}</h4>
      {entries.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <dl className="pairs">
          {entries.map(([k, v]) => (
            <div key={k}>
              <dt className="mono">{k}</dt>
              <dd>{v}</dd>
            </div>
          ))}
        </dl>
      )}
    </>
  );
}

/** One alert: annotations, labels, timeline, and Acknowledge and Silence. */
export function AlertDetail({ alert, onChanged, onClose }: Props) {
  const [dialog, setDialog] = useState<'ack' | 'silence' | null>(null);
  return (
    <section className="alert-detail" aria-label={`Alert ${alert.alertname}`} data-testid="alert-detail">
      <div className="section-head">
        <h3>
          <span className={`badge badge--${alert.state}`}>{alert.state}</span> <span className="mono">{alert.alertname}</span> <AlertMarkers alert={alert} />
        </h3>
        <div className="alert-detail__actions">
          <button type="button" className="button button--small" onClick={() => setDialog('ack')} disabled={alert.ack !== null}>
            Acknowledge…
          </button>
          <button type="button" className="button button--small" onClick={() => setDialog('silence')}>
            Silence…
          </button>
          <button type="button" className="button button--small" onClick={onClose} aria-label="Close alert detail">
            ×
          </button>
        </div>
      </div>
      <p className="muted">
        Value <span className="mono">{formatAlertValue(alert.value)}</span> ·{' '}
        {alert.file.startsWith('engine:') ? (
          <>raised by the {alert.group} engine</>
        ) : (
          <>
            rule group {alert.group} in <span className="mono">{alert.file}</span>
          </>
        )}
      </p>
      <AlertRunbookLinks alert={alert} />
      {alert.ack && (
        <p>
          Acknowledged by {alert.ack.by} at {formatTimestamp(alert.ack.at)}
          {alert.ack.comment && `: ${alert.ack.comment}`}
        </p>
      )}
      <Pairs title="Annotations" pairs={alert.annotations} />
      <Pairs title="Labels" pairs={alert.labels} />
      <h4>Timeline</h4>
      <ol className="alert-timeline">
        {timeline(alert).map(([what, ts]) => (
          <li key={what}>
            {what} {formatTimestamp(ts)}
          </li>
        ))}
      </ol>
      {dialog === 'ack' && <AckDialog alert={alert} onDone={onChanged} onClose={() => setDialog(null)} />}
      {dialog === 'silence' && <SilenceDialog initial={alertSilenceMatchers(alert)} onDone={onChanged} onClose={() => setDialog(null)} />}
    </section>
  );
}
