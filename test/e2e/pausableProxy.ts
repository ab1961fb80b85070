import net from 'node:net';

export interface PausableProxy {
  port: number;
  /** Stops passing bytes either way, on open connections and on new ones, until resume(). */
  pause(): void;
  resume(): void;
  close(): Promise<void>;
}

/** A loopback TCP proxy that can hold traffic, so a test can see a check still running. */
export async function startPausableProxy(targetPort: number): Promise<PausableProxy> {
  const sockets = new Set<net.Socket>();
  let paused = false;
  const server = net.createServer((client) => {
    const upstream = net.connect(targetPort, '127.0.0.1');
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => client.destroy());
      if (paused) s.pause();
    }
    client.pipe(upstream);
    upstream.pipe(client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as net.AddressInfo).port,
    pause() {
      paused = true;
      for (const s of sockets) s.pause();
    },
    resume() {
      paused = false;
      for (const s of sockets) s.resume();
    },
    async close() {
      for (const s of sockets) s.destroy();
      await new Promise((resolve) => server.close(resolve));
    },
  };
}
