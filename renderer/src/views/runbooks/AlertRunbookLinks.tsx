import type { RunbookLinkReason } from '@contract';
import { useCall } from '../../state/useCall';
import { runbookHref } from './runbooksRoute';

const REASONS: Record<RunbookLinkReason, string> = {
  annotation: 'named by the alert',
  alertname: 'for this alert name',
  labels: 'for these labels',
};

/** "Open runbook" links for an alert: the runbook its annotation names, then those whose related alerts match. */
export function AlertRunbookLinks({ alert }: { alert: { id: number; labels: Record<string, string>; annotations: Record<string, string> } }) {
  const { resource } = useCall('runbooks.forAlert', { labels: alert.labels, annotations: alert.annotations });
  if (resource.status !== 'ready' || resource.data.length === 0) return null;
  return (
    <ul className="alert-runbooks" aria-label="Runbooks for this alert">
      {resource.data.map((link) => (
        <li key={link.runbook.id}>
          <a href={runbookHref(link.runbook.id, alert.id)} data-runbook={link.runbook.id}>
            Open runbook: {link.runbook.title}
          </a>{' '}
          <span className="muted">({REASONS[link.reason]})</span>
        </li>
      ))}
    </ul>
  );
}
