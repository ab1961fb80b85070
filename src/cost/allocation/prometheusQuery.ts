import type { PromSources } from '../../contract';
import type { PromClient } from '../../monitoring/prometheus/client';

/** The part of the Prometheus sources cost reads: which are connected, and a client for one. */
export interface PrometheusReader {
  sources(): PromSources;
  withSource<T>(id: number, fn: (client: PromClient) => Promise<T>): Promise<T>;
}

/** One source's non-empty answer: each series' labels and value. */
export interface SourceAnswer {
  source: string;
  series: { labels: Record<string, string>; value: number }[];
}

export interface SourcesAnswer {
  answers: SourceAnswer[];
  /** "<source>: <why>" for each source that did not answer. */
  failures: string[];
  connected: number;
}

const QUERY_TIMEOUT_MS = 30_000;

/** Asks every connected source the same instant query; empty answers are left out. */
export async function queryConnected(prometheus: PrometheusReader, query: string, at: number): Promise<SourcesAnswer> {
  const connected = prometheus.sources().sources.filter((s) => s.state === 'connected');
  const answers: SourceAnswer[] = [];
  const failures: string[] = [];
  for (const source of connected) {
    try {
      const { data } = await prometheus.withSource(source.id, (client) => client.query(query, at, { timeoutMs: QUERY_TIMEOUT_MS }));
      if (data.resultType !== 'vector') continue;
      const series = data.result.flatMap((r) => {
        const value = Number(r.value?.[1]);
        return Number.isFinite(value) ? [{ labels: r.metric, value }] : [];
      });
      if (series.length > 0) answers.push({ source: source.name, series });
    } catch (err) {
      failures.push(`${source.name}: ${(err as Error).message}`);
    }
  }
  return { answers, failures, connected: connected.length };
}
