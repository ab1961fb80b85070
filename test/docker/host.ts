import type { DockerContainerRow, DockerSignal, EventData, EventName, HostEvent } from '../../src/contract';
import { afterEach } from 'vitest';
import { createHost, type Host, type HostOptions } from '../../src/host/createHost';
import { KeychainSecretStore } from '../../src/secrets/secretStore';
import { tempDir } from '../helpers/tempDir';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('not used here');
});

export interface DockerTestHost {
  host: Host;
  events: HostEvent[];
  call<T>(channel: string, payload: unknown): Promise<T>;
  /** The error a call fails with, as "CODE message". */
  failure(channel: string, payload: unknown): Promise<string>;
  emitted<K extends EventName>(name: K): EventData<K>[];
  signals(): DockerSignal[];
  /** Every container row of every group. */
  rows(engine?: string): Promise<DockerContainerRow[]>;
  row(name: string): Promise<DockerContainerRow>;
  stop(): Promise<void>;
}

const started: DockerTestHost[] = [];
afterEach(async () => {
  for (const h of started.splice(0)) await h.stop();
});

/** A host that sees only the given engines, reading stats every 500 ms so tests wait less; stopped after the test. */
export async function dockerTestHost(dockerHosts: HostOptions['dockerHosts'], extra: Partial<HostOptions> = {}): Promise<DockerTestHost> {
  const host = await createHost({
    dataDir: tempDir(),
    mode: 'serve',
    sampleIntervalMs: 60_000,
    secretStore: noKeychain,
    kubeconfigPaths: [],
    dockerHosts,
    dockerStatsIntervalMs: 500,
    log: () => undefined,
    ...extra,
  });
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  const call = async <T>(channel: string, payload: unknown): Promise<T> => {
    const r = await host.invoke(channel, payload);
    if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
    return r.value as T;
  };
  const rows = async (engine?: string) =>
    (await call<{ groups: { containers: DockerContainerRow[] }[] }>('docker.containers', engine ? { engine } : {})).groups.flatMap((g) => g.containers);
  const emitted = <K extends EventName>(name: K) => events.filter((e) => e.name === name).map((e) => e.data as EventData<K>);
  let stopped = false;
  const testHost: DockerTestHost = {
    host,
    events,
    call,
    async failure(channel, payload) {
      const r = await host.invoke(channel, payload);
      if (r.ok) throw new Error(`${channel} succeeded but was expected to fail`);
      return `${r.error.code} ${r.error.message}`;
    },
    emitted,
    signals: () => emitted('docker.signal'),
    rows,
    async row(name) {
      const found = (await rows()).find((r) => r.name === name);
      if (!found) throw new Error(`no container ${name} in docker.containers`);
      return found;
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      await host.stop();
    },
  };
  started.push(testHost);
  return testHost;
}
