import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../../../src/monitoring/rules/duration';
import { parseRuleFile } from '../../../../src/monitoring/rules/ruleFile';

const file = (...lines: string[]) => lines.join('\n');

describe('rule files', () => {
  it('reads groups and alerting rules with their lines, durations, labels and annotations', () => {
    const parsed = parseRuleFile(
      'a.yml',
      file(
        'groups:',
        '  - name: web',
        '    interval: 30s',
        '    rules:',
        '      - alert: HighLatency',
        '        expr: latency_seconds > 0.5',
        '        for: 1m30s',
        '        keep_firing_for: 5m',
        '        labels: { severity: critical }',
        '        annotations:',
        '          summary: "{{ $labels.instance }} slow"',
        '  - name: empty',
      ),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.groups).toHaveLength(2);
    const [web, empty] = parsed.groups;
    expect(web).toMatchObject({ file: 'a.yml', name: 'web', intervalMs: 30_000, line: 2 });
    expect(web!.rules[0]).toMatchObject({
      alert: 'HighLatency',
      expr: 'latency_seconds > 0.5',
      forMs: 90_000,
      keepFiringForMs: 300_000,
      labels: { severity: 'critical' },
      annotations: { summary: '{{ $labels.instance }} slow' },
      line: 5,
      exprAt: { line: 6, column: 15 },
    });
    expect(empty).toMatchObject({ name: 'empty', intervalMs: 60_000, rules: [] });
  });

  it('accepts an empty file', () => {
    expect(parseRuleFile('e.yml', '')).toEqual({ groups: [], problems: [] });
  });

  it.each([
    ['a bad duration', ['groups:', '  - name: g', '    rules:', '      - alert: A', '        expr: up', '        for: 5x'], 6, 'group "g": for: not a valid duration string: "5x"'],
    ['a missing expr', ['groups:', '  - name: g', '    rules:', '      - alert: A', '        for: 5m'], 4, 'group "g": field expr is required'],
    ['an unknown field', ['groups:', '  - name: g', '    rules:', '      - alert: A', '        expr: up', '        severity: high'], 6, 'group "g": field severity not found in rule'],
    ['a recording rule', ['groups:', '  - name: g', '    rules:', '      - record: job:up', '        expr: sum(up)'], 4, 'group "g": field record not found in rule: recording rules are not supported, only alerting rules (keep recording rules in Prometheus)'],
    ['a repeated group name', ['groups:', '  - name: g', '  - name: g'], 3, 'groupname: "g" is repeated in the same file'],
    ['an unknown template function', ['groups:', '  - name: g', '    rules:', '      - alert: A', '        expr: up', '        annotations:', '          summary: "{{ $value | printf }}"'], 7, 'group "g": annotations.summary: template: function "printf" not defined: use one of humanize, humanizePercentage, toUpper, toLower'],
    ['a bad label name', ['groups:', '  - name: g', '    rules:', '      - alert: A', '        expr: up', '        labels:', '          bad-name: x'], 7, 'group "g": labels: invalid name "bad-name": use letters, digits and _'],
    ['an unknown group field', ['groups:', '  - name: g', '    limit: 3'], 3, 'field limit not found in group'],
    ['a duplicate key', ['groups:', '  - name: g', '    name: h'], 3, 'Map keys must be unique'],
  ])('rejects %s with its line', (_what, lines, line, message) => {
    const parsed = parseRuleFile('bad.yml', file(...lines));
    expect(parsed.problems).toEqual([{ file: 'bad.yml', line, column: expect.any(Number), message }]);
  });

  it('reports a YAML syntax error with its line', () => {
    const parsed = parseRuleFile('bad.yml', file('groups:', '  - name: g', '    rules: [', ''));
    expect(parsed.groups).toEqual([]);
    expect(parsed.problems[0]).toMatchObject({ file: 'bad.yml', line: expect.any(Number) });
    expect(parsed.problems[0]!.line).toBeGreaterThanOrEqual(3);
  });

  it('parses the rule files shipped with Opsdeck without problems', () => {
    const dir = path.resolve(__dirname, '../../../../resources/rules');
    const names = fs.readdirSync(dir);
    expect(names.length).toBeGreaterThan(0);
    for (const name of names) expect(parseRuleFile(name, fs.readFileSync(path.join(dir, name), 'utf8')).problems).toEqual([]);
  });
});

describe('durations', () => {
  it.each([
    ['0', 0],
    ['250ms', 250],
    ['1h30m', 5_400_000],
    ['2d', 172_800_000],
    ['1w', 604_800_000],
  ])('reads %s', (text, ms) => expect(parseDuration(text)).toBe(ms));

  it.each(['5x', '', '1m1h', '1.5m', '-1s', '5'])('refuses %j', (text) => expect(parseDuration(text)).toBeNull());
});
