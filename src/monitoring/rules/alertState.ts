import type { AlertInstanceState } from '../../contract';
import { fingerprint, sortedLabels } from './labels';
import type { AlertingRule } from './ruleFile';

/** One alert of a rule: a label set and where it is in its life. */
export interface ActiveAlert {
  /** The store's id; null until first stored. */
  id: number | null;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  state: AlertInstanceState;
  value: number;
  activeAt: number;
  firedAt: number | null;
  resolvedAt: number | null;
  keepFiringSince: number | null;
  /** The evaluation that last changed it (the store shows the rule's latest for the others). */
  lastEvalAt: number;
}

export interface SeriesSample {
  metric: Record<string, string>;
  value: number;
}

export interface RuleEvaluation {
  /** Alerts this evaluation started, changed (state, value, annotations, keep_firing_for) or resolved. */
  updated: ActiveAlert[];
  /** Pending alerts whose condition stopped holding before they fired: forgotten, as Prometheus does. */
  dropped: ActiveAlert[];
  /** Whether any alert started, changed state or ended. */
  transitions: boolean;
}

/** What the store has yet to be told: alerts to write and alerts to forget. */
export interface UnsavedAlerts {
  updated: ActiveAlert[];
  dropped: ActiveAlert[];
}

/** A series as its last evaluation rendered it: its alert's labels, identity and annotations. */
interface Rendered {
  metric: Record<string, string>;
  labelCount: number;
  value: number;
  key: string;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  cycle: number;
  /** Its alert when last seen, to skip the lookup while that alert lives. */
  held: Held | null;
}

interface Held {
  alert: ActiveAlert;
  /** The evaluation that last saw its series; two series in one evaluation are an error. */
  cycle: number;
  live: boolean;
}

// Thrown before any alert changed: the next evaluation starts from the alerts as they were.
const duplicate = () => new Error('vector contains metrics with the same labelset after applying alert labels');

const seriesKey = (metric: Record<string, string>) => JSON.stringify(metric);

function keyCount(record: Record<string, string>): number {
  let n = 0;
  for (const _ in record) n++;
  return n;
}

/** Whether two series have the same labels: compared name by name, without building a key. */
function sameSeries(metric: Record<string, string>, known: Rendered): boolean {
  let n = 0;
  for (const name in metric) {
    if (metric[name] !== known.metric[name]) return false;
    n++;
  }
  return n === known.labelCount;
}

function sameAnnotations(a: Record<string, string>, b: Record<string, string>): boolean {
  for (const name in a) if (a[name] !== b[name]) return false;
  return keyCount(a) === keyCount(b);
}

const usesValue = (rule: AlertingRule) => [...rule.templates.labels, ...rule.templates.annotations].some(([, t]) => t.usesValue);

/**
 * Prometheus's alerting rule evaluation for one rule, its active (pending or firing) alerts by label set.
 * inactive → pending (condition holds) → firing (held for `for`) → resolved (stopped holding,
 * after keep_firing_for when set); a pending alert that stops holding is dropped.
 *
 * A series whose labels and (for templates that read $value) value are those of the last evaluation
 * keeps what its templates rendered: a query returns its series in the same order each time, so
 * each is first compared with the series at its position and looked up by its labels only when
 * that differs. Alerts that changed wait in `unsaved` until the store took them.
 */
export class RuleAlerts {
  private readonly held = new Map<string, Held>();
  /** The last evaluation's series in their order, and all of them by their labels. */
  private ordered: Rendered[] = [];
  /** The array the next evaluation fills: two arrays take turns instead of one new per evaluation. */
  private spare: Rendered[] = [];
  private readonly bySeries = new Map<string, Rendered>();
  private renderedFor: AlertingRule | null = null;
  private readsValue = false;
  private cycle = 0;
  private readonly unsavedAlerts = new Set<ActiveAlert>();
  private droppedAlerts: ActiveAlert[] = [];
  private pendingCount = 0;
  private evaluatedAt = 0;

  /** Alerts restored from the store. */
  constructor(alerts: Iterable<ActiveAlert> = []) {
    for (const alert of alerts) {
      this.held.set(fingerprint(alert.labels), { alert, cycle: 0, live: true });
      if (alert.state === 'pending') this.pendingCount++;
    }
  }

  get size(): number {
    return this.held.size;
  }

  *values(): IterableIterator<ActiveAlert> {
    for (const h of this.held.values()) yield h.alert;
  }

