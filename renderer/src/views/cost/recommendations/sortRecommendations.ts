import type { Recommendation } from '@contract';

export type RecommendationSort = 'priority' | 'saving' | 'kind';

const saving = (r: Recommendation) => r.effect.monthlySaving ?? 0;

/** A sorted copy: highest priority or saving first, kinds alphabetically; ties by title. */
export function sortRecommendations(items: readonly Recommendation[], by: RecommendationSort): Recommendation[] {
  const byTitle = (a: Recommendation, b: Recommendation) => a.title.localeCompare(b.title);
  const compare: Record<RecommendationSort, (a: Recommendation, b: Recommendation) => number> = {
    priority: (a, b) => b.priority - a.priority || saving(b) - saving(a) || byTitle(a, b),
    saving: (a, b) => saving(b) - saving(a) || b.priority - a.priority || byTitle(a, b),
    kind: (a, b) => a.kind.localeCompare(b.kind) || b.priority - a.priority || byTitle(a, b),
  };
  return [...items].sort(compare[by]);
}
