/** The Overview's one place that gathers from every engine: sources' health, recommendations and checks. */
import type { CheckProgress, SourceHealth } from '../contract/types';
import type { CheckProvider, RecommendationProvider } from '../engines/providers';
import { CheckRunner } from './checkRunner';
import { RecommendationHub } from './recommendationHub';
import type { SourceHealthProvider } from './sourceHealth';

export class OverviewHub {
  readonly recommendations: RecommendationHub;
  readonly checks: CheckRunner;
  private readonly sourceProviders: SourceHealthProvider[] = [];

  constructor(onProgress: (p: CheckProgress) => void, now: () => number = Date.now) {
    this.recommendations = new RecommendationHub(now);
    this.checks = new CheckRunner(onProgress, now);
  }

  /** What an engine contributes; each part optional. */
  register(parts: { recommendations?: RecommendationProvider[]; checks?: CheckProvider[]; sources?: SourceHealthProvider[] }): void {
    this.recommendations.register(...(parts.recommendations ?? []));
    this.checks.register(...(parts.checks ?? []));
    this.sourceProviders.push(...(parts.sources ?? []));
  }

  /** Every provider's sources; one that fails shows as a source that is down rather than hiding the rest. */
  async sources(): Promise<SourceHealth[]> {
    const settled = await Promise.allSettled(this.sourceProviders.map((p) => p.sources()));
    return settled.flatMap((s, i) =>
      s.status === 'fulfilled' ? s.value : [{ id: `source-provider-${i}`, engine: 'host' as const, kind: 'error', name: 'A source', state: 'down' as const, detail: (s.reason as Error)?.message ?? String(s.reason) }],
    );
  }
}