  /**
   * One evaluation at time ts from the query's samples. Throws when two series map to the same
   * alert label set, as Prometheus does; the alerts are then as they were.
   */
  evaluate(rule: AlertingRule, samples: SeriesSample[], ts: number): RuleEvaluation {
    if (rule !== this.renderedFor) {
      // A reloaded rule may have other templates.
      this.ordered = [];
      this.bySeries.clear();
      this.renderedFor = rule;
      this.readsValue = usesValue(rule);
    }
    const cycle = ++this.cycle;
    const ordered = this.spare;
    ordered.length = samples.length;
    let fresh: Set<string> | null = null;
    for (let i = 0; i < samples.length; i++) {
      const { metric, value } = samples[i]!;
      const last = this.ordered[i];
      let r = last && sameSeries(metric, last) ? last : this.bySeries.get(seriesKey(metric));
      if (!r) {
        r = this.render(rule, metric, value, cycle);
        this.bySeries.set(seriesKey(metric), r);
      } else if (this.readsValue && !Object.is(r.value, value)) {
        const again = this.render(rule, metric, value, cycle);
        r.value = value;
        r.annotations = again.annotations;
        if (again.key !== r.key) Object.assign(r, { key: again.key, labels: again.labels, held: null });
      }
      if (r.cycle === cycle) throw duplicate();
      r.cycle = cycle;
      ordered[i] = r;
      const h = r.held?.live ? r.held : (this.held.get(r.key) ?? null);
      if (h) {
        if (h.cycle === cycle) throw duplicate();
        h.cycle = cycle;
      } else {
        fresh ??= new Set();
        if (fresh.has(r.key)) throw duplicate();
        fresh.add(r.key);
      }
      r.held = h;
    }
    return this.apply(rule, ordered, samples, ts, cycle);
  }

  /** The evaluation's changes, once its series are known to be distinct alerts. */
  private apply(rule: AlertingRule, ordered: Rendered[], samples: SeriesSample[], ts: number, cycle: number): RuleEvaluation {
    const updated = new Set<ActiveAlert>();
    const dropped: ActiveAlert[] = [];
    let transitions = false;
    this.evaluatedAt = ts;
    for (let i = 0; i < ordered.length; i++) {
      const r = ordered[i]!;
      const value = samples[i]!.value;
      const h = r.held;
      if (!h) {
        transitions = true;
        const alert: ActiveAlert = { id: null, labels: r.labels, annotations: r.annotations, state: 'pending', value, activeAt: ts, firedAt: null, resolvedAt: null, keepFiringSince: null, lastEvalAt: ts };
        r.held = { alert, cycle, live: true };
        this.held.set(r.key, r.held);
        this.pendingCount++;
        this.changed(alert, updated);
        continue;
      }
      const { alert } = h;
      if (!Object.is(alert.value, value)) {
        alert.value = value;
        this.changed(alert, updated);
      }
      if (alert.keepFiringSince !== null) {
        alert.keepFiringSince = null;
        this.changed(alert, updated);
      }
      if (alert.annotations !== r.annotations) {
        if (!sameAnnotations(alert.annotations, r.annotations)) this.changed(alert, updated);
        alert.annotations = r.annotations;
      }
    }
    this.spare = this.ordered;
    this.ordered = ordered;
    if (this.bySeries.size > ordered.length) for (const [k, r] of this.bySeries) if (r.cycle !== cycle) this.bySeries.delete(k);

    // Every alert seen and none pending: no state to move.
    if (this.held.size === ordered.length && this.pendingCount === 0) return { updated: [...updated], dropped, transitions };
    this.held.forEach((h, key) => {
      const alert = h.alert;
      if (h.cycle !== cycle) {
        if (alert.state === 'pending') {
          this.pendingCount--;
          this.forget(key, h);
          this.unsavedAlerts.delete(alert);
          if (alert.id !== null) this.droppedAlerts.push(alert);
          dropped.push(alert);
          transitions = true;
          return;
        }
        if (rule.keepFiringForMs === 0 || ts - (alert.keepFiringSince ??= ts) >= rule.keepFiringForMs) {
          alert.state = 'resolved';
          alert.resolvedAt = ts;
          this.forget(key, h);
          this.changed(alert, updated);
          transitions = true;
          return;
        }
        // keepFiringSince was set now, or still counts: written when it changes.
        if (alert.keepFiringSince === ts) this.changed(alert, updated);
      }
      if (alert.state === 'pending' && ts - alert.activeAt >= rule.forMs) {
        this.pendingCount--;
        alert.state = 'firing';
        alert.firedAt = ts;
        this.changed(alert, updated);
        transitions = true;
      }
    });
    return { updated: [...updated], dropped, transitions };
  }

  /** Changes since the last `saved()`, for the store. */
  unsaved(): UnsavedAlerts {
    return { updated: [...this.unsavedAlerts], dropped: this.droppedAlerts };
  }

  /** The store took what `unsaved()` returned. */
  saved(): void {
    this.unsavedAlerts.clear();
    this.droppedAlerts = [];
  }

  private forget(key: string, h: Held): void {
    this.held.delete(key);
    h.live = false;
  }

  /** The alert is written with this evaluation's time; unchanged ones keep theirs (the store shows the rule's). */
  private changed(alert: ActiveAlert, updated: Set<ActiveAlert>): void {
    alert.lastEvalAt = this.evaluatedAt;
    this.unsavedAlerts.add(alert);
    updated.add(alert);
  }

  private render(rule: AlertingRule, metric: Record<string, string>, value: number, cycle: number): Rendered {
    const data = { labels: metric, value };
    const { __name__: _, ...seriesLabels } = metric;
    const labels: Record<string, string> = { ...seriesLabels };
    for (const [name, template] of rule.templates.labels) labels[name] = template.render(data);
    labels.alertname = rule.alert;
    const annotations = Object.fromEntries(rule.templates.annotations.map(([name, template]) => [name, template.render(data)]));
    return { metric, labelCount: keyCount(metric), value, key: fingerprint(labels), labels: sortedLabels(labels), annotations, cycle: cycle - 1, held: null };
  }
}
