import type { BudgetPeriod } from '../../contract';
import { addDays, shiftMonth } from '../billing/days';

export interface PeriodSpan {
  /** 2024-09, 2024-Q3, 2024: fired thresholds are remembered per key. */
  key: string;
  start: string;
  end: string;
}

const MONTHS: Record<BudgetPeriod, number> = { monthly: 1, quarterly: 3, yearly: 12 };

/** The budget period that holds day. */
export function periodOf(period: BudgetPeriod, day: string): PeriodSpan {
  const year = day.slice(0, 4);
  const month = Number(day.slice(5, 7));
  const firstMonth = period === 'monthly' ? month : period === 'quarterly' ? month - ((month - 1) % 3) : 1;
  const start = `${year}-${String(firstMonth).padStart(2, '0')}-01`;
  const end = addDays(shiftMonth(start, MONTHS[period]), -1);
  const key = period === 'monthly' ? day.slice(0, 7) : period === 'quarterly' ? `${year}-Q${(firstMonth + 2) / 3}` : year;
  return { key, start, end };
}
