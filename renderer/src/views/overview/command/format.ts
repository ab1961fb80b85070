import { formatInterval } from '../../../format/duration';

/** A duration in ms for a card, or a dash when there is none. */
export const durationOrDash = (ms: number | null): string => (ms === null ? '—' : formatInterval(Math.round(ms)));

export const percentOrDash = (ratio: number | null): string => (ratio === null ? '—' : `${Math.round(ratio * 100)}%`);

/** An amount in the billing currency, as the user's locale writes it. */
export function money(amount: number, currency: string): string {
  try {
    return new Intl.NumberFormat(undefined, { style: 'currency', currency, maximumFractionDigits: 0 }).format(amount);
  } catch {
    return `${Math.round(amount).toLocaleString()} ${currency}`;
  }
}
