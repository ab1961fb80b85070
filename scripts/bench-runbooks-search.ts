// The local half of bench:runbooks, bundled by Vite so it runs Opsdeck's own runbook code:
// parseRunbookText (front matter, Markdown, steps) and RunbookSearchIndex (BM25, filters, highlights).
import fs from 'node:fs';
import path from 'node:path';
import { kubernetesActionKinds } from '../src/runbooks/actions/kubernetes';
import { ActionRegistry } from '../src/runbooks/actions/registry';
import { parseRunbookText } from '../src/runbooks/runbookFile';
import { RunbookSearchIndex, type IndexedRunbook, type SearchQuery } from '../src/runbooks/search/searchIndex';

const SERVICES = ['checkout', 'payments', 'search', 'catalog', 'auth', 'gateway', 'billing', 'inventory', 'shipping', 'notifications', 'reporting', 'ledger', 'media', 'profile', 'recommendations', 'orders'];
const ENVIRONMENTS = ['prod-eu', 'prod-us', 'staging', 'edge', 'batch'];

/** A fixed pseudo-random sequence, so every run of the benchmark indexes the same text. */
function sequence(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

interface Source {
  text: string;
  /** The paragraphs and list items of its body, to mix into others. */
  pieces: string[];
}

function readLibrary(dir: string): Source[] {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.md'))
    .sort()
    .map((f) => {
      const text = fs.readFileSync(path.join(dir, f), 'utf8').replace(/\n *```opsdeck-action\n[\s\S]*?```\n/g, '\n');
      const body = text.split(/^---$/m)[2] ?? '';
      const pieces = body
        .split(/\n\s*\n/)
        .map((p) => p.trim())
        .filter((p) => p && !p.startsWith('#') && !p.startsWith('```') && !p.startsWith('|'));
      return { text, pieces };
    });
}

/**
 * `count` runbooks built from the shipped library: each takes one shipped runbook's structure,
 * renames it for a service and an environment, and mixes in passages of the others.
 */
export function generate(dir: string, count: number): string[] {
  const sources = readLibrary(dir);
  const allPieces = sources.flatMap((s) => s.pieces);
  const next = sequence(20_251_123);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const base = sources[i % sources.length]!;
    const service = pick(SERVICES);
    const env = pick(ENVIRONMENTS);
    const extra = Array.from({ length: 3 + Math.floor(next() * 6) }, () => pick(allPieces));
    const text = base.text
      .replace(/^id: (.+)$/m, `id: $1-${service}-${env}-${i}`)
      .replace(/^title: (.+)$/m, `title: $1 (${service}, ${env})`)
      .replace(/^tags: \[(.+)\]$/m, `tags: [$1, ${service}, ${env}]`)
      .replace(/\n## Steps\n/, `\n## Notes for ${service} in ${env}\n\n${extra.join('\n\n')}\n\n## Steps\n`);
    out.push(text);
  }
  return out;
}

export interface BenchResult {
  runbooks: number;
  bodyBytes: number;
  parseMs: number;
  indexMs: number;
  queries: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  /** CPU time of the process per search (what the search costs, without time spent waiting for a core). */
  cpu: { p50: number; p95: number; p99: number; max: number };
}

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;

export function run(dir: string, count: number, rounds: number): BenchResult {
  const registry = new ActionRegistry();
  for (const kind of kubernetesActionKinds(async () => ({ message: '', auditId: 0 }))) registry.register(kind);
  const texts = generate(dir, count);
  let t = performance.now();
  const parsed = texts.map((text) => parseRunbookText(text, registry));
  const parseMs = performance.now() - t;
  const docs: IndexedRunbook[] = parsed.map((p, i) => ({
    summary: { id: p.id, title: p.title, category: p.category, severity: p.severity, tags: p.tags, source: 'bench', path: `/bench/${i}.md` },
    text: p.text,
  }));
  t = performance.now();
  const index = new RunbookSearchIndex(docs);
  const indexMs = performance.now() - t;

  // Queries as people type them: alert names, symptoms, commands, half-typed words, with and without filters.
  const words = [...new Set(parsed.flatMap((p) => p.text.toLowerCase().match(/[a-z]{4,}/g) ?? []))].sort();
  const next = sequence(7);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)]!;
  const queries: SearchQuery[] = [];
  for (let i = 0; i < 200; i++) {
    const n = 1 + Math.floor(next() * 3);
    let text = Array.from({ length: n }, () => pick(words)).join(' ');
    if (i % 4 === 0) text = text.slice(0, Math.max(2, text.length - 3));
    const query: SearchQuery = { text, limit: 50 };
    if (i % 5 === 1) query.category = pick(parsed).category;
    if (i % 7 === 2) query.severity = pick(parsed).severity;
    if (i % 9 === 3) query.tag = pick(SERVICES);
    queries.push(query);
  }
  queries.push({ text: 'pod crash looping', limit: 50 }, { text: 'disk full docker prune', limit: 50 }, { text: 'KubernetesNodeNotReady', limit: 50 }, { text: '', limit: 50 });

  const times: number[] = [];
  const cpuTimes: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of queries) {
      const cpuStart = process.cpuUsage();
      const start = performance.now();
      index.search(q);
      times.push(performance.now() - start);
      const cpu = process.cpuUsage(cpuStart);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
  }
  times.sort((a, b) => a - b);
  cpuTimes.sort((a, b) => a - b);
  return {
    runbooks: docs.length,
    bodyBytes: docs.reduce((n, d) => n + d.text.length, 0),
    parseMs,
    indexMs,
    queries: times.length,
    p50: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    p99: quantile(times, 0.99),
    max: times.at(-1)!,
    cpu: { p50: quantile(cpuTimes, 0.5), p95: quantile(cpuTimes, 0.95), p99: quantile(cpuTimes, 0.99), max: cpuTimes.at(-1)! },
  };
}
