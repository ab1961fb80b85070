import { DOCKER_RESTART_LOOP_COUNT, DOCKER_RESTART_LOOP_WINDOW_MS, type DockerEventRow, type DockerSignal } from '../contract';

/** A die this soon after a kill or an OOM was asked for or already reported. */
const EXPLAINED_DIE_MS = 30_000;

export interface SignalOptions {
  restartLoopCount?: number;
  restartLoopWindowMs?: number;
}

/**
 * Turns an engine's container events into the signals worth an alert: a container that died
 * on its own with a non-zero code, was OOM-killed, turned unhealthy, or keeps restarting.
 */
export class SignalDetector {
  private readonly lastKillOrOom = new Map<string, number>();
  private readonly diedAt = new Map<string, number>();
  private readonly restarts = new Map<string, number[]>();
  private readonly loopCount: number;
  private readonly loopWindowMs: number;

  constructor(options: SignalOptions = {}) {
    this.loopCount = options.restartLoopCount ?? DOCKER_RESTART_LOOP_COUNT;
    this.loopWindowMs = options.restartLoopWindowMs ?? DOCKER_RESTART_LOOP_WINDOW_MS;
  }

  feed(e: DockerEventRow): DockerSignal[] {
    if (e.type !== 'container') return [];
    const signal = (kind: DockerSignal['kind'], value: number | null, message: string): DockerSignal => ({
      engine: e.engine,
      kind,
      at: e.at,
      containerId: e.id,
      containerName: e.name ?? e.id.slice(0, 12),
      composeProject: e.attributes['com.docker.compose.project'] ?? null,
      value,
      message,
    });
    const name = e.name ?? e.id.slice(0, 12);
    switch (e.action) {
      case 'kill':
        this.lastKillOrOom.set(e.id, e.at);
        return [];
      case 'oom':
        this.lastKillOrOom.set(e.id, e.at);
        return [signal('oomKilled', null, `${name} was killed for running out of memory.`)];
      case 'die': {
        this.diedAt.set(e.id, e.at);
        const code = Number(e.attributes.exitCode ?? 0);
        const explained = e.at - (this.lastKillOrOom.get(e.id) ?? -Infinity) < EXPLAINED_DIE_MS;
        return code !== 0 && !explained ? [signal('died', code, `${name} exited with code ${code}.`)] : [];
      }
      case 'start':
        return this.started(e.id, e.at, (count) => signal('restartLoop', count, `${name} restarted ${count} times in ${Math.round(this.loopWindowMs / 60_000)} minutes.`));
      case 'destroy':
        this.forget(e.id);
        return [];
      case 'health_status: unhealthy':
        return [signal('unhealthy', null, `${name} is unhealthy.`)];
      default:
        return [];
    }
  }

  /** A start after a die is a restart; enough of them inside the window make a loop, reported once per window. */
  private started(id: string, at: number, loop: (count: number) => DockerSignal): DockerSignal[] {
    if (!this.diedAt.has(id)) return [];
    const recent = (this.restarts.get(id) ?? []).filter((t) => at - t < this.loopWindowMs);
    recent.push(at);
    if (recent.length < this.loopCount) {
      this.restarts.set(id, recent);
      return [];
    }
    this.restarts.set(id, []);
    return [loop(recent.length)];
  }

  private forget(id: string): void {
    this.lastKillOrOom.delete(id);
    this.diedAt.delete(id);
    this.restarts.delete(id);
  }
}
