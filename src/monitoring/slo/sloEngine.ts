import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput, PromSourceInfo, SloBurnWindow, SloDefinition, SloDetail, SloList, SloSpec, SloStatus } from '../../contract';
import { OpsdeckError, SLO_BURN_WINDOWS } from '../../contract';
import { writeAtomically } from '../../util/writeAtomically';
import type { PromClient } from '../prometheus/client';
import { NO_SOURCE_HINT, type PrometheusSources } from '../prometheus/prometheusSources';
import { checkRange } from '../prometheus/queries';
import { GENERATED_PREFIX } from '../rules/ruleFolder';
import type { SloFile } from './sloFile';
import { budgetOf, burningAlerts, burnRate, stateOf, windowMs } from './sloMath';
import { allowedFraction, burnRateQuery, leText, matchers, quantileQuery, sliQuery, sloExpressions } from './sloQueries';
import { sloRuleFile, sloRuleFileName } from './sloRules';
import { instantValue, rangeValues } from './sloValues';

export interface SloEngineOptions {
  file: SloFile;
  prometheus: PrometheusSources;
  /** Where each SLO's alert rules are written; the rule engine reads this folder as generated rules. */
  rulesDir: string;
  /** The source the rule engine evaluates on, to say when an SLO's alerts run elsewhere. */
  rulesSource: () => PromSourceInfo | null;
  /** After the generated rule files changed. */
  onRulesChanged: () => void;
  queryTimeoutMs?: number;
}

const DEFAULT_RANGE_MS = 24 * 3_600_000;
/** Points per series a chart gets at most. */
const CHART_POINTS = 500;
/** The shortest rate window of latency quantiles: several scrapes at common intervals. */
const MIN_RATE_WINDOW_MS = 5 * 60_000;

const errorText = (err: unknown) => (err instanceof Error ? err.message : String(err));
const promDuration = (ms: number) => `${Math.ceil(ms / 1000)}s`;

/** SLOs: their definitions, their numbers from their Prometheus source, and their generated alert rules. */
export class SloEngine {
  private readonly timeoutMs: number;
  /** Saves and deletes one at a time, so none is lost. */
  private writes: Promise<unknown> = Promise.resolve();

  constructor(private readonly options: SloEngineOptions) {
    this.timeoutMs = options.queryTimeoutMs ?? 30_000;
  }

