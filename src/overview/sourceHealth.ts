/** The health of every source Opsdeck reads, and the checks "Run all checks" makes of them. */
import type { DockerEngines, HostSample, K8sContexts, PromConnectionTest, PromSources, SourceHealth, SourceState } from '../contract/types';
import type { CheckProvider } from '../engines/providers';

/** A source an engine adds to the Overview (billing, a backup repository, …). */
export interface SourceHealthProvider {
  sources(): Promise<SourceHealth[]>;
}

export interface CoreSources {
  latestSample(): HostSample | null;
  sampleIntervalMs: number;
  contexts(): Promise<K8sContexts>;
  docker(): DockerEngines;
  /** Pings one connected engine. */
  pingDocker(engine: string): Promise<void>;
  prometheus(): PromSources;
  /** Checks one saved source now. */
  testPrometheus(id: number): Promise<PromConnectionTest>;
  now?: () => number;
}

/** The host is degraded when its last sample is older than three intervals. */
const STALE_INTERVALS = 3;

const stateOf = (s: string): SourceState => (s === 'connected' ? 'ok' : s === 'connecting' ? 'degraded' : 'down');

export function coreSourceHealth(core: CoreSources): SourceHealthProvider {
  const now = core.now ?? Date.now;
  return {
    async sources() {
      const out: SourceHealth[] = [];
      const sample = core.latestSample();
      const age = sample ? now() - sample.ts : null;
      out.push({
        id: 'host',
        engine: 'host',
        kind: 'host',
        name: 'This machine',
        state: age === null ? 'degraded' : age > STALE_INTERVALS * core.sampleIntervalMs ? 'degraded' : 'ok',
        detail: age === null ? 'Waiting for the first sample.' : age > STALE_INTERVALS * core.sampleIntervalMs ? `Last sample ${Math.round(age / 1000)} s ago.` : null,
        link: { tab: 'overview' },
      });
      const contexts = (await core.contexts()).contexts.filter((c) => c.enabled);
      if (contexts.length === 0) out.push({ id: 'k8s', engine: 'kubernetes', kind: 'cluster', name: 'Kubernetes', state: 'not-connected', detail: 'Turn on Watch for a context in the Clusters tab.', link: { tab: 'clusters' } });
      for (const c of contexts) out.push({ id: `k8s/${c.name}`, engine: 'kubernetes', kind: 'cluster', name: c.name, state: stateOf(c.state), detail: c.message, link: { tab: 'clusters' } });
      const docker = core.docker();
      if (docker.engines.length === 0) out.push({ id: 'docker', engine: 'docker', kind: 'docker', name: 'Docker', state: 'not-connected', detail: docker.hint ?? 'Start Docker or add an engine in the Containers tab.', link: { tab: 'containers' } });
      for (const e of docker.engines) out.push({ id: `docker/${e.name}`, engine: 'docker', kind: 'docker', name: e.name, state: stateOf(e.state), detail: e.message, link: { tab: 'containers' } });
      const prom = core.prometheus();
      if (prom.sources.length === 0) out.push({ id: 'prometheus', engine: 'monitoring', kind: 'prometheus', name: 'Prometheus', state: 'not-connected', detail: prom.hint ?? 'Add a Prometheus source in the Monitoring tab.', link: { tab: 'monitoring' } });
      for (const s of prom.sources) out.push({ id: `prometheus/${s.id}`, engine: 'monitoring', kind: 'prometheus', name: s.name, state: stateOf(s.state), detail: s.message, link: { tab: 'monitoring' } });
      return out;
    },
  };
}

const plural = (n: number, one: string) => `${n} ${one}${n === 1 ? '' : 's'}`;

export function coreChecks(core: CoreSources): CheckProvider[] {
  return [
    {
      id: 'clusters',
      engine: 'kubernetes',
      label: 'Clusters connected',
      async run() {
        const enabled = (await core.contexts()).contexts.filter((c) => c.enabled);
        if (enabled.length === 0) return { status: 'skipped', summary: 'No context is watched.', link: { tab: 'clusters' } };
        const down = enabled.filter((c) => c.state !== 'connected');
        if (down.length === 0) return { status: 'pass', summary: `${plural(enabled.length, 'context')} connected.`, link: { tab: 'clusters' } };
        return { status: 'fail', summary: down.map((c) => `${c.name}: ${c.state}${c.message ? ` (${c.message})` : ''}`).join('; '), link: { tab: 'clusters' } };
      },
    },
    {
      id: 'docker',
      engine: 'docker',
      label: 'Docker engines reachable',
      async run() {
        const engines = core.docker().engines;
        if (engines.length === 0) return { status: 'skipped', summary: 'No Docker engine is known.', link: { tab: 'containers' } };
        const failures: string[] = [];
        await Promise.all(
          engines.map(async (e) => {
            if (e.state !== 'connected') return void failures.push(`${e.name}: ${e.state}${e.message ? ` (${e.message})` : ''}`);
            await core.pingDocker(e.name).catch((err: unknown) => failures.push(`${e.name}: ${(err as Error).message}`));
          }),
        );
        if (failures.length === 0) return { status: 'pass', summary: `${plural(engines.length, 'engine')} answered.`, link: { tab: 'containers' } };
        return { status: 'fail', summary: failures.sort().join('; '), link: { tab: 'containers' } };
      },
    },
    {
      id: 'prometheus',
      engine: 'monitoring',
      label: 'Prometheus sources reachable',
      async run() {
        const sources = core.prometheus().sources;
        if (sources.length === 0) return { status: 'skipped', summary: 'No Prometheus source is added.', link: { tab: 'monitoring' } };
        const results = await Promise.all(sources.map(async (s) => ({ s, test: await core.testPrometheus(s.id) })));
        const down = results.filter((r) => r.test.state !== 'connected');
        if (down.length === 0) return { status: 'pass', summary: `${plural(sources.length, 'source')} answered.`, link: { tab: 'monitoring' } };
        return { status: 'fail', summary: down.map((r) => `${r.s.name}: ${r.test.state}${r.test.message ? ` (${r.test.message})` : ''}`).join('; '), link: { tab: 'monitoring' } };
      },
    },
  ];
}
