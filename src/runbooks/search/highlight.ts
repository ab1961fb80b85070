import type { HighlightSegment } from '../../contract';
import { words } from './tokens';

/** How much text a snippet shows around its first match. */
const BEFORE = 60;
const AFTER = 160;

/** A text's indexed words as term ids and offsets, kept so a snippet needs no second tokenizing. */
export interface TokenPositions {
  ids: Uint32Array;
  starts: Uint32Array;
  ends: Uint32Array;
}

/** Text cut into plain and matched segments. */
export function highlight(text: string, isHit: (term: string) => boolean): HighlightSegment[] {
  const segments: HighlightSegment[] = [];
  let at = 0;
  for (const w of words(text)) {
    if (!isHit(w.term)) continue;
    if (w.start > at) segments.push({ text: text.slice(at, w.start), hit: false });
    segments.push({ text: text.slice(w.start, w.end), hit: true });
    at = w.end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), hit: false });
  return segments;
}

/** A passage around the first match, on one line, highlighted; empty when nothing matches. */
export function snippet(text: string, tokens: TokenPositions, isHit: (id: number) => boolean): HighlightSegment[] {
  const { ids, starts, ends } = tokens;
  let first = -1;
  for (let i = 0; i < ids.length; i++) {
    if (isHit(ids[i]!)) {
      first = i;
      break;
    }
  }
  if (first === -1) return [];
  let start = Math.max(0, starts[first]! - BEFORE);
  let end = Math.min(text.length, ends[first]! + AFTER);
  // Whole words at both ends.
  if (start > 0) start = text.indexOf(' ', start) + 1 || start;
  if (start > starts[first]!) start = starts[first]!;
  if (end < text.length && text.lastIndexOf(' ', end) > ends[first]!) end = text.lastIndexOf(' ', end);

  const segments: HighlightSegment[] = start > 0 ? [{ text: '… ', hit: false }] : [];
  const plain = (from: number, to: number) => {
    if (to > from) segments.push({ text: text.slice(from, to).replace(/\s+/g, ' '), hit: false });
  };
  let at = start;
  for (let i = first; i < ids.length && ends[i]! <= end; i++) {
    if (!isHit(ids[i]!)) continue;
    plain(at, starts[i]!);
    segments.push({ text: text.slice(starts[i], ends[i]), hit: true });
    at = ends[i]!;
  }
  plain(at, end);
  if (end < text.length) segments.push({ text: ' …', hit: false });
  return segments;
}
