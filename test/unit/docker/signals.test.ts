import { describe, expect, it } from 'vitest';
import type { DockerEventRow } from '../../../src/contract';
import { SignalDetector } from '../../../src/docker/signals';

const event = (action: string, at: number, attributes: Record<string, string> = {}, id = 'c1'): DockerEventRow => ({
  engine: 'local',
  at,
  type: 'container',
  action,
  id,
  name: 'web',
  attributes: { name: 'web', ...attributes },
});

describe('container signals', () => {
  it('reports a container that died on its own with a non-zero code, not a clean exit or a kill asked for', () => {
    const s = new SignalDetector();
    expect(s.feed(event('die', 1000, { exitCode: '0' }))).toEqual([]);
    expect(s.feed(event('die', 2000, { exitCode: '2', 'com.docker.compose.project': 'shop' }))).toEqual([
      { engine: 'local', kind: 'died', at: 2000, containerId: 'c1', containerName: 'web', composeProject: 'shop', value: 2, message: 'web exited with code 2.' },
    ]);
    s.feed(event('kill', 3000, { signal: '15' }));
    expect(s.feed(event('die', 3500, { exitCode: '143' }))).toEqual([]);
    // Long after the kill, a crash is a crash again.
    expect(s.feed(event('die', 60_000, { exitCode: '1' })).map((x) => x.kind)).toEqual(['died']);
  });

  it('reports OOM kills once (not again as died) and unhealthy turns', () => {
    const s = new SignalDetector();
    expect(s.feed(event('oom', 1000)).map((x) => [x.kind, x.message])).toEqual([['oomKilled', 'web was killed for running out of memory.']]);
    expect(s.feed(event('die', 1001, { exitCode: '137' }))).toEqual([]);
    expect(s.feed(event('health_status: healthy', 2000))).toEqual([]);
    expect(s.feed(event('health_status: unhealthy', 3000)).map((x) => x.kind)).toEqual(['unhealthy']);
  });

  it('reports a restart loop when a container restarts N times within the window, once per N', () => {
    const s = new SignalDetector({ restartLoopCount: 3, restartLoopWindowMs: 60_000 });
    expect(s.feed(event('start', 0))).toEqual([]);
    const loop: string[] = [];
    for (let i = 1; i <= 7; i++) {
      s.feed(event('die', i * 1000, { exitCode: '1' }));
      loop.push(...s.feed(event('start', i * 1000 + 100)).map((x) => `${x.kind} ${x.value}`));
    }
    expect(loop).toEqual(['restartLoop 3', 'restartLoop 3']);
    // Restarts spread wider than the window are no loop.
    const slow = new SignalDetector({ restartLoopCount: 3, restartLoopWindowMs: 60_000 });
    for (let i = 1; i <= 6; i++) {
      slow.feed(event('die', i * 40_000, { exitCode: '1' }, 'c2'));
      expect(slow.feed(event('start', i * 40_000 + 1, {}, 'c2'))).toEqual([]);
    }
  });

  it('ignores other object types and forgets destroyed containers', () => {
    const s = new SignalDetector({ restartLoopCount: 2, restartLoopWindowMs: 60_000 });
    expect(s.feed({ ...event('die', 1), type: 'network' })).toEqual([]);
    s.feed(event('die', 1000, { exitCode: '1' }));
    s.feed(event('destroy', 1100));
    expect(s.feed(event('start', 1200))).toEqual([]);
  });
});
