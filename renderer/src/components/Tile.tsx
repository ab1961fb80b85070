import type { HTMLAttributes, ReactNode } from 'react';

interface Props extends Omit<HTMLAttributes<HTMLElement>, 'children'> {
  label: string;
  value: ReactNode;
  detail?: ReactNode;
  children?: ReactNode;
}

/** One status figure; extra attributes (data-testid and the like) land on the tile itself. */
export function Tile({ label, value, detail, children, className, ...rest }: Props) {
  return (
    <section className={`tile ${className ?? ''}`} aria-label={label} {...rest}>
      <h3 className="tile__label">{label}</h3>
      <div className="tile__value">{value}</div>
      {detail && <div className="tile__detail">{detail}</div>}
      {children}
    </section>
  );
}