  /** Writes every SLO's rule file and removes those of SLOs that are gone. */
  syncRules(definitions: SloDefinition[] = this.options.file.read()): void {
    const dir = this.options.rulesDir;
    fs.mkdirSync(dir, { recursive: true });
    const wanted = new Map(definitions.map((d) => [sloRuleFileName(d.name), sloRuleFile(d)]));
    for (const file of fs.readdirSync(dir)) if (!wanted.has(file)) fs.rmSync(path.join(dir, file), { force: true });
    for (const [file, text] of wanted) {
      const target = path.join(dir, file);
      if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) writeAtomically(target, text);
    }
  }

  async list(): Promise<SloList> {
    const definitions = this.options.file.read();
    const slos = await Promise.all(definitions.map((d) => this.status(d, Date.now())));
    const noSource = this.options.prometheus.sources().sources.length === 0;
    return { slos, path: this.options.file.path, hint: noSource ? NO_SOURCE_HINT : null };
  }

  async get(input: ParsedInput<'slo.get'>): Promise<SloDetail> {
    const definition = this.find(input.name);
    const end = input.end ?? Date.now();
    const start = input.start ?? end - DEFAULT_RANGE_MS;
    const stepMs = Math.max(60_000, Math.ceil((end - start) / CHART_POINTS / 1000) * 1000);
    checkRange(start, end, stepMs);
    const range = { start, end, stepMs };
    const { spec } = definition;
    const window = input.burnWindow;
    const rateWindow = promDuration(Math.max(MIN_RATE_WINDOW_MS, stepMs));
    const p95 = spec.type === 'latency' ? quantileQuery(spec, 0.95, rateWindow) : null;
    const p99 = spec.type === 'latency' ? quantileQuery(spec, 0.99, rateWindow) : null;
    const allowed = allowedFraction(definition.target);
    const status = await this.status(definition, end);
    const series = await this.options.prometheus.withSource(definition.source, async (client) => {
      const ranged = (query: string | null) => (query ? rangeValues(client, query, range, this.timeoutMs) : Promise.resolve([]));
      const [sli, latency95, latency99] = await Promise.all([ranged(sliQuery(spec, window)), ranged(p95), ranged(p99)]);
      return { sli, latency95, latency99 };
    });
    const { good, total } = sloExpressions(spec, definition.window);
    return {
      ...status,
      range,
      burnWindow: window,
      burnRate: series.sli.map(({ ts, value }) => ({ ts, value: value === null ? null : burnRate(value, allowed) })),
      sliSeries: series.sli,
      latency: { p95: series.latency95, p99: series.latency99 },
      queries: { good, total, burnRate: burnRateQuery(definition, window), p95, p99 },
    };
  }

  save(input: ParsedInput<'slo.save'>): Promise<SloList> {
    return this.serially(async () => {
      const definition: SloDefinition = input;
      windowMs(definition.window);
      await this.check(definition);
      const others = this.options.file.read().filter((d) => d.name !== definition.name);
      const definitions = [...others, definition].sort((a, b) => a.name.localeCompare(b.name));
      this.commit(definitions);
      return this.list();
    });
  }

  delete(name: string): Promise<SloList> {
    return this.serially(async () => {
      this.find(name);
      this.commit(this.options.file.read().filter((d) => d.name !== name));
      return this.list();
    });
  }

  private commit(definitions: SloDefinition[]): void {
    this.options.file.write(definitions);
    this.syncRules(definitions);
    this.options.onRulesChanged();
  }

  private serially<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.writes.then(fn, fn);
    this.writes = run.catch(() => undefined);
    return run;
  }

  private find(name: string): SloDefinition {
    const found = this.options.file.read().find((d) => d.name === name);
    if (!found) throw new OpsdeckError('NOT_FOUND', `No SLO named "${name}".`);
    return found;
  }

  /**
   * The source checks the expressions (over the SLO's window): Prometheus's own errors refuse the
   * SLO, and so does an expression that yields more than one series. A source that cannot be
   * asked now leaves them unchecked; the SLO shows its error until it answers.
   */
  private async check(definition: SloDefinition): Promise<void> {
    const { spec } = definition;
    try {
      await this.options.prometheus.withSource(definition.source, async (client) => {
        await instantValue(client, sliQuery(spec, definition.window), Date.now(), this.timeoutMs);
        if (spec.type === 'latency') await this.checkBucket(client, spec);
      });
    } catch (err) {
      if (err instanceof OpsdeckError && (err.code === 'BAD_REQUEST' || err.code === 'NOT_FOUND')) throw err;
    }
  }

  /** A latency threshold must be one of the histogram's bounds; a histogram without series yet cannot be checked. */
  private async checkBucket(client: PromClient, spec: Extract<SloSpec, { type: 'latency' }>): Promise<void> {
    const { data: bounds } = await client.labelValues('le', [`${spec.metric}_bucket${matchers(spec.selector)}`], {}, { timeoutMs: this.timeoutMs });
    const le = leText(spec.thresholdSeconds);
    if (!bounds?.length || bounds.includes(le)) return;
    const bound = (text: string) => (text === '+Inf' ? Infinity : Number(text));
    const sorted = [...bounds].sort((a, b) => bound(a) - bound(b));
    throw new OpsdeckError('BAD_REQUEST', `thresholdSeconds: ${spec.metric} has no bucket le="${le}"; its bounds are ${sorted.join(', ')}.`);
  }

  private async status(definition: SloDefinition, at: number): Promise<SloStatus> {
    const allowed = allowedFraction(definition.target);
    const windowLength = windowMs(definition.window);
    const source = this.options.prometheus.sources().sources.find((s) => s.id === definition.source) ?? null;
    const burnRates = Object.fromEntries(SLO_BURN_WINDOWS.map((w) => [w, null])) as Record<SloBurnWindow, number | null>;
    let sli: number | null = null;
    let error: string | null = null;
    try {
      const windows = [definition.window, ...SLO_BURN_WINDOWS];
      const values = await this.options.prometheus.withSource(definition.source, (client) =>
        Promise.all(windows.map((w) => instantValue(client, sliQuery(definition.spec, w), at, this.timeoutMs))),
      );
      sli = values[0]!;
      SLO_BURN_WINDOWS.forEach((w, i) => {
        const value = values[i + 1]!;
        burnRates[w] = value === null ? null : burnRate(value, allowed);
      });
      if (sli === null) error = `No data: ${sliQuery(definition.spec, definition.window)} has no value (no events in the window, or no such series).`;
    } catch (err) {
      error = errorText(err);
    }
    const budget = budgetOf(sli, allowed, windowLength);
    const burning = burningAlerts(burnRates);
    return {
      definition,
      sourceName: source?.name ?? null,
      sli,
      budget,
      burnRates,
      burning,
      state: stateOf(budget.remainingFraction, burning),
      error,
      alerting: { ruleFile: `${GENERATED_PREFIX}${sloRuleFileName(definition.name)}`, note: this.alertingNote(source) },
      computedAt: at,
    };
  }

  private alertingNote(source: PromSourceInfo | null): string | null {
    const rulesSource = this.options.rulesSource();
    if (!rulesSource) return 'Its alerts are evaluated once the rules have a connected Prometheus source.';
    if (source && rulesSource.id !== source.id) return `Its alerts are evaluated on "${rulesSource.name}", the rules' source, not on "${source.name}".`;
    return null;
  }
}
