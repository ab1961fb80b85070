/** One labelled single-line input of the tab's dialogs. */
export function TextField({ label, value, onChange, type = 'text', testId }: { label: string; value: string; onChange(v: string): void; type?: string; testId?: string }) {
  return (
    <label className="form-field">
      {label}
      <input className="mono" type={type} spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} data-testid={testId} />
    </label>
  );
}
