/** Labels with sorted names, so equal label sets serialize equally. */
export function sortedLabels(labels: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** One string per label set: the identity of an alert within its rule. */
export const fingerprint = (labels: Record<string, string>) => JSON.stringify(sortedLabels(labels));
