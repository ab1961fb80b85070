import type { Alert } from '@contract';

export function trayTooltip(firingCount: number): string {
  if (firingCount === 0) return 'Opsdeck — all clear';
  return `Opsdeck — ${firingCount} ${firingCount === 1 ? 'alert' : 'alerts'} firing`;
}

export function notificationContent(alert: Alert): { title: string; body: string } {
  const labels = Object.entries(alert.labels)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([key, value]) => `${key}=${value}`)
    .join(', ');
  const headline = `${alert.rule} · ${alert.severity}`;
  return { title: alert.summary, body: labels ? `${headline}\n${labels}` : headline };
}
