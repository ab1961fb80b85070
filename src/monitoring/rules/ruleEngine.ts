import type { RuleFileInfo, RuleFileText, RuleGroupInfo, RuleHealth, RuleProblem, RulesList, RuleValidation } from '../../contract';
import { OpsdeckError } from '../../contract';
import { RuleAlerts, type ActiveAlert, type SeriesSample } from './alertState';
import type { AlertStore, RuleRef } from './alertStore';
import { thresholdSamples } from './hostThreshold';
import { parseRuleFile, type AlertingRule, type RuleGroup } from './ruleFile';
import { fileInfo, type RuleFileEntry, type RuleFolder } from './ruleFolder';
import { ruleSamples } from './ruleQuery';
import { NO_RULE_SOURCE_HINT, type RuleSource } from './ruleSource';
import type { SignalRegistry } from '../signals/signalRegistry';

/** What a rule keeps across reloads and restarts. */
interface RuleState {
  active: RuleAlerts;
  health: RuleHealth;
  lastError: string | null;
  lastEvalAt: number | null;
}

interface RuleRuntime extends RuleState {
  ref: RuleRef;
  rule: AlertingRule;
}

interface GroupRuntime {
  group: RuleGroup;
  readOnly: boolean;
  rules: RuleRuntime[];
  lastEvalAt: number | null;
  timer: NodeJS.Timeout | null;
  stopped: boolean;
}

export interface RuleEngineOptions {
  folder: RuleFolder;
  alerts: AlertStore;
  source: RuleSource;
  /** Opsdeck's own signals (host, Docker, Kubernetes), for host rules. */
  signals: Pick<SignalRegistry, 'read' | 'hold'>;
  /** After each group's evaluation, so the alert summary can be checked for changes. */
  onEvaluated: () => void;
  log: (message: string) => void;
  queryTimeoutMs?: number;
}

const refKey = (ref: RuleRef) => JSON.stringify([ref.file, ref.group, ref.alertname]);
const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));

/**
 * Stores a group's evaluation at ts in one transaction: the rules' changed alerts (also those a
 * failed write left), and when the evaluated rules' open alerts were evaluated.
 */
export function storeEvaluation(store: AlertStore, rules: { ref: RuleRef; active: RuleAlerts }[], evaluated: { ref: RuleRef }[], ts: number): void {
  store.saveAll(rules.map((r) => ({ rule: r.ref, ...r.active.unsaved() })));
  for (const r of rules) r.active.saved();
  store.evaluated(evaluated.map((r) => r.ref), ts);
}

/**
 * Runs the alerting rules: each group on its interval against the rules' Prometheus source,
 * alerts kept per rule and stored after every evaluation; rule files reload when they change.
 */
export class RuleEngine {
  private entries: RuleFileEntry[] = [];
  /** The last version of each file that loaded, kept while a newer one has problems (as Prometheus keeps its rules). */
  private readonly lastGood = new Map<string, RuleGroup[]>();
  private groups: GroupRuntime[] = [];
  private readonly queryTimeoutMs: number;
  /** Stopped: the store may be closing, evaluations still in flight write nothing. */
  private closed = false;

  constructor(private readonly options: RuleEngineOptions) {
    this.queryTimeoutMs = options.queryTimeoutMs ?? 30_000;
  }

  start(): void {
    this.closed = false;
    this.reload(this.restored());
    this.options.folder.watch();
  }

  stop(): void {
    this.options.folder.stop();
    this.closed = true;
    for (const g of this.groups) {
      this.halt(g);
      // An evaluation still waiting for a query ends without storing: what it changed so far is stored now.
      storeEvaluation(this.options.alerts, g.rules, [], Date.now());
    }
    this.groups = [];
    this.options.alerts.persistEvaluations();
  }

