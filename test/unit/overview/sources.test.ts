import { describe, expect, it } from 'vitest';
import type { DockerEngineInfo, K8sContextInfo, PromSourceInfo } from '../../../src/contract';
import { backupRepositorySource, billingSource } from '../../../src/overview/engineSources';
import { OverviewHub } from '../../../src/overview/overviewHub';
import { coreChecks, coreSourceHealth, type CoreSources } from '../../../src/overview/sourceHealth';

const NOW = 1_800_000_000_000;

function core(over: Partial<CoreSources> = {}): CoreSources {
  const context = (name: string, state: K8sContextInfo['state'], enabled = true) => ({ name, state, enabled, message: state === 'connected' ? null : 'dial tcp: connection refused' }) as K8sContextInfo;
  return {
    latestSample: () => ({ ts: NOW - 2_000 }) as never,
    sampleIntervalMs: 5_000,
    contexts: async () => ({ files: [], found: [], problems: [], currentContext: null, contexts: [context('prod', 'connected'), context('lab', 'unreachable'), context('off', 'disabled', false)] }),
    docker: () => ({ engines: [{ name: 'local', state: 'connected', message: null } as DockerEngineInfo], problems: [], hint: null }),
    pingDocker: async () => undefined,
    prometheus: () => ({ sources: [{ id: 1, name: 'main', state: 'connected', message: null } as PromSourceInfo], hint: null }),
    testPrometheus: async () => ({ state: 'connected', message: null, version: '2.53.0' }),
    now: () => NOW,
    ...over,
  };
}

describe('source health', () => {
  it('lists the host, each watched context, engine and source with its state', async () => {
    const sources = await coreSourceHealth(core()).sources();
    expect(sources.map((s) => [s.id, s.state, s.detail])).toEqual([
      ['host', 'ok', null],
      ['k8s/prod', 'ok', null],
      ['k8s/lab', 'down', 'dial tcp: connection refused'],
      ['docker/local', 'ok', null],
      ['prometheus/1', 'ok', null],
    ]);
  });

  it('says how to connect what is not connected, and flags a stale host sample', async () => {
    const sources = await coreSourceHealth(
      core({
        latestSample: () => ({ ts: NOW - 60_000 }) as never,
        contexts: async () => ({ files: [], found: [], problems: [], currentContext: null, contexts: [] }),
        docker: () => ({ engines: [], problems: [], hint: 'Start Docker.' }),
        prometheus: () => ({ sources: [], hint: null }),
      }),
    ).sources();
    expect(sources.map((s) => [s.id, s.state, s.detail])).toEqual([
      ['host', 'degraded', 'Last sample 60 s ago.'],
      ['k8s', 'not-connected', 'Turn on Watch for a context in the Clusters tab.'],
      ['docker', 'not-connected', 'Start Docker.'],
      ['prometheus', 'not-connected', 'Add a Prometheus source in the Monitoring tab.'],
    ]);
  });

  it('shows billing and the backup repository from their engines\' status', async () => {
    const [billing] = await billingSource(() => ({ connected: false, hint: 'Point Opsdeck at a billing export folder.', currency: 'USD', monthToDate: 0, previousPeriodToDate: 0, forecastMonthEnd: null, budgets: [] })).sources();
    expect(billing).toMatchObject({ id: 'billing', state: 'not-connected', detail: 'Point Opsdeck at a billing export folder.' });
    const [repo] = await backupRepositorySource(() => ({ configured: true, path: '/mnt/nas/backups', problem: 'The password is not in the keychain.', snapshotCount: 3 })).sources();
    expect(repo).toMatchObject({ name: '/mnt/nas/backups', state: 'down', detail: 'The password is not in the keychain.' });
  });

  it('keeps the other sources when one provider fails', async () => {
    const hub = new OverviewHub(() => undefined);
    hub.register({ sources: [{ sources: async () => Promise.reject(new Error('billing database locked')) }, coreSourceHealth(core())] });
    const sources = await hub.sources();
    expect(sources[0]).toMatchObject({ state: 'down', detail: 'billing database locked' });
    expect(sources).toHaveLength(6);
  });
});

describe('core checks', () => {
  const run = async (c: CoreSources) => Object.fromEntries(await Promise.all(coreChecks(c).map(async (p) => [p.id, await p.run(AbortSignal.timeout(1000))])));

  it('passes when everything answers, fails naming what does not', async () => {
    const ok = await run(core({ contexts: async () => ({ files: [], found: [], problems: [], currentContext: null, contexts: [{ name: 'prod', state: 'connected', enabled: true, message: null } as K8sContextInfo] }) }));
    expect(ok.clusters).toMatchObject({ status: 'pass', summary: '1 context connected.' });
    expect(ok.docker).toMatchObject({ status: 'pass', summary: '1 engine answered.' });
    expect(ok.prometheus).toMatchObject({ status: 'pass', summary: '1 source answered.' });

    const bad = await run(
      core({
        pingDocker: async () => Promise.reject(new Error('socket hang up')),
        testPrometheus: async () => ({ state: 'unreachable', message: 'ECONNREFUSED', version: null }),
      }),
    );
    expect(bad.clusters).toMatchObject({ status: 'fail', summary: 'lab: unreachable (dial tcp: connection refused)' });
    expect(bad.docker).toMatchObject({ status: 'fail', summary: 'local: socket hang up' });
    expect(bad.prometheus).toMatchObject({ status: 'fail', summary: 'main: unreachable (ECONNREFUSED)' });
  });
});
