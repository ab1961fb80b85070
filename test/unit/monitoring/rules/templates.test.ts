import { describe, expect, it } from 'vitest';
import { humanize, humanizePercentage, goValue } from '../../../../src/monitoring/rules/goFormat';
import { compileTemplate } from '../../../../src/monitoring/rules/templates';

const render = (text: string, labels: Record<string, string> = {}, value = 0) => compileTemplate(text).render({ labels, value });

describe('alert templates', () => {
  it('renders labels and the value', () => {
    expect(render('{{ $labels.instance }} at {{$value}}', { instance: 'web-1' }, 97.5)).toBe('web-1 at 97.5');
    expect(render('[{{ $labels.missing }}]')).toBe('[]');
    expect(render('no actions')).toBe('no actions');
  });

  it('applies humanize, humanizePercentage and case functions', () => {
    expect(render('{{ $value | humanize }}B', {}, 1_234_567)).toBe('1.235MB');
    expect(render('{{ $value | humanizePercentage }}', {}, 0.1234)).toBe('12.34%');
    expect(render('{{ $labels.env | toUpper }}', { env: 'prod' })).toBe('PROD');
  });

  it('trims whitespace around {{- and -}}', () => {
    expect(render('a  {{- $value -}}  b', {}, 1)).toBe('a1b');
  });

  it.each([
    ['{{ $value | printf }}', 'function "printf" not defined'],
    ['{{ .Labels.x }}', 'unsupported template expression ".Labels.x"'],
    ['{{ $labels.x | humanize }}', 'humanize takes a number'],
    ['{{ $value ', 'unclosed action'],
  ])('refuses %j', (text, message) => expect(() => compileTemplate(text)).toThrow(message));
});

describe('Go number formatting', () => {
  it.each([
    [100, '100'],
    [0.5, '0.5'],
    [123456, '123456'],
    [1e6, '1e+06'],
    [1234567, '1.234567e+06'],
    [0.00001, '1e-05'],
    [Number.NaN, 'NaN'],
    [Infinity, '+Inf'],
  ])('prints %d as %s', (v, text) => expect(goValue(v)).toBe(text));

  it.each([
    [0, '0'],
    [1, '1'],
    [999, '999'],
    [1234, '1.234k'],
    [2_500_000_000, '2.5G'],
    [0.0125, '12.5m'],
    [-1500, '-1.5k'],
  ])('humanizes %d as %s', (v, text) => expect(humanize(v)).toBe(text));

  it('humanizes a ratio as a percentage', () => expect(humanizePercentage(0.5)).toBe('50%'));
});
