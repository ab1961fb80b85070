import type { ReactNode } from 'react';

interface Props {
  title: string;
  /** What the view will show once its source is connected. */
  children: ReactNode;
  /** How that source is (or will be) connected. */
  source?: ReactNode;
}

export function EmptyState({ title, children, source }: Props) {
  return (
    <section className="empty-state" aria-label={title}>
      <h2 className="empty-state__title">{title}</h2>
      <p>{children}</p>
      {source && <p className="empty-state__source">{source}</p>}
    </section>
  );
}
