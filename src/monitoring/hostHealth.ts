import type { Alert, AlertSeverity, AlertSummary, HostSample } from '../contract';

interface Finding {
  labels: Record<string, string>;
  value: number;
  summary: string;
}

interface HostRule {
  name: string;
  severity: AlertSeverity;
  /** How long the condition must hold before the alert fires. */
  forMs: number;
  check(sample: HostSample): Finding[];
}

const MINUTE = 60_000;
const round = (n: number) => Math.round(n * 10) / 10;

/** The host's built-in health checks; the monitoring engine's rule files extend these. */
export const HOST_RULES: HostRule[] = [
  {
    name: 'HostHighCpu',
    severity: 'warning',
    forMs: 5 * MINUTE,
    check: (s) =>
      s.cpu.totalPct > 90
        ? [{ labels: {}, value: round(s.cpu.totalPct), summary: `CPU busy ${round(s.cpu.totalPct)}%` }]
        : [],
  },
  {
    name: 'HostMemoryPressure',
    severity: 'warning',
    forMs: 2 * MINUTE,
    check: (s) => {
      const pct = (s.memory.usedBytes / s.memory.totalBytes) * 100;
      return pct > 90 ? [{ labels: {}, value: round(pct), summary: `Memory ${round(pct)}% used` }] : [];
    },
  },
  {
    name: 'HostDiskAlmostFull',
    severity: 'critical',
    forMs: MINUTE,
    check: (s) =>
      s.disks
        .filter((d) => d.usedBytes / d.totalBytes > 0.9)
        .map((d) => {
          const pct = round((d.usedBytes / d.totalBytes) * 100);
          return { labels: { mount: d.mount }, value: pct, summary: `Disk ${d.mount} ${pct}% full` };
        }),
  },
];

const alertId = (rule: string, labels: Record<string, string>) =>
  [rule, ...Object.entries(labels).map(([k, v]) => `${k}=${v}`)].join(':');

/** Tracks each rule's findings over samples: pending while young, firing once held long enough. */
export class HostHealth {
  private active = new Map<string, Alert>();

  constructor(private readonly rules: HostRule[] = HOST_RULES) {}

  /** Returns the new summary when anything changed, else null. */
  evaluate(sample: HostSample): AlertSummary | null {
    const next = new Map<string, Alert>();
    let changed = false;
    for (const rule of this.rules) {
      for (const f of rule.check(sample)) {
        const id = alertId(rule.name, f.labels);
        const since = this.active.get(id)?.activeSince ?? sample.ts;
        const state = sample.ts - since >= rule.forMs ? 'firing' : 'pending';
        if (this.active.get(id)?.state !== state) changed = true;
        next.set(id, {
          id,
          rule: rule.name,
          severity: rule.severity,
          summary: f.summary,
          labels: { ...f.labels, source: 'host' },
          activeSince: since,
          state,
          value: f.value,
        });
      }
    }
    if (next.size !== this.active.size) changed = true;
    this.active = next;
    return changed ? this.summary(sample.ts) : null;
  }

  summary(updatedAt = Date.now()): AlertSummary {
    const all = [...this.active.values()];
    return {
      firing: all.filter((a) => a.state === 'firing'),
      pending: all.filter((a) => a.state === 'pending'),
      updatedAt,
    };
  }
}
