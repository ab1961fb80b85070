import type { CheckOutcome, EngineId, Recommendation } from '../contract';

/** An engine's contribution to the Overview's prioritized list; an engine with no source returns []. */
export interface RecommendationProvider {
  engine: EngineId;
  recommendations(): Promise<Recommendation[]>;
}

/** An engine check for "Run all checks": runs its source's checks and sums them up in one outcome. */
export interface CheckProvider {
  id: string;
  engine: EngineId;
  label: string;
  run(signal: AbortSignal): Promise<Pick<CheckOutcome, 'status' | 'summary' | 'link'>>;
}
