import type { AlertInstance, LabelMatcher } from '@contract';

/** Equality matchers for every label of the alert: a silence that mutes exactly this alert. */
export const alertSilenceMatchers = (a: AlertInstance): LabelMatcher[] =>
  Object.entries(a.labels)
    .sort(([x], [y]) => x.localeCompare(y))
    .map(([name, value]) => ({ name, op: '=', value }));
