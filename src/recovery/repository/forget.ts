import type { ForgetDecision, ForgetPolicy, SnapshotInfo } from './types';

type Rule = 'hourly' | 'daily' | 'weekly' | 'monthly' | 'yearly';

const pad = (n: number) => String(n).padStart(2, '0');

/** The calendar bucket a time falls in, in UTC (e.g. `2026-11-23` for daily). */
function bucket(rule: Rule, time: number): string {
  const d = new Date(time);
  const day = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  switch (rule) {
    case 'hourly':
      return `${day} ${pad(d.getUTCHours())}h`;
    case 'daily':
      return day;
    case 'weekly': {
      // ISO week: the week belongs to the year of its Thursday.
      const thursday = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 3 - ((d.getUTCDay() + 6) % 7)));
      const jan4 = new Date(Date.UTC(thursday.getUTCFullYear(), 0, 4));
      const week = 1 + Math.round(((thursday.getTime() - jan4.getTime()) / 86_400_000 - 3 + ((jan4.getUTCDay() + 6) % 7)) / 7);
      return `${thursday.getUTCFullYear()}-W${pad(week)}`;
    }
    case 'monthly':
      return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}`;
    case 'yearly':
      return String(d.getUTCFullYear());
  }
}

const RULES: Rule[] = ['hourly', 'daily', 'weekly', 'monthly', 'yearly'];

/**
 * Decides which snapshots a policy keeps, per target and host: the newest `last` ones, and for
 * each calendar rule the newest snapshot of each of the newest N buckets. A policy that keeps
 * nothing keeps everything (an empty policy never deletes).
 */
export function applyPolicy(snapshots: SnapshotInfo[], policy: ForgetPolicy): { keep: ForgetDecision[]; remove: ForgetDecision[] } {
  const counts = { last: policy.last ?? 0, ...Object.fromEntries(RULES.map((r) => [r, policy[r] ?? 0])) } as Record<Rule | 'last', number>;
  const keep: ForgetDecision[] = [];
  const remove: ForgetDecision[] = [];
  const groups = new Map<string, SnapshotInfo[]>();
  for (const s of snapshots) {
    if (policy.target !== undefined && s.target !== policy.target) continue;
    const key = `${s.target}\u0000${s.host}`;
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  const empty = Object.values(counts).every((n) => n <= 0);
  for (const group of groups.values()) {
    const newestFirst = [...group].sort((a, b) => b.time - a.time);
    const seen = Object.fromEntries(RULES.map((r) => [r, new Set<string>()])) as Record<Rule, Set<string>>;
    newestFirst.forEach((snapshot, position) => {
      const reasons: string[] = [];
      if (empty) reasons.push('no retention rule set');
      if (position < counts.last) reasons.push(`last ${position + 1}`);
      for (const rule of RULES) {
        const b = bucket(rule, snapshot.time);
        if (seen[rule].size < counts[rule] && !seen[rule].has(b)) {
          seen[rule].add(b);
          reasons.push(`${rule} ${b}`);
        }
      }
      (reasons.length > 0 ? keep : remove).push({ snapshot, reasons });
    });
  }
  return { keep, remove };
}
