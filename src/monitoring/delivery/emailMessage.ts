import { titleOf, type GroupMessage } from './groupMessage';

/** A plain-text mail of the group's alerts; who it is from and to comes from the integration's config. */
export function emailMessage(m: GroupMessage, config: Record<string, unknown>) {
  const lines = m.alerts.map((a) => {
    const what = a.annotations.summary || a.annotations.description || a.labels.alertname || '';
    const labels = Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(', ');
    return `${a.status.toUpperCase()}: ${what}\n  ${labels}\n  since ${new Date(a.startsAt).toISOString()}`;
  });
  return {
    from: typeof config.from === 'string' ? config.from : '',
    to: typeof config.to === 'string' ? config.to : '',
    subject: titleOf(m),
    text: `${titleOf(m)}\n\n${lines.join('\n\n')}\n`,
  };
}
