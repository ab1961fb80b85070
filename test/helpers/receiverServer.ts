import http from 'node:http';
import { freePort } from '../prometheus';

export interface Received {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

/** A local HTTP server standing in for Slack, PagerDuty and webhook receivers; it can go away and come back on its port. */
export class ReceiverServer {
  readonly received: Received[] = [];
  private server: http.Server | null = null;
  constructor(readonly port: number) {}

  static async start(): Promise<ReceiverServer> {
    const s = new ReceiverServer(await freePort());
    await s.open();
    return s;
  }

  url(p: string) {
    return `http://127.0.0.1:${this.port}${p}`;
  }

  bodies(p: string) {
    return this.received.filter((r) => r.path === p).map((r) => r.body);
  }

  open(): Promise<void> {
    this.server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (c: Buffer) => (text += c.toString()));
      req.on('end', () => {
        this.received.push({ path: req.url ?? '', headers: req.headers, body: JSON.parse(text) as unknown });
        res.writeHead(202, { 'content-type': 'application/json' }).end('{"status":"success"}');
      });
    });
    return new Promise((resolve) => this.server!.listen(this.port, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    const server = this.server;
    this.server = null;
    if (!server) return Promise.resolve();
    server.closeAllConnections();
    return new Promise((resolve) => server.close(() => resolve()));
  }
}
