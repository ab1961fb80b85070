import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import type { Result } from '@contract';
import type { Host } from '../src/host/createHost';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipcChannels';

const REFUSED: Result<never> = {
  ok: false,
  error: { code: 'BAD_REQUEST', message: 'Requests are accepted only from the Opsdeck window.' },
};

/** Only the top frame of Opsdeck's own page may reach the host. */
function fromAppPage(event: IpcMainInvokeEvent, isAppUrl: (url: string) => boolean): boolean {
  try {
    const frame = event.senderFrame;
    return frame !== null && frame.parent === null && isAppUrl(frame.url);
  } catch {
    // The frame went away while the request was in flight.
    return false;
  }
}

export function handleInvoke(host: Host, isAppUrl: (url: string) => boolean): () => void {
  ipcMain.handle(INVOKE_CHANNEL, (event, channel: unknown, payload: unknown) =>
    fromAppPage(event, isAppUrl) ? host.invoke(channel, payload) : REFUSED,
  );
  return () => ipcMain.removeHandler(INVOKE_CHANNEL);
}

/** Pushes every host event to the window, as long as it shows Opsdeck's own page. */
export function forwardHostEvents(host: Host, contents: WebContents, isAppUrl: (url: string) => boolean): () => void {
  return host.subscribe((event) => {
    if (!contents.isDestroyed() && isAppUrl(contents.getURL())) contents.send(EVENT_CHANNEL, event);
  });
}
