/** The indices of the lines that contain `query`, ignoring case; none for an empty query. */
export function findMatches(lines: readonly string[], query: string): number[] {
  if (!query) return [];
  const needle = query.toLowerCase();
  const found: number[] = [];
  for (let i = 0; i < lines.length; i++) if (lines[i]!.toLowerCase().includes(needle)) found.push(i);
  return found;
}

export interface LinePart {
  text: string;
  match: boolean;
}

/** A line cut into the stretches that match `query` (ignoring case) and those between them. */
export function highlightParts(line: string, query: string): LinePart[] {
  if (!query) return [{ text: line, match: false }];
  const haystack = line.toLowerCase();
  const needle = query.toLowerCase();
  const parts: LinePart[] = [];
  let from = 0;
  for (let at = haystack.indexOf(needle); at !== -1; at = haystack.indexOf(needle, at + needle.length)) {
    if (at > from) parts.push({ text: line.slice(from, at), match: false });
    parts.push({ text: line.slice(at, at + needle.length), match: true });
    from = at + needle.length;
  }
  if (from < line.length || parts.length === 0) parts.push({ text: line.slice(from), match: false });
  return parts;
}

/** The match after (or before) the current one, wrapping around; 0 when there was none. */
export function stepMatch(current: number, count: number, step: 1 | -1): number {
  if (count === 0) return 0;
  return (current + step + count) % count;
}
