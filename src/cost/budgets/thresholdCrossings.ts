import type { BudgetDefinition } from '../../contract';

export type ThresholdKind = 'actual' | 'forecast';

export interface Crossing {
  kind: ThresholdKind;
  threshold: number;
  /** Percent of the amount reached. */
  percent: number;
}

export const crossingName = (kind: ThresholdKind, threshold: number) => `${kind} ${threshold}`;

/**
 * The thresholds that spend has reached and that have not fired yet this period: each fires once per
 * period, however often spend is looked at afterwards.
 */
export function newCrossings(
  budget: Pick<BudgetDefinition, 'amount' | 'actualThresholds' | 'forecastThresholds'>,
  spend: { actual: number; forecast: number | null },
  fired: ReadonlySet<string>,
): Crossing[] {
  const out: Crossing[] = [];
  const check = (kind: ThresholdKind, thresholds: number[], value: number | null) => {
    if (value === null) return;
    const percent = (100 * value) / budget.amount;
    for (const threshold of [...thresholds].sort((a, b) => a - b)) {
      if (percent >= threshold && !fired.has(crossingName(kind, threshold))) out.push({ kind, threshold, percent });
    }
  };
  check('actual', budget.actualThresholds, spend.actual);
  check('forecast', budget.forecastThresholds, spend.forecast);
  return out;
}
