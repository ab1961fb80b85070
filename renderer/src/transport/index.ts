// From bridge directly: the contract index also carries the zod schemas, which the renderer must not bundle.
import { createClient, type OpsdeckBridge, type OpsdeckClient } from '@contract/bridge';
import { websocketBridge, type ConnectionState } from './websocketBridge';

declare global {
  interface Window {
    /** Set by the Electron preload; absent in a browser. */
    opsdeck?: OpsdeckBridge;
  }
}

export type { ConnectionState };

/**
 * Picks the transport once at start: the preload's bridge inside Electron,
 * the WebSocket in serve mode. Nothing else in the renderer knows which.
 */
export function connect(onState: (s: ConnectionState) => void): OpsdeckClient {
  if (window.opsdeck) {
    onState('open');
    return createClient(window.opsdeck);
  }
  const scheme = location.protocol === 'https:' ? 'wss' : 'ws';
  return createClient(websocketBridge(`${scheme}://${location.host}/api`, onState));
}