  /** Open alerts from the store, by rule: a restart keeps them, with their activeAt. */
  private restored(): Map<string, RuleState> {
    const byRule = new Map<string, ActiveAlert[]>();
    for (const { alert, ...ref } of this.options.alerts.open()) {
      const key = refKey(ref);
      const alerts = byRule.get(key) ?? [];
      alerts.push(alert);
      byRule.set(key, alerts);
    }
    return new Map([...byRule].map(([key, alerts]) => [key, { active: new RuleAlerts(alerts), health: 'unknown', lastError: null, lastEvalAt: null }]));
  }

  /** Reads the rule files again; rules that stay keep their alerts and health. */
  reload(previous: Map<string, RuleState> = this.runtimes()): void {
    for (const g of this.groups) this.halt(g);
    this.entries = this.options.folder.read();
    const groups: GroupRuntime[] = [];
    for (const entry of this.entries) {
      if (!entry.parsed.problems.length) this.lastGood.set(entry.name, entry.parsed.groups);
      for (const group of this.lastGood.get(entry.name) ?? []) {
        const rules = group.rules.map((rule) => {
          const ref = { file: group.file, group: group.name, alertname: rule.alert };
          const kept = previous.get(refKey(ref));
          previous.delete(refKey(ref));
          return { active: kept?.active ?? new RuleAlerts(), health: kept?.health ?? 'unknown', lastError: kept?.lastError ?? null, lastEvalAt: kept?.lastEvalAt ?? null, ref, rule };
        });
        groups.push({ group, readOnly: entry.readOnly, rules, lastEvalAt: null, timer: null, stopped: false });
      }
    }
    for (const name of [...this.lastGood.keys()]) if (!this.entries.some((f) => f.name === name)) this.lastGood.delete(name);
    this.groups = groups;
    this.options.signals.hold(groups.filter((g) => g.group.source === 'host').flatMap((g) => g.rules.map((r) => r.rule.threshold!.metric)));
    const live = new Set(groups.flatMap((g) => g.rules.map((r) => refKey(r.ref))));
    this.options.alerts.closeOrphans((ref) => live.has(refKey(ref)), Date.now());
    for (const g of groups) this.schedule(g, 0);
    this.options.onEvaluated();
  }

  /** Groups that waited for a source are evaluated as soon as one may be there, not an interval later. */
  sourcesChanged(): void {
    for (const g of this.groups) {
      if (g.lastEvalAt !== null || g.stopped || !g.timer) continue;
      clearTimeout(g.timer);
      this.schedule(g, 0);
    }
  }

  private runtimes(): Map<string, RuleState> {
    return new Map(this.groups.flatMap((g) => g.rules.map((r) => [refKey(r.ref), r] as const)));
  }

  private halt(g: GroupRuntime): void {
    g.stopped = true;
    if (g.timer) clearTimeout(g.timer);
    g.timer = null;
  }

  private schedule(g: GroupRuntime, delayMs: number): void {
    g.timer = setTimeout(async () => {
      g.timer = null;
      const started = Date.now();
      // A failure outside the rules' own queries (the store, the host sample) must not stop the host or the group.
      await this.evaluate(g).catch((err: unknown) => this.options.log(`rules: evaluating group "${g.group.name}" failed: ${errorText(err)}`));
      if (!g.stopped) this.schedule(g, Math.max(0, g.group.intervalMs - (Date.now() - started)));
    }, delayMs);
  }

  /** One evaluation of a group at one time; a failing rule is marked with its error, the others run. */
  private async evaluate(g: GroupRuntime): Promise<void> {
    const ts = Date.now();
    const query = this.queryFor(g, ts);
    if (!query) return;
    const evaluated: RuleRuntime[] = [];
    try {
      for (const r of g.rules) {
        try {
          const samples = await query(r.rule);
          if (g.stopped) return;
          r.active.evaluate(r.rule, samples, ts);
          evaluated.push(r);
          r.health = 'ok';
          r.lastError = null;
        } catch (err) {
          if (g.stopped) return;
          r.health = 'err';
          r.lastError = errorText(err);
        }
        r.lastEvalAt = ts;
      }
    } finally {
      // Also when a reload stopped the group midway: the rules it evaluated keep their alerts.
      if (!this.closed) storeEvaluation(this.options.alerts, g.rules, evaluated, ts);
    }
    g.lastEvalAt = ts;
    this.options.onEvaluated();
  }

