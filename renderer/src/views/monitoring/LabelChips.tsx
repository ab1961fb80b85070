/** Labels as name=value chips, sorted by name. */
export function LabelChips({ labels, skip = [] }: { labels: Record<string, string>; skip?: string[] }) {
  return (
    <span className="label-chips">
      {Object.entries(labels)
        .filter(([k]) => !skip.includes(k))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => (
          <span key={k} className="label-chip mono">
            {k}={v}
          </span>
        ))}
    </span>
  );
}
