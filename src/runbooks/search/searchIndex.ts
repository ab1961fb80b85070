import type { RunbookFacet, RunbookHit, RunbookSearchResult, RunbookSeverity, RunbookSummary } from '../../contract';
import { RUNBOOK_SEVERITIES } from '../../contract';
import { highlight, snippet, type TokenPositions } from './highlight';
import { positionedTerms, terms } from './tokens';

export interface IndexedRunbook {
  summary: RunbookSummary;
  /** The body as plain text. */
  text: string;
}

export interface SearchQuery {
  text: string;
  category?: string;
  severity?: RunbookSeverity;
  tag?: string;
  limit: number;
}

/** BM25's term-frequency saturation and length normalisation, at their usual values. */
const K1 = 1.2;
const B = 0.75;
/** A title word counts most, a tag next, the body least. */
const FIELDS = [
  { name: 'title', boost: 3 },
  { name: 'tags', boost: 2 },
  { name: 'body', boost: 1 },
] as const;
/** A query's last word also finds the words it starts (search as you type), weighted lower than itself. */
const PREFIX_WEIGHT = 0.5;
const MAX_PREFIX_TERMS = 64;

interface FieldIndex {
  /** term id -> [doc, frequency] pairs, doc ascending. */
  postings: Map<number, number[]>;
  lengths: Uint32Array;
  averageLength: number;
}

function fieldText(doc: IndexedRunbook, field: (typeof FIELDS)[number]['name']): string {
  if (field === 'title') return doc.summary.title;
  if (field === 'tags') return doc.summary.tags.join(' ');
  return doc.text;
}

/** Every term the index has met, numbered: postings and token positions hold numbers, not strings. */
class Vocabulary {
  readonly ids = new Map<string, number>();

  id(term: string): number {
    let id = this.ids.get(term);
    if (id === undefined) this.ids.set(term, (id = this.ids.size));
    return id;
  }
}

function positions(text: string, vocabulary: Vocabulary): TokenPositions {
  const list = positionedTerms(text);
  const tokens = { ids: new Uint32Array(list.length), starts: new Uint32Array(list.length), ends: new Uint32Array(list.length) };
  list.forEach((t, i) => {
    tokens.ids[i] = vocabulary.id(t.term);
    tokens.starts[i] = t.start;
    tokens.ends[i] = t.end;
  });
  return tokens;
}

function buildField(docs: IndexedRunbook[], field: (typeof FIELDS)[number]['name'], vocabulary: Vocabulary, bodies: TokenPositions[]): FieldIndex {
  const postings = new Map<number, number[]>();
  const lengths = new Uint32Array(docs.length);
  let total = 0;
  docs.forEach((doc, d) => {
    const counts = new Map<number, number>();
    const list = field === 'body' ? bodies[d]!.ids : terms(fieldText(doc, field)).map((t) => vocabulary.id(t));
    for (const t of list) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [t, n] of counts) {
      let p = postings.get(t);
      if (!p) postings.set(t, (p = []));
      p.push(d, n);
    }
    lengths[d] = list.length;
    total += list.length;
  });
  return { postings, lengths, averageLength: docs.length ? total / docs.length : 0 };
}

function facet(values: string[]): RunbookFacet[] {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(v, (counts.get(v) ?? 0) + 1);
  return [...counts].map(([value, count]) => ({ value, count })).sort((a, b) => b.count - a.count || a.value.localeCompare(b.value));
}

const severityRank = (s: RunbookSeverity) => RUNBOOK_SEVERITIES.indexOf(s);

/**
 * Full-text search over runbook titles, tags and bodies: BM25 per field with field boosts,
 * filters by category, severity and tag, and highlighted titles and snippets. Built once per
 * library load; a search reads only the postings of its own terms.
 */
export class RunbookSearchIndex {
  private readonly fields: FieldIndex[];
  private readonly vocabulary = new Vocabulary();
  /** Every term of every field, sorted, for prefix lookups. */
  private readonly sortedTerms: string[];
  private readonly bodies: TokenPositions[];
  private readonly facets: RunbookSearchResult['facets'];

