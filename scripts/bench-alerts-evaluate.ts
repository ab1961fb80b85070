// The local half of bench:alerts, bundled by Vite so it runs Opsdeck's own rule code:
// parseRuleFile (rules, templates) and evaluateRule (the alert state machine, label handling).
import { evaluateRule, type ActiveAlert, type SeriesSample } from '../src/monitoring/rules/alertState';
import { parseRuleFile } from '../src/monitoring/rules/ruleFile';

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
 * label and a templated annotation) over the series; `cycles` evaluation cycles,
 * each comparing every rule's threshold with every series (Prometheus's part) and running
 * evaluateRule on the matches. Returns each cycle's milliseconds and the alerts at the end.
 */
export function evaluateCycles(
  series: SeriesSample[],
  rules: number,
  cycles: number,
  [from, to]: [number, number],
): { cycleMs: number[]; alerts: number; matchesPerCycle: number } {
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
  const active = parsedRules.map(() => new Map<string, ActiveAlert>());
  const cycleMs: number[] = [];
  let matchesPerCycle = 0;
  for (let c = 0; c < cycles; c++) {
    const ts = Date.now();
    const started = performance.now();
    matchesPerCycle = 0;
    parsedRules.forEach((rule, i) => {
      const threshold = thresholds[i]!;
      const samples = series.filter((s) => COMPARE['>']!(s.value, threshold));
      matchesPerCycle += samples.length;
      evaluateRule(rule, active[i]!, samples, ts);
    });
    cycleMs.push(performance.now() - started);
  }
  return { cycleMs, alerts: active.reduce((n, m) => n + m.size, 0), matchesPerCycle };
}
