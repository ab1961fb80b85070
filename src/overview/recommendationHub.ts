/** Gathers every engine's recommendations into one list, highest priority first; one engine failing leaves the others' items. */
import type { Recommendation, RecommendationList } from '../contract/types';
import type { RecommendationProvider } from '../engines/providers';

const PROVIDER_TIMEOUT_MS = 20_000;

const RISK_RANK = { critical: 0, high: 1, medium: 2, low: 3 } as const;

/** Priority, then risk, then the larger saving, then id, so the order is the same every time. */
export function compareRecommendations(a: Recommendation, b: Recommendation): number {
  return (
    b.priority - a.priority ||
    RISK_RANK[a.effect.risk ?? 'low'] - RISK_RANK[b.effect.risk ?? 'low'] ||
    (b.effect.monthlySaving ?? 0) - (a.effect.monthlySaving ?? 0) ||
    (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}

function withTimeout<T>(work: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not answer within ${ms / 1000} s`)), ms);
  });
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer));
}

export class RecommendationHub {
  private readonly providers: RecommendationProvider[] = [];

  constructor(
    private readonly now: () => number = Date.now,
    private readonly timeoutMs = PROVIDER_TIMEOUT_MS,
  ) {}

  register(...providers: RecommendationProvider[]): void {
    this.providers.push(...providers);
  }

  async list(): Promise<RecommendationList> {
    const settled = await Promise.allSettled(
      this.providers.map((p) => withTimeout(Promise.resolve().then(() => p.recommendations()), this.timeoutMs, `The ${p.engine} engine`)),
    );
    const items: Recommendation[] = [];
    const seen = new Set<string>();
    const failures: RecommendationList['failures'] = [];
    settled.forEach((s, i) => {
      const engine = this.providers[i]!.engine;
      if (s.status === 'rejected') {
        failures.push({ engine, message: (s.reason as Error)?.message ?? String(s.reason) });
        return;
      }
      for (const item of s.value) {
        if (seen.has(item.id)) continue;
        seen.add(item.id);
        items.push(item);
      }
    });
    items.sort(compareRecommendations);
    return { items, failures, computedAt: this.now() };
  }
}
