import type { RefObject } from 'react';

interface Props {
  label: string;
  placeholder: string;
  value: string;
  onChange(value: string): void;
  input: RefObject<HTMLInputElement | null>;
}

/** The text filter above a table whose rows are all at hand. */
export function TableFilter({ label, placeholder, value, onChange, input }: Props) {
  return (
    <div className="pod-filters" role="search" aria-label={label}>
      <label className="pod-filters__field pod-filters__field--wide">
        <span>Contains</span>
        <input ref={input} type="search" placeholder={placeholder} title="Press / to jump here" spellCheck={false} value={value} onChange={(e) => onChange(e.target.value)} />
      </label>
    </div>
  );
}
