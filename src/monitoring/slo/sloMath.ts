import type { BurnRateAlertSpec, SloBurnWindow, SloState, SloStatus } from '../../contract';
import { OpsdeckError, SLO_BURN_ALERTS } from '../../contract';
import { parseDuration } from '../rules/duration';

/** How many times faster than allowed the budget is spent, given the SLI over some window. */
export const burnRate = (sli: number, allowed: number): number => (1 - sli) / allowed;

/** The error budget over the SLO's window, from the SLI over that window. */
export function budgetOf(sli: number | null, allowed: number, windowMs: number): SloStatus['budget'] {
  const totalMs = windowMs * allowed;
  if (sli === null) return { allowedFraction: allowed, totalMs, remainingFraction: null, remainingMs: null };
  const remainingFraction = 1 - burnRate(sli, allowed);
  return { allowedFraction: allowed, totalMs, remainingFraction, remainingMs: remainingFraction * totalMs };
}

/** The alerts whose long and short windows both burn faster than their factor. */
export function burningAlerts(rates: Record<SloBurnWindow, number | null>): BurnRateAlertSpec[] {
  const over = (window: string, factor: number) => {
    const rate = rates[window as SloBurnWindow];
    return rate !== null && rate !== undefined && rate > factor;
  };
  return SLO_BURN_ALERTS.filter((a) => over(a.longWindow, a.factor) && over(a.shortWindow, a.factor));
}

/** breached when the window's budget is overspent, else warning while an alert condition holds. */
export function stateOf(remainingFraction: number | null, burning: BurnRateAlertSpec[]): SloState {
  if (remainingFraction === null) return 'unknown';
  if (remainingFraction < 0) return 'breached';
  return burning.length ? 'warning' : 'ok';
}

const HOUR_MS = 3_600_000;
export const MIN_WINDOW_MS = HOUR_MS;
export const MAX_WINDOW_MS = 90 * 24 * HOUR_MS;

/** The window's length; refused unless a Prometheus duration between 1h and 90d. */
export function windowMs(window: string): number {
  const ms = parseDuration(window);
  if (ms === null) throw new OpsdeckError('BAD_REQUEST', `window: "${window}" is not a Prometheus duration such as 30d or 12h.`);
  if (ms < MIN_WINDOW_MS || ms > MAX_WINDOW_MS) throw new OpsdeckError('BAD_REQUEST', `window: ${window} is outside 1h..90d.`);
  return ms;
}
