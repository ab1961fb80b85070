import type { SloState } from '@contract';

/** A 0..1 fraction as a percent with enough digits for targets like 99.95. */
export const fractionText = (f: number | null): string => (f === null ? 'no data' : `${(f * 100).toFixed(f > 0.99 ? 3 : 1)}%`);

export const burnText = (rate: number | null): string => (rate === null ? '—' : rate.toFixed(2));

export const SLO_STATE_BADGE: Record<SloState, string> = { ok: 'ok', warning: 'warning', breached: 'critical', unknown: 'info' };
