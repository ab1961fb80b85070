interface Props {
  label: string;
  /** '' stands for no filter. */
  value: string;
  /** What the empty choice says, e.g. "Any state". */
  anyLabel: string;
  options: readonly string[];
  onChange(value: string): void;
}

/** A labelled drop-down filter whose first choice means "no filter"; a value not among the options is kept and shown. */
export function FilterSelect({ label, value, anyLabel, options, onChange }: Props) {
  const shown = value && !options.includes(value) ? [value, ...options] : options;
  return (
    <label className="pod-filters__field">
      <span>{label}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{anyLabel}</option>
        {shown.map((o) => (
          <option key={o} value={o}>
            {o}
          </option>
        ))}
      </select>
    </label>
  );
}
