import { describe, expect, it } from 'vitest';
import { MatcherSyntaxError, parseMatchers } from '../../../../src/monitoring/routing/matcherText';

describe('parseMatchers', () => {
  it('reads each operator, quoted and unquoted values', () => {
    expect(parseMatchers('foo="bar"')).toEqual([{ name: 'foo', op: '=', value: 'bar' }]);
    expect(parseMatchers('foo!~"x|y"')).toEqual([{ name: 'foo', op: '!~', value: 'x|y' }]);
    expect(parseMatchers(' env != dev ')).toEqual([{ name: 'env', op: '!=', value: 'dev' }]);
    expect(parseMatchers('job=~node.*')).toEqual([{ name: 'job', op: '=~', value: 'node.*' }]);
  });

  it('splits on commas outside quotes and takes braces', () => {
    expect(parseMatchers('{a="1,2", b!="x"}')).toEqual([
      { name: 'a', op: '=', value: '1,2' },
      { name: 'b', op: '!=', value: 'x' },
    ]);
    expect(parseMatchers('a="1",')).toEqual([{ name: 'a', op: '=', value: '1' }]);
  });

  it('unescapes quotes, backslashes and newlines', () => {
    expect(parseMatchers('msg="say \\"hi\\"\\n"')).toEqual([{ name: 'msg', op: '=', value: 'say "hi"\n' }]);
    expect(parseMatchers('path="C:\\\\x"')).toEqual([{ name: 'path', op: '=', value: 'C:\\x' }]);
  });

  it('refuses malformed matchers', () => {
    expect(() => parseMatchers('foo')).toThrow(MatcherSyntaxError);
    expect(() => parseMatchers('1foo="x"')).toThrow(/bad matcher format/);
    expect(() => parseMatchers('foo="bar')).toThrow(/unescaped double quote/);
    expect(() => parseMatchers('foo="b"ar"')).toThrow(/unescaped double quote/);
    expect(() => parseMatchers('foo=~"(x"')).toThrow(MatcherSyntaxError);
  });
});
