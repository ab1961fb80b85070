/** Words too common to tell runbooks apart. */
const STOP_WORDS = new Set(
  'a an and are as at be by do does for from has have if in into is it its not of on or so than that the then this to was were will with you your'.split(' '),
);

const WORD = /[\p{L}\p{N}]+/gu;

/** A light English stemmer: plural and verb endings, so "pods" finds "pod" and "restarting" finds "restart". */
export function stem(word: string): string {
  if (word.length <= 3 || /^\d/.test(word)) return word;
  if (word.endsWith('ies') && word.length > 4) return `${word.slice(0, -3)}y`;
  if (/(?:ss|us|is)$/.test(word)) return word;
  if (/(?:ches|shes|sses|xes)$/.test(word)) return word.slice(0, -2);
  if (word.endsWith('ing') && word.length > 5) return word.slice(0, -3);
  if (word.endsWith('ed') && word.length > 4) return word.slice(0, -2);
  if (word.endsWith('s')) return word.slice(0, -1);
  return word;
}

/** The terms of a text as the index keeps them: lower-case, stemmed, no stop words. */
export function terms(text: string): string[] {
  return positionedTerms(text).map((t) => t.term);
}

/** The terms of a text with where each word is in it. */
export function positionedTerms(text: string): { term: string; start: number; end: number }[] {
  const out: { term: string; start: number; end: number }[] = [];
  for (const m of text.matchAll(WORD)) {
    const word = m[0].toLowerCase();
    if (!STOP_WORDS.has(word)) out.push({ term: stem(word), start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** Each word of a text with where it is, for highlighting. */
export function* words(text: string): Generator<{ start: number; end: number; term: string }> {
  for (const m of text.matchAll(WORD)) yield { start: m.index, end: m.index + m[0].length, term: stem(m[0].toLowerCase()) };
}
