import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AlertInstance } from '../../../../src/contract';
import { AlertRouter } from '../../../../src/monitoring/delivery/alertRouter';
import type { OutboxEntry } from '../../../../src/monitoring/delivery/outboxStore';
import { parseRoutingConfig } from '../../../../src/monitoring/routing/routingConfig';

const routing = (groupWait: string) =>
  ['route:', '  receiver: team', "  group_by: ['alertname']", `  group_wait: ${groupWait}`, '  group_interval: 1m', 'receivers:', '  - name: team', '    webhook_configs:', '      - url: http://127.0.0.1:9/', ''].join('\n');

type Open = Parameters<AlertRouter['update']>[0][number];
const firing = (id: number, firedAt: number): Open => ({ id, state: 'firing', labels: { alertname: 'Disk', i: String(id) }, annotations: { summary: 's' }, activeAt: firedAt, firedAt, ack: null });

function setup() {
  let text = routing('10s');
  let silenced = false;
  const resolved = new Map<number, Pick<AlertInstance, 'state' | 'resolvedAt'>>();
  const sent: OutboxEntry[][] = [];
  const router = new AlertRouter({
    routing: () => ({ text, config: parseRoutingConfig(text).config }),
    isSilenced: () => silenced,
    lookup: (id) => resolved.get(id) ?? null,
    onGroup: () => undefined,
    onAcknowledged: () => undefined,
    onEntries: (entries) => sent.push(entries),
    externalURL: '',
    log: () => undefined,
  });
  router.reload();
  return {
    router,
    sent,
    statuses: () => sent.map((batch) => batch.map((e) => (e.payload as { status: string; alerts: unknown[] }).status + ':' + (e.payload as { alerts: unknown[] }).alerts.length)),
    setText: (t: string) => (text = t),
    silence: (on: boolean) => (silenced = on),
    resolve: (id: number, at: number) => resolved.set(id, { state: 'resolved', resolvedAt: at }),
  };
}

beforeEach(() => {
  vi.useFakeTimers({ now: 1_000_000 });
});
afterEach(() => {
  vi.useRealTimers();
});

describe('AlertRouter', () => {
  it('notifies a new firing group after group_wait, and its resolution at the next group_interval', () => {
    const r = setup();
    r.router.update([firing(1, Date.now())]);
    vi.advanceTimersByTime(9_999);
    expect(r.sent).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(r.statuses()).toEqual([['firing:1']]);
    r.resolve(1, Date.now());
    r.router.update([]);
    vi.advanceTimersByTime(60_000);
    expect(r.statuses()).toEqual([['firing:1'], ['resolved:1']]);
    r.router.stop();
  });

  it('keeps its groups when the config text did not change, and starts over when it did', () => {
    const r = setup();
    r.router.update([firing(1, Date.now())]);
    vi.advanceTimersByTime(10_000);
    r.router.reload();
    vi.advanceTimersByTime(5 * 60_000);
    expect(r.sent).toHaveLength(1);
    r.setText(routing('20s'));
    r.router.reload();
    vi.advanceTimersByTime(20_000);
    expect(r.statuses()).toEqual([['firing:1'], ['firing:1']]);
    r.router.stop();
  });

  it('keeps the config in force when the new text has problems', () => {
    const r = setup();
    r.setText('route: {}');
    r.router.reload();
    expect(r.router.current()?.route.groupWaitMs).toBe(10_000);
    r.router.stop();
  });

  it('leaves silenced alerts out', () => {
    const r = setup();
    r.silence(true);
    r.router.update([firing(1, Date.now())]);
    vi.advanceTimersByTime(60_000);
    expect(r.sent).toEqual([]);
    r.router.stop();
  });
});
