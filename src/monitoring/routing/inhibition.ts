import { matchesAll } from '../rules/matchers';
import type { Labels } from './routeMatch';
import type { InhibitRule } from './routingConfig';

/**
 * Whether a rule mutes target, given the firing alerts, as Alertmanager decides: target matches the
 * target side and a firing source alert has the same equal labels (absent counts as empty). When target
 * also matches the source side, source alerts that match the target side are passed over, so an alert
 * never inhibits itself and two such alerts do not mute each other.
 */
function mutes(rule: InhibitRule, target: Labels, firing: Labels[]): boolean {
  if (!matchesAll(rule.target, target)) return false;
  const twoSided = matchesAll(rule.source, target);
  return firing.some(
    (source) =>
      matchesAll(rule.source, source) &&
      rule.equal.every((name) => (source[name] ?? '') === (target[name] ?? '')) &&
      !(twoSided && matchesAll(rule.target, source)),
  );
}

/** Whether any inhibit rule mutes the alert with these labels while the firing alerts fire. */
export const isInhibited = (rules: InhibitRule[], labels: Labels, firing: Labels[]) => rules.some((rule) => mutes(rule, labels, firing));
