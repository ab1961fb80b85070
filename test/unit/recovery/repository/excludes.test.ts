import { describe, expect, it } from 'vitest';
import { compileExcludes } from '../../../../src/recovery/repository/excludes';

describe('exclude patterns', () => {
  it('matches names at any depth, anchored paths from the root, and ** across folders', () => {
    const excluded = compileExcludes(['*.tmp', 'node_modules', 'build/out', 'logs/**/*.gz', '']);
    expect(excluded('a.tmp')).toBe(true);
    expect(excluded('deep/dir/b.tmp')).toBe(true);
    expect(excluded('a.tmp.keep')).toBe(false);
    expect(excluded('web/node_modules')).toBe(true);
    expect(excluded('build/out')).toBe(true);
    expect(excluded('x/build/out')).toBe(false);
    expect(excluded('logs/a.gz')).toBe(true);
    expect(excluded('logs/2026/11/a.gz')).toBe(true);
    expect(excluded('logs/a.txt')).toBe(false);
  });

  it('treats regular-expression characters literally', () => {
    const excluded = compileExcludes(['a+b(1).txt']);
    expect(excluded('a+b(1).txt')).toBe(true);
    expect(excluded('aab1.txt')).toBe(false);
  });
});
