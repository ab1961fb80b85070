import { describe, expect, it } from 'vitest';
import type { LabelMatcher } from '../../../../src/contract';
import { matcherProblem, matches, matchesAll } from '../../../../src/monitoring/rules/matchers';

const m = (name: string, op: LabelMatcher['op'], value: string): LabelMatcher => ({ name, op, value });
const labels = { alertname: 'HighCpu', instance: 'web-1', severity: 'critical' };

describe('silence matchers', () => {
  it.each([
    [m('severity', '=', 'critical'), true],
    [m('severity', '=', 'crit'), false],
    [m('severity', '!=', 'warning'), true],
    [m('instance', '=~', 'web-.*'), true],
    // Anchored at both ends, as in Alertmanager.
    [m('instance', '=~', 'web'), false],
    [m('instance', '=~', 'eb-1'), false],
    [m('instance', '!~', 'db-.*'), true],
    // A missing label is the empty string.
    [m('team', '=', ''), true],
    [m('team', '!=', ''), false],
    [m('team', '=~', '.*'), true],
    [m('team', '!~', '.+'), true],
    [m('instance', '=~', 'web-1|db-1'), true],
  ])('%o on the alert is %s', (matcher, expected) => expect(matches(matcher, labels)).toBe(expected));

  it('needs every matcher to match', () => {
    expect(matchesAll([m('severity', '=', 'critical'), m('instance', '=~', 'web-.*')], labels)).toBe(true);
    expect(matchesAll([m('severity', '=', 'critical'), m('instance', '=~', 'db-.*')], labels)).toBe(false);
  });

  it('reports a regular expression that does not compile', () => {
    expect(matcherProblem(m('instance', '=~', '('))).toMatch(/^matcher instance=~"\(": Invalid regular expression/);
    expect(matcherProblem(m('instance', '=', '('))).toBeNull();
  });
});
