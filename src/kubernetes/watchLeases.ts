import type { K8sKind } from '../contract/types';

interface Demand {
  leases: number;
  /** Set while nothing holds the kind: when it fires, the watch stops. */
  idleTimer: NodeJS.Timeout | undefined;
}

/** How long a kind stays watched after the last request when nothing holds it (default 2 minutes). */
export const DEFAULT_IDLE_STOP_MS = 120_000;

/**
 * Which on-demand kinds are watched: a kind starts on the first request or lease and stops
 * once no lease holds it and no request has asked for it for `idleMs`.
 */
export class WatchLeases {
  private readonly demand = new Map<K8sKind, Demand>();

  constructor(
    private readonly watch: (kind: K8sKind) => void,
    private readonly unwatch: (kind: K8sKind) => void,
    private readonly idleMs = DEFAULT_IDLE_STOP_MS,
  ) {}

  /** A request asked for the kind: watch it, and keep it for another idle period. */
  touch(kind: K8sKind): void {
    const d = this.start(kind);
    if (d.leases === 0) this.armIdle(kind, d);
  }

  /** Holds the kind watched until the returned function is called (once; later calls do nothing). */
  retain(kind: K8sKind): () => void {
    const d = this.start(kind);
    d.leases++;
    clearTimeout(d.idleTimer);
    d.idleTimer = undefined;
    let held = true;
    return () => {
      if (!held) return;
      held = false;
      d.leases--;
      if (d.leases === 0 && this.demand.get(kind) === d) this.armIdle(kind, d);
    };
  }

  /** Forgets every demand without stopping anything (the connection is going away). */
  clear(): void {
    for (const d of this.demand.values()) clearTimeout(d.idleTimer);
    this.demand.clear();
  }

  private start(kind: K8sKind): Demand {
    let d = this.demand.get(kind);
    if (!d) {
      d = { leases: 0, idleTimer: undefined };
      this.demand.set(kind, d);
      this.watch(kind);
    }
    return d;
  }

  private armIdle(kind: K8sKind, d: Demand): void {
    clearTimeout(d.idleTimer);
    d.idleTimer = setTimeout(() => {
      this.demand.delete(kind);
      this.unwatch(kind);
    }, this.idleMs);
    d.idleTimer.unref();
  }
}
