import { Notification } from 'electron';
import type { Alert, OpsdeckClient } from '@contract';
import { diffFiring } from './alertDiff';
import { notificationContent } from './alertText';

/**
 * A native notification for every alert that starts firing, unless the user
 * paused them. The host keeps alerts across restarts: those already firing at
 * start were announced in an earlier run, so they are the baseline.
 */
export function notifyFiringAlerts(client: OpsdeckClient, onClick: (alert: Alert) => void): () => void {
  let firingIds: ReadonlySet<string> = new Set();
  let paused = false;
  // Held until closed or clicked: a collected Notification loses its click handler.
  const showing = new Set<Notification>();

  const show = (alert: Alert) => {
    const notification = new Notification(notificationContent(alert));
    const release = () => showing.delete(notification);
    notification.on('click', () => {
      release();
      onClick(alert);
    });
    notification.on('close', release);
    showing.add(notification);
    notification.show();
  };

  client
    .call('alerts.summary', {})
    .then((summary) => {
      // Joined with, never replacing, what an alerts.changed may have brought meanwhile.
      firingIds = new Set([...firingIds, ...diffFiring(new Set(), summary).ids]);
    })
    .catch((err: Error) => console.error(`[opsdeck] could not read the firing alerts: ${err.message}`));

  client
    .call('settings.get', {})
    .then((settings) => {
      paused = settings.notificationsPaused;
    })
    .catch((err: Error) => console.error(`[opsdeck] could not read notification settings: ${err.message}`));

  const unsubscribers = [
    client.on('settings.changed', (settings) => {
      paused = settings.notificationsPaused;
    }),
    client.on('alerts.changed', (summary) => {
      const { fresh, ids } = diffFiring(firingIds, summary);
      // The baseline moves on while paused, so resuming does not replay old alerts.
      firingIds = ids;
      if (!paused && Notification.isSupported()) fresh.forEach(show);
    }),
  ];

  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    for (const notification of showing) notification.close();
    showing.clear();
  };
}
