import type { Alert, AlertHistoryPage, AlertInstance, AlertSeverity, AlertSummary, ParsedInput } from '../../contract';
import { OpsdeckError } from '../../contract';
import type { AlertStore } from './alertStore';
import type { SilenceStore } from './silenceStore';

/** The severity label as the tray and notifications know it; unknown words count as warnings. */
export function severityOf(labels: Record<string, string>): AlertSeverity {
  const s = (labels.severity ?? '').toLowerCase();
  if (s === 'critical' || s === 'page') return 'critical';
  if (s === 'info' || s === 'none') return 'info';
  return 'warning';
}

/** The rule engine's alerts as the summary carries them (the tray and notifications read it). */
function summaryAlert(a: AlertInstance): Alert {
  return {
    id: `rule:${a.id}`,
    rule: a.alertname,
    severity: severityOf(a.labels),
    summary: a.annotations.summary || a.annotations.description || a.alertname,
    labels: a.labels,
    activeSince: a.activeAt,
    state: a.state === 'pending' ? 'pending' : 'firing',
    value: a.value ?? Number.NaN,
  };
}

/** Alert instances with their silences and acknowledgements, as the channels show them. */
export class AlertBook {
  constructor(
    private readonly alerts: AlertStore,
    private readonly silences: SilenceStore,
  ) {}

  private withSilences<T extends Omit<AlertInstance, 'silencedBy'>>(items: T[]): AlertInstance[] {
    const active = this.silences.active();
    return items.map((a) => ({ ...a, silencedBy: a.state === 'resolved' ? [] : this.silences.silencing(a.labels, active) }));
  }

  current(): AlertInstance[] {
    return this.withSilences(this.alerts.current());
  }

  history(query: ParsedInput<'alerts.history'>): AlertHistoryPage {
    const page = this.alerts.history(query);
    return { items: this.withSilences(page.items), total: page.total };
  }

  ack(id: number, by: string, comment: string): AlertInstance {
    if (!this.alerts.get(id)) throw new OpsdeckError('NOT_FOUND', `No alert with id ${id}.`);
    this.alerts.ack(id, { by, at: Date.now(), comment });
    return this.withSilences([this.alerts.get(id)!])[0]!;
  }

  /** Pending and firing alerts that no silence mutes. */
  summary(): Pick<AlertSummary, 'firing' | 'pending'> {
    const loud = this.current().filter((a) => a.silencedBy.length === 0).map(summaryAlert);
    return { firing: loud.filter((a) => a.state === 'firing'), pending: loud.filter((a) => a.state === 'pending') };
  }
}
