import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HostEvent, OpsdeckBridge } from '@contract';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipcChannels';

// The renderer gets these two functions and nothing else: no ipcRenderer, no Node.
const bridge: OpsdeckBridge = {
  invoke: (channel, payload) => ipcRenderer.invoke(INVOKE_CHANNEL, channel, payload),
  subscribe(listener) {
    const forward = (_event: IpcRendererEvent, hostEvent: HostEvent) => listener(hostEvent);
    ipcRenderer.on(EVENT_CHANNEL, forward);
    return () => {
      ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    };
  },
};

contextBridge.exposeInMainWorld('opsdeck', bridge);
