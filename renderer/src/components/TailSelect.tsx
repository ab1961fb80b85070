interface Props {
  value: number;
  /** The lengths offered, smallest first. */
  choices: readonly number[];
  onChange(lines: number): void;
}

/** How many of a log's last lines to read, for a log toolbar. */
export function TailSelect({ value, choices, onChange }: Props) {
  return (
    <label className="log-toolbar__field">
      Lines
      <select value={value} onChange={(e) => onChange(Number(e.target.value))}>
        {choices.map((n) => (
          <option key={n} value={n}>
            last {n.toLocaleString()}
          </option>
        ))}
      </select>
    </label>
  );
}