  /** How the group's rules get their samples at ts; null while there is nothing to ask. */
  private queryFor(g: GroupRuntime, ts: number): ((rule: AlertingRule) => Promise<SeriesSample[]>) | null {
    if (g.group.source === 'host') {
      // The group waits until every metric it compares has something to say.
      const series = new Map<string, SeriesSample[]>();
      for (const { rule } of g.rules) {
        const metric = rule.threshold!.metric;
        if (series.has(metric)) continue;
        const read = this.options.signals.read(metric);
        if (!read) return null;
        series.set(metric, read);
      }
      return async (rule) => thresholdSamples(rule.threshold!, series.get(rule.threshold!.metric)!);
    }
    const source = this.options.source.current();
    return source && ((rule) => this.options.source.run(source, (client) => ruleSamples(client, rule.expr, ts, this.queryTimeoutMs)));
  }

  list(): RulesList {
    const source = this.options.source.current();
    const groups: RuleGroupInfo[] = this.groups.map((g) => ({
      file: g.group.file,
      name: g.group.name,
      source: g.group.source,
      intervalMs: g.group.intervalMs,
      readOnly: g.readOnly,
      lastEvalAt: g.lastEvalAt,
      rules: g.rules.map((r) => ({
        alert: r.rule.alert,
        expr: r.rule.expr,
        forMs: r.rule.forMs,
        keepFiringForMs: r.rule.keepFiringForMs,
        labels: r.rule.labels,
        annotations: r.rule.annotations,
        line: r.rule.line,
        health: r.health,
        lastError: r.lastError,
        lastEvalAt: r.lastEvalAt,
        activeCount: r.active.size,
      })),
    }));
    return {
      groups,
      source: source ? { id: source.id, name: source.name } : null,
      hint: source ? null : NO_RULE_SOURCE_HINT,
      problems: this.entries.flatMap((f) => f.parsed.problems),
    };
  }

  files(): RuleFileInfo[] {
    return this.entries.map(fileInfo);
  }

  /** A listed rule file's text; NOT_FOUND for any other name. */
  read(name: string): RuleFileText {
    return this.options.folder.readText(name);
  }

  /** The file's problems; expressions are checked by the rules' source when it answers. */
  async validate(name: string, text: string): Promise<RuleValidation> {
    const parsed = parseRuleFile(name, text);
    const source = this.options.source.current();
    if (parsed.problems.length || !source || source.state !== 'connected') {
      return { valid: parsed.problems.length === 0, problems: parsed.problems, exprsChecked: false };
    }
    const problems: RuleProblem[] = [];
    const ts = Date.now();
    for (const rule of parsed.groups.filter((g) => g.source === 'prometheus').flatMap((g) => g.rules)) {
      try {
        await this.options.source.run(source, (client) => ruleSamples(client, rule.expr, ts, this.queryTimeoutMs));
      } catch (err) {
        // Only the query's own faults are the file's; an unreachable source leaves the expressions unchecked.
        if (!(err instanceof OpsdeckError) || err.code !== 'BAD_REQUEST') return { valid: true, problems: [], exprsChecked: false };
        problems.push({ file: name, ...rule.exprAt, message: `alert ${rule.alert}: ${err.message}` });
      }
    }
    return { valid: problems.length === 0, problems, exprsChecked: true };
  }

  /** Validates, then writes the file and loads it; invalid text is refused with its problems and lines. */
  async save(name: string, text: string): Promise<RuleFileInfo[]> {
    const { valid, problems } = await this.validate(name, text);
    if (!valid) throw new OpsdeckError('BAD_REQUEST', problems.map((p) => `${p.file}:${p.line}:${p.column}: ${p.message}`).join('\n'));
    this.options.folder.write(name, text);
    this.reload();
    return this.files();
  }
}
