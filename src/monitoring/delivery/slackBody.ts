import { firingOf, titleOf, type GroupMessage, type MessageAlert } from './groupMessage';

const line = (a: MessageAlert) => {
  const what = a.annotations.summary || a.annotations.description || a.labels.alertname || '';
  const labels = Object.entries(a.labels).map(([k, v]) => `${k}=${v}`).join(', ');
  return `• *${a.status.toUpperCase()}* ${what} (${labels})`;
};

/** A Slack incoming-webhook message: the group's title as text and a section per alert. */
export function slackBody(m: GroupMessage, config: Record<string, unknown>) {
  const title = titleOf(m);
  return {
    ...(typeof config.channel === 'string' ? { channel: config.channel } : {}),
    ...(typeof config.username === 'string' ? { username: config.username } : {}),
    text: title,
    blocks: [
      { type: 'header', text: { type: 'plain_text', text: title.slice(0, 150) } },
      ...m.alerts.map((a) => ({ type: 'section', text: { type: 'mrkdwn', text: line(a).slice(0, 3000) } })),
    ],
    attachments: [{ color: firingOf(m).length ? 'danger' : 'good', fallback: title }],
  };
}
