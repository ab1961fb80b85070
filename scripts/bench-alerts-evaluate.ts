// The local half of bench:alerts, bundled by Vite so it runs Opsdeck's own rule code:
// parseRuleFile (rules, templates), RuleAlerts (the alert state machine, label handling) and
// the rule engine's store step (the SQLite alert store).
import { RuleAlerts, type SeriesSample } from '../src/monitoring/rules/alertState';
import { AlertStore } from '../src/monitoring/rules/alertStore';
import { storeEvaluation } from '../src/monitoring/rules/ruleEngine';
import { parseRuleFile } from '../src/monitoring/rules/ruleFile';
import { openDatabase } from '../src/store/database';

interface RangeAnswer {
  status: string;
  data: { result: { metric: Record<string, string>; values: [number, string][] }[] };
}

/**
 * Series read once from Prometheus: every node_* point of a range query, each (series, time)
 * its own label set (the series' labels plus its name as `metric` and its time as `sample_at`, as
 * alerts drop __name__), until `count` of them.
 */
export async function nodeSeries(prometheusUrl: string, count: number, rangeSeconds: number): Promise<{ series: SeriesSample[]; distinct: number }> {
  const end = Math.floor(Date.now() / 1000);
  const params = new URLSearchParams({ query: '{__name__=~"node_.+"}', start: String(end - rangeSeconds), end: String(end), step: '1' });
  const answer = (await (await fetch(`${prometheusUrl}/api/v1/query_range?${params}`)).json()) as RangeAnswer;
  if (answer.status !== 'success') throw new Error(`range query failed: ${JSON.stringify(answer)}`);
  const series: SeriesSample[] = [];
  for (const { metric, values } of answer.data.result) {
    for (const [at, value] of values) {
      const v = Number(value);
      if (Number.isFinite(v)) series.push({ metric: { ...metric, metric: metric.__name__!, sample_at: String(at) }, value: v });
    }
  }
  if (series.length < count) throw new Error(`only ${series.length} node_* points in ${rangeSeconds} s; wait longer before reading`);
  return { series: series.slice(0, count), distinct: answer.data.result.length };
}

const COMPARE: Record<string, (a: number, b: number) => boolean> = { '>': (a, b) => a > b };

/**
 * `rules` threshold rules (node_value > X, X spread over the `quantiles` of the values, with a
 * label and a templated annotation) over the series; `cycles` evaluation cycles, each comparing
 * every rule's threshold with every series (Prometheus's part), evaluating each rule on its
 * matches and storing the cycle in a fresh store in `dataDir`, as the rule engine does for a group.
 * Returns each cycle's milliseconds (and this process's CPU milliseconds, which other load on the
 * machine moves less), the alerts held and the rows stored at the end.
 */
export function evaluateCycles(
  series: SeriesSample[],
  rules: number,
  cycles: number,
  [from, to]: [number, number],
  dataDir: string,
): { cycleMs: number[]; cpuMs: number[]; alerts: number; stored: number; matchesPerCycle: number } {
  const sorted = series.map((s) => s.value).sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * q))]!;
  const thresholds = Array.from({ length: rules }, (_, i) => at(from + ((to - from) * i) / rules));
  const text = [
    'groups:',
    '  - name: bench',
    '    interval: 1s',
    '    rules:',
    ...thresholds.flatMap((t, i) => [
      `      - alert: Bench${i}`,
      `        expr: node_value > ${t}`,
      '        labels: { severity: warning }',
      "        annotations: { summary: '{{ $labels.instance }} {{ $labels.__name__ }} is {{ $value }}' }",
    ]),
    '',
  ].join('\n');
  const parsed = parseRuleFile('bench.yml', text);
  if (parsed.problems.length) throw new Error(`rule file problems: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const parsedRules = parsed.groups[0]!.rules;
  const db = openDatabase(dataDir);
  const store = new AlertStore(db);
  const runtimes = parsedRules.map((rule) => ({ rule, ref: { file: 'bench.yml', group: 'bench', alertname: rule.alert }, active: new RuleAlerts() }));
  const cycleMs: number[] = [];
  const cpuMs: number[] = [];
  let matchesPerCycle = 0;
  for (let c = 0; c < cycles; c++) {
    const ts = Date.now();
    const started = performance.now();
    const cpu = process.cpuUsage();
    matchesPerCycle = 0;
    runtimes.forEach(({ rule, active }, i) => {
      const threshold = thresholds[i]!;
      const samples = series.filter((s) => COMPARE['>']!(s.value, threshold));
      matchesPerCycle += samples.length;
      active.evaluate(rule, samples, ts);
    });
    storeEvaluation(store, runtimes, runtimes, ts);
    cycleMs.push(performance.now() - started);
    const used = process.cpuUsage(cpu);
    cpuMs.push((used.user + used.system) / 1000);
  }
  const stored = (db.prepare("SELECT COUNT(*) AS n FROM alert_instances WHERE state != 'resolved'").get() as { n: number }).n;
  db.close();
  return { cycleMs, cpuMs, alerts: runtimes.reduce((n, r) => n + r.active.size, 0), stored, matchesPerCycle };
}
