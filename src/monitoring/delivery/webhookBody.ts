import type { Labels } from '../routing/routeMatch';
import { common, statusOf, type GroupMessage } from './groupMessage';

const FNV_OFFSET = 0xcbf29ce484222325n;
const FNV_PRIME = 0x100000001b3n;
const MASK = 0xffffffffffffffffn;
const SEPARATOR = 0xff;

/** Prometheus's label set fingerprint: FNV-1a 64 over sorted names and values, each followed by 0xff; 16 hex digits. */
export function alertFingerprint(labels: Labels): string {
  let hash = FNV_OFFSET;
  const add = (byte: number) => {
    hash = ((hash ^ BigInt(byte)) * FNV_PRIME) & MASK;
  };
  for (const name of Object.keys(labels).sort()) {
    for (const part of [name, labels[name]!]) {
      for (const byte of Buffer.from(part, 'utf8')) add(byte);
      add(SEPARATOR);
    }
  }
  return hash.toString(16).padStart(16, '0');
}

/** Go's zero time, which Alertmanager sends as endsAt of an alert with no end. */
const ZERO_TIME = '0001-01-01T00:00:00Z';
const rfc3339 = (ms: number | null) => (ms === null ? ZERO_TIME : new Date(ms).toISOString());

/** Alertmanager's webhook body, version 4; maxAlerts 0 sends them all. */
export function webhookBody(m: GroupMessage, externalURL: string, maxAlerts = 0) {
  const kept = maxAlerts > 0 ? m.alerts.slice(0, maxAlerts) : m.alerts;
  return {
    receiver: m.receiver,
    status: statusOf(m),
    alerts: kept.map((a) => ({
      status: a.status,
      labels: a.labels,
      annotations: a.annotations,
      startsAt: rfc3339(a.startsAt),
      endsAt: rfc3339(a.endsAt),
      generatorURL: a.generatorURL,
      fingerprint: alertFingerprint(a.labels),
    })),
    groupLabels: m.groupLabels,
    commonLabels: common(m.alerts.map((a) => a.labels)),
    commonAnnotations: common(m.alerts.map((a) => a.annotations)),
    externalURL,
    version: '4',
    groupKey: m.groupKey,
    truncatedAlerts: m.alerts.length - kept.length,
  };
}
