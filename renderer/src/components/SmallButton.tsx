import type { ButtonHTMLAttributes } from 'react';

/** The small, borderless button of table rows and section headers (Edit, Delete, Verify…). */
export function SmallButton(props: Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'type' | 'className'>) {
  return <button type="button" className="button button--small button--ghost" {...props} />;
}
