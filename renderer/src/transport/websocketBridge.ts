import type { HostEvent, OpsdeckBridge, Result } from '@contract';
import type { ClientMessage, ServerMessage } from '@contract/wire';

export type ConnectionState = 'connecting' | 'open' | 'closed';

interface Pending {
  resolve: (r: Result<unknown>) => void;
}

const RETRY_MAX_MS = 10_000;

/**
 * The serve-mode bridge: the contract over one WebSocket, authenticated by the
 * session cookie the server set when the page was opened with its token.
 * Reconnects with capped backoff; calls made while down fail fast with UNAVAILABLE.
 */
export function websocketBridge(url: string, onState: (s: ConnectionState) => void): OpsdeckBridge {
  const listeners = new Set<(e: HostEvent) => void>();
  const pending = new Map<number, Pending>();
  let nextId = 1;
  let socket: WebSocket;
  let opened: Promise<boolean>;
  let retryMs = 500;

  const failAll = (message: string) => {
    for (const p of pending.values()) p.resolve({ ok: false, error: { code: 'UNAVAILABLE', message } });
    pending.clear();
  };

  const open = () => {
    onState('connecting');
    socket = new WebSocket(url);
    opened = new Promise((resolve) => {
      socket.addEventListener('open', () => {
        retryMs = 500;
        onState('open');
        resolve(true);
      });
      socket.addEventListener('close', () => {
        resolve(false);
        onState('closed');
        failAll('The connection to the Opsdeck host was lost.');
        setTimeout(open, retryMs);
        retryMs = Math.min(RETRY_MAX_MS, retryMs * 2);
      });
    });
    socket.addEventListener('message', (ev) => {
      const msg = JSON.parse(String(ev.data)) as ServerMessage;
      if (msg.kind === 'result') {
        pending.get(msg.id)?.resolve(msg.result);
        pending.delete(msg.id);
      } else {
        for (const l of listeners) l(msg.event);
      }
    });
  };
  open();

  return {
    async invoke(channel, payload) {
      if (!(await opened)) {
        return { ok: false, error: { code: 'UNAVAILABLE', message: 'Not connected to the Opsdeck host.' } };
      }
      const id = nextId++;
      const message: ClientMessage = { kind: 'invoke', id, channel, payload };
      return new Promise((resolve) => {
        pending.set(id, { resolve });
        socket.send(JSON.stringify(message));
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
