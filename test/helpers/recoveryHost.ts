import type { HostEvent, RecoveryJob } from '../../src/contract';
import { createHost, type Host, type HostOptions } from '../../src/host/createHost';
import { eventually } from './eventually';
import { call } from './hostCall';
import { MemorySecrets } from './memorySecrets';
import { tempDir } from './tempDir';

export interface RecoveryTestHost {
  host: Host;
  secrets: MemorySecrets;
  dataDir: string;
  events: HostEvent[];
  call<T>(channel: string, payload: unknown): Promise<T>;
  /** Starts a job through `channel` and waits for it to end; returns the ended job. */
  job(channel: string, payload: unknown): Promise<RecoveryJob>;
}

/** A host with an in-memory keychain and a repository created under its data directory. */
export async function recoveryTestHost(extra: Partial<HostOptions> = {}): Promise<RecoveryTestHost & { stop(): Promise<void> }> {
  const secrets = new MemorySecrets();
  const dataDir = tempDir();
  const host = await createHost({ dataDir, mode: 'serve', sampleIntervalMs: 60_000, secretStore: secrets, kubeconfigPaths: [], dockerHosts: [], log: () => undefined, ...extra });
  const events: HostEvent[] = [];
  host.subscribe((e) => events.push(e));
  const c = <T>(channel: string, payload: unknown) => call<T>(host, channel, payload);
  await c('recovery.repository.create', { password: 'correct horse battery staple' });
  return {
    host,
    secrets,
    dataDir,
    events,
    call: c,
    async job(channel, payload) {
      const started = await c<RecoveryJob>(channel, payload);
      return eventually(() => {
        const ended = events.find((e): e is { name: 'recovery.job'; data: RecoveryJob } => e.name === 'recovery.job' && e.data.id === started.id && e.data.state !== 'running');
        if (!ended) throw new Error(`job ${started.id} (${channel}) still running`);
        return ended.data;
      }, 60_000);
    },
    stop: () => host.stop(),
  };
}
