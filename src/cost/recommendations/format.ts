import type { Recommendation } from '../../contract';
import { bytesText } from '../../kubernetes/kinds/quantity';

const GIB = 2 ** 30;
const RISK_WEIGHT: Record<NonNullable<Recommendation['effect']['risk']>, number> = { critical: 45, high: 35, medium: 25, low: 10 };

/** 0..100: a risk counts by its level, a saving by its order of magnitude (1 → 0, 10 → 15, 100 → 30, 10,000 → 60). */
export function priorityOf(monthlySaving: number, risk?: Recommendation['effect']['risk']): number {
  const saving = monthlySaving > 0 ? Math.min(60, 15 * Math.log10(1 + monthlySaving)) : 0;
  return Math.round(Math.min(100, saving + (risk ? RISK_WEIGHT[risk] : 0)));
}

export const money = (amount: number, currency: string): string =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency, maximumFractionDigits: amount < 10 ? 2 : 0 }).format(amount);

/** Cores as Kubernetes writes CPU: "250m", "1.5". */
export const cores = (n: number): string => (n >= 1 ? `${Math.round(n * 100) / 100}` : `${Math.round(n * 1000)}m`);

/** GiB as Kubernetes writes memory: "512Mi", "1.5Gi". */
export const gib = (n: number): string => bytesText(n * GIB);

/** Bytes as people read disk space: "1.2 GB". */
export function diskSpace(bytes: number): string {
  const units = ['B', 'kB', 'MB', 'GB', 'TB'];
  let v = bytes;
  let i = 0;
  while (v >= 1000 && i < units.length - 1) {
    v /= 1000;
    i++;
  }
  return `${i === 0 ? v : v.toFixed(1)} ${units[i]}`;
}
