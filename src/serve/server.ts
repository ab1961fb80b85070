import http, { type IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import type { HostEvent } from '../contract';
import { MAX_MESSAGE_BYTES, type ClientMessage, type ServerMessage } from '../contract/wire';
import type { Host } from '../host/createHost';
import { allowedHosts, cookieToken, originAllowed, sameToken, sessionCookie } from './auth';
import { plain, serveStatic } from './staticFiles';

export interface ServeOptions {
  host: Host;
  /** The built renderer (out/renderer). */
  staticDir: string;
  hostname: string;
  port: number;
  token: string;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

/** Events are dropped for a client this far behind rather than buffered without bound. */
const MAX_BUFFERED_BYTES = 4 * 1024 * 1024;

const securityHeaders = (wsOrigin: string) => ({
  'Content-Security-Policy':
    `default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; ` +
    `connect-src 'self' ${wsOrigin}; object-src 'none'; base-uri 'none'; frame-ancestors 'none'; form-action 'none'`,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
});

function refuseUpgrade(socket: Duplex, status: number, reason: string) {
  socket.end(`HTTP/1.1 ${status} ${reason}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
}

/** Serves the renderer and the contract over a WebSocket, both behind the token. */
export async function startServer(opts: ServeOptions): Promise<RunningServer> {
  const { host, token } = opts;
  let hosts: Set<string> | null = new Set<string>();
  const hostAllowed = (req: IncomingMessage) => hosts === null || hosts.has(req.headers.host ?? '');
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_MESSAGE_BYTES });

  const authorised = (req: IncomingMessage, url: URL) =>
    sameToken(url.searchParams.get('token'), token) || sameToken(cookieToken(req), token);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://opsdeck.invalid');
    if (!hostAllowed(req)) return plain(res, 421, 'Unknown host name.');
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return plain(res, 405, 'Method not allowed.', { Allow: 'GET, HEAD' });
    }
    if (!authorised(req, url)) {
      return plain(res, 401, 'Opsdeck needs its access token: open the URL that `opsdeck serve` printed.');
    }
    if (url.searchParams.has('token')) {
      // Trade the token in the address bar for a cookie, so it leaves the URL and history.
      url.searchParams.delete('token');
      res.writeHead(303, { Location: url.pathname + url.search, 'Set-Cookie': sessionCookie(token) });
      return res.end();
    }
    const headers = securityHeaders(`ws://${req.headers.host}`);
    for (const [k, v] of Object.entries(headers)) res.setHeader(k, v);
    void serveStatic(opts.staticDir, url.pathname, res, req.method === 'HEAD');
  });

  server.on('upgrade', (req, socket, head) => {
    const url = new URL(req.url ?? '/', 'http://opsdeck.invalid');
    if (url.pathname !== '/api') return refuseUpgrade(socket, 404, 'Not Found');
    if (!hostAllowed(req)) return refuseUpgrade(socket, 421, 'Misdirected Request');
    if (!authorised(req, url)) return refuseUpgrade(socket, 401, 'Unauthorized');
    if (!originAllowed(req)) return refuseUpgrade(socket, 403, 'Forbidden');
    wss.handleUpgrade(req, socket, head, (ws) => serveClient(ws));
  });

  function serveClient(ws: WebSocket) {
    const send = (msg: ServerMessage) => ws.send(JSON.stringify(msg));
    const unsubscribe = host.subscribe((event: HostEvent) => {
      if (ws.readyState === ws.OPEN && ws.bufferedAmount < MAX_BUFFERED_BYTES) send({ kind: 'event', event });
    });
    ws.on('close', unsubscribe);
    ws.on('error', unsubscribe);
    ws.on('message', async (data) => {
      let msg: ClientMessage;
      try {
        msg = JSON.parse(String(data)) as ClientMessage;
      } catch {
        return send({
          kind: 'result',
          id: -1,
          result: { ok: false, error: { code: 'BAD_REQUEST', message: 'Message is not JSON.' } },
        });
      }
      const id = typeof msg?.id === 'number' ? msg.id : -1;
      const result = await host.invoke(msg?.channel, msg?.payload);
      if (ws.readyState === ws.OPEN) send({ kind: 'result', id, result });
    });
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.hostname, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : opts.port;
  hosts = allowedHosts(opts.hostname, port);
  const displayHost = opts.hostname.includes(':') ? `[${opts.hostname}]` : opts.hostname;

  return {
    url: `http://${displayHost}:${port}/?token=${encodeURIComponent(token)}`,
    port,
    async close() {
      for (const client of wss.clients) client.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