  constructor(private readonly docs: IndexedRunbook[]) {
    this.bodies = docs.map((d) => positions(d.text, this.vocabulary));
    this.fields = FIELDS.map((f) => buildField(docs, f.name, this.vocabulary, this.bodies));
    this.sortedTerms = [...this.vocabulary.ids.keys()].sort();
    this.facets = {
      categories: facet(docs.map((d) => d.summary.category)),
      severities: facet(docs.map((d) => d.summary.severity)).sort((a, b) => severityRank(a.value as RunbookSeverity) - severityRank(b.value as RunbookSeverity)),
      tags: facet(docs.flatMap((d) => d.summary.tags)),
    };
  }

  /** The query's terms with their weights: each word itself, and the last one's completions. */
  private queryTerms(text: string): Map<string, number> {
    const weights = new Map<string, number>();
    const list = terms(text);
    for (const t of list) weights.set(t, 1);
    const last = /[\p{L}\p{N}]+$/u.exec(text.toLowerCase())?.[0];
    if (last && list.length) {
      let i = lowerBound(this.sortedTerms, last);
      for (let n = 0; i < this.sortedTerms.length && this.sortedTerms[i]!.startsWith(last) && n < MAX_PREFIX_TERMS; i++, n++) {
        const t = this.sortedTerms[i]!;
        if (!weights.has(t)) weights.set(t, PREFIX_WEIGHT);
      }
    }
    return weights;
  }

  search(query: SearchQuery): RunbookSearchResult {
    const allowed = (d: number) => {
      const s = this.docs[d]!.summary;
      return (!query.category || s.category === query.category) && (!query.severity || s.severity === query.severity) && (!query.tag || s.tags.includes(query.tag));
    };
    const weights = this.queryTerms(query.text);
    if (weights.size === 0) {
      const matches = this.docs
        .map((_, d) => d)
        .filter(allowed)
        .sort((a, b) => severityRank(this.docs[a]!.summary.severity) - severityRank(this.docs[b]!.summary.severity) || this.docs[a]!.summary.title.localeCompare(this.docs[b]!.summary.title));
      return { hits: matches.slice(0, query.limit).map((d) => this.hit(d, 0, new Map())), total: matches.length, facets: this.facets };
    }

    const scores = new Float64Array(this.docs.length);
    const n = this.docs.length;
    FIELDS.forEach((field, f) => {
      const index = this.fields[f]!;
      for (const [term, weight] of weights) {
        const id = this.vocabulary.ids.get(term);
        const postings = id === undefined ? undefined : index.postings.get(id);
        if (!postings) continue;
        const df = postings.length / 2;
        const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
        for (let i = 0; i < postings.length; i += 2) {
          const d = postings[i]!;
          const tf = postings[i + 1]!;
          const norm = 1 - B + (B * index.lengths[d]!) / (index.averageLength || 1);
          scores[d]! += field.boost * weight * idf * ((tf * (K1 + 1)) / (tf + K1 * norm));
        }
      }
    });
    const matches: number[] = [];
    for (let d = 0; d < n; d++) if (scores[d]! > 0 && allowed(d)) matches.push(d);
    matches.sort((a, b) => scores[b]! - scores[a]! || this.docs[a]!.summary.title.localeCompare(this.docs[b]!.summary.title));
    return { hits: matches.slice(0, query.limit).map((d) => this.hit(d, scores[d]!, weights)), total: matches.length, facets: this.facets };
  }

  private hit(d: number, score: number, weights: Map<string, number>): RunbookHit {
    const doc = this.docs[d]!;
    const isHit = (term: string) => weights.has(term);
    const hitIds = new Set([...weights.keys()].map((t) => this.vocabulary.ids.get(t)));
    return {
      runbook: doc.summary,
      score,
      title: highlight(doc.summary.title, isHit),
      snippet: snippet(doc.text, this.bodies[d]!, (id) => hitIds.has(id)),
      matchedTags: doc.summary.tags.filter((t) => terms(t).some(isHit)),
    };
  }
}

function lowerBound(sorted: string[], value: string): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
