import { describe, expect, it } from 'vitest';
import { LabelSelectorError, matchesLabels, parseLabelSelector } from '../../../src/kubernetes/labelSelector';

const select = (selector: string, labels: Record<string, string>) => matchesLabels(parseLabelSelector(selector), labels);

describe('label selector', () => {
  const web = { app: 'web', tier: 'frontend', env: 'prod', gen: '4' };

  it('selects everything when empty', () => {
    expect(parseLabelSelector('')).toEqual([]);
    expect(parseLabelSelector('   ')).toEqual([]);
    expect(select('', {})).toBe(true);
  });

  it('matches equality requirements as kubectl does', () => {
    expect(select('app=web', web)).toBe(true);
    expect(select('app==web', web)).toBe(true);
    expect(select('app=api', web)).toBe(false);
    expect(select('app!=api', web)).toBe(true);
    // != also selects objects without the label at all
    expect(select('canary!=true', web)).toBe(true);
    expect(select('app=web,tier=frontend', web)).toBe(true);
    expect(select('app=web, tier=backend', web)).toBe(false);
    expect(select('tier=', { tier: '' })).toBe(true);
    expect(select('tier=', web)).toBe(false);
  });

  it('matches set-based requirements', () => {
    expect(select('env in (prod, staging)', web)).toBe(true);
    expect(select('env in (dev)', web)).toBe(false);
    expect(select('env notin (dev,staging)', web)).toBe(true);
    expect(select('missing notin (x)', web)).toBe(true);
    expect(select('missing in (x)', web)).toBe(false);
    expect(select('app', web)).toBe(true);
    expect(select('!app', web)).toBe(false);
    expect(select('!canary,app in (web)', web)).toBe(true);
  });

  it('compares integers with > and <, never matching a non-integer value', () => {
    expect(select('gen>3', web)).toBe(true);
    expect(select('gen<4', web)).toBe(false);
    expect(select('app>1', web)).toBe(false);
  });

  it('accepts prefixed keys', () => {
    expect(select('app.kubernetes.io/name=web', { 'app.kubernetes.io/name': 'web' })).toBe(true);
  });

  it.each([
    ['app=web,', 'expected a label key at position 9, found the end'],
    ['app in (a', 'expected "," or ")" at position 10, found the end'],
    ['app in a', 'expected "(" after "in" at position 8, found "a"'],
    ['app in ()', 'expected a label value at position 9, found ")"'],
    ['app web', 'expected "=", "!=", "in", "notin", ">", "<" or "," at position 5, found "web"'],
    ['gen>x', 'expected an integer at position 5, found "x"'],
    ['app=web tier=x', 'expected "," between requirements at position 9, found "tier"'],
    ['-app=web', '"-app" at position 1 is not a valid label key'],
    ['Example.com/app=x', '"Example.com/app" at position 1: the prefix before "/" must be a lowercase DNS subdomain'],
    ['app=-web', '"-web" at position 5 is not a valid label value'],
  ])('rejects %j with the reason and the position', (selector, message) => {
    expect(() => parseLabelSelector(selector)).toThrow(LabelSelectorError);
    expect(() => parseLabelSelector(selector)).toThrow(message);
  });
});
