/**
 * Exclude patterns, gitignore-like: `*` and `?` stay within one path segment, `**` spans
 * segments; a pattern without a slash matches a name at any depth, one with a slash matches
 * the path from the backup's root.
 */
export function compileExcludes(patterns: string[]): (relativePath: string) => boolean {
  const matchers = patterns
    .map((p) => p.trim())
    .filter((p) => p.length > 0)
    .map((pattern) => {
      const anchored = pattern.replace(/\/+$/, '').includes('/');
      const body = globToRegExp(pattern.replace(/^\/+/, '').replace(/\/+$/, ''));
      return new RegExp(anchored ? `^${body}$` : `(^|/)${body}$`);
    });
  return (relativePath) => matchers.some((m) => m.test(relativePath));
}

function globToRegExp(glob: string): string {
  let out = '';
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i]!;
    if (c === '*' && glob[i + 1] === '*') {
      const slash = glob[i + 2] === '/';
      out += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (c === '*') out += '[^/]*';
    else if (c === '?') out += '[^/]';
    else out += c.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  return out;
}
