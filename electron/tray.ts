import { app, Menu, nativeImage, Tray } from 'electron';
import path from 'node:path';
import type { OpsdeckClient } from '@contract';
import { trayTooltip } from './alertText';

export interface TrayOptions {
  client: OpsdeckClient;
  iconDir: string;
  onOpen: () => void;
  onToggle: () => void;
  onQuit: () => void;
}

const isMac = process.platform === 'darwin';

/** The tray icon: firing count at a glance, pause switch for notifications, a way back in and out. */
export function createTray(options: TrayOptions): () => void {
  const { client } = options;
  // createFromPath picks up the @2x variants next to each file on high-density screens.
  const icon = (name: string) => nativeImage.createFromPath(path.join(options.iconDir, name));
  // The macOS menu bar tints template images itself, so there the count in the title carries the alert.
  const normalIcon = icon(isMac ? 'trayTemplate.png' : 'tray.png');
  const alertIcon = isMac ? normalIcon : icon('tray-alert.png');
  const tray = new Tray(normalIcon);
  let firing = 0;
  let paused = false;

  const setPaused = (notificationsPaused: boolean) => {
    client.call('settings.update', { notificationsPaused }).catch((err: Error) => {
      console.error(`[opsdeck] could not change notification settings: ${err.message}`);
      render();
    });
  };

  const render = () => {
    tray.setImage(firing > 0 ? alertIcon : normalIcon);
    tray.setToolTip(trayTooltip(firing));
    if (isMac) tray.setTitle(firing > 0 ? String(firing) : '');
    app.setBadgeCount(firing);
    // Linux applies menu changes only when the menu is set again, so it is rebuilt on every change.
    tray.setContextMenu(
      Menu.buildFromTemplate([
        { label: 'Open Opsdeck', click: options.onOpen },
        { label: 'Pause notifications', type: 'checkbox', checked: paused, click: (item) => setPaused(item.checked) },
        { type: 'separator' },
        { label: 'Quit Opsdeck', click: options.onQuit },
      ]),
    );
  };

  // Some Linux trays never report clicks; "Open Opsdeck" in the menu covers them.
  tray.on('click', options.onToggle);
  const unsubscribers = [
    client.on('alerts.changed', (summary) => {
      firing = summary.firing.length;
      render();
    }),
    client.on('settings.changed', (settings) => {
      paused = settings.notificationsPaused;
      render();
    }),
  ];
  render();
  Promise.all([client.call('alerts.summary', {}), client.call('settings.get', {})])
    .then(([summary, settings]) => {
      firing = summary.firing.length;
      paused = settings.notificationsPaused;
      render();
    })
    .catch((err: Error) => console.error(`[opsdeck] tray could not read the current state: ${err.message}`));

  return () => {
    for (const unsubscribe of unsubscribers) unsubscribe();
    tray.destroy();
  };
}
