import { useMemo, useState } from 'react';
import { findMatches } from './logs/logSearch';

/**
 * The search over a log's lines: the query, which lines match, the current match, and the
 * props LogSearchBar takes. A new query starts again at its first match.
 */
export function useLogSearch(lines: readonly string[], version: number) {
  const [query, setQuery] = useState('');
  const [current, setCurrent] = useState(0);
  // Lines may grow in place while a log is followed: the version says when.
  const matches = useMemo(() => findMatches(lines, query), [lines, version, query]);
  const index = matches.length === 0 ? 0 : Math.min(current, matches.length - 1);
  return {
    query,
    /** The line of the current match, or null without a query or a match. */
    currentLine: query && matches.length > 0 ? matches[index]! : null,
    bar: {
      query,
      onQuery: (q: string) => {
        setQuery(q);
        setCurrent(0);
      },
      count: matches.length,
      current: index,
      onCurrent: setCurrent,
    },
  };
}
