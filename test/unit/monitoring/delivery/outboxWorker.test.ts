import { describe, expect, it } from 'vitest';
import type { NotificationDelivery } from '../../../../src/contract';
import { OutboxStore } from '../../../../src/monitoring/delivery/outboxStore';
import { OutboxWorker, retryDelay } from '../../../../src/monitoring/delivery/outboxWorker';
import { parseRoutingConfig } from '../../../../src/monitoring/routing/routingConfig';
import { KeychainSecretStore } from '../../../../src/secrets/secretStore';
import { openDatabase } from '../../../../src/store/database';
import { eventually } from '../../../helpers/eventually';
import { tempDir } from '../../../helpers/tempDir';
import { freePort } from '../../../prometheus';

const noKeychain = new KeychainSecretStore('opsdeck-test', async () => {
  throw new Error('no keychain here');
});

const config = (url: string) =>
  parseRoutingConfig(['route: { receiver: desktop }', 'receivers:', '  - name: desktop', '  - name: hook', '    webhook_configs:', `      - url: ${url}`].join('\n')).config!;

function setup(url: string, maxAttempts = 12) {
  const outbox = new OutboxStore(openDatabase(tempDir()));
  /** Each change with its retry delay from the time it was made. */
  const changes: (NotificationDelivery & { delay: number })[] = [];
  let now = 1_000_000;
  const worker = new OutboxWorker({
    outbox,
    config: () => config(url),
    secrets: noKeychain,
    onChange: (d) => {
      changes.push({ ...d, delay: d.nextAttemptAt - now });
      // The fake clock moves past any retry delay, so the worker's timer finds the row due.
      now += 1000;
    },
    log: () => undefined,
    now: () => now,
    backoff: { initialMs: 40, maxMs: 80, random: () => 1 },
    maxAttempts,
  });
  return { outbox, changes, worker, now: () => now };
}

const entry = (receiver: string, integration: 'desktop' | 'webhook') => ({ receiver, integration, index: 0, groupKey: 'k', payload: { n: 1 } });

describe('retry delays', () => {
  it('double per failure up to the cap, drawn from the upper half by the jitter', () => {
    const top = { initialMs: 1000, maxMs: 10_000, random: () => 1 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(n, top))).toEqual([1000, 2000, 4000, 8000, 10_000, 10_000]);
    expect([1, 2, 5].map((n) => retryDelay(n, { ...top, random: () => 0 }))).toEqual([500, 1000, 5000]);
  });
});

describe('OutboxWorker', () => {
  it('marks a desktop delivery sent at once', async () => {
    const { outbox, changes, worker, now } = setup('http://127.0.0.1:1/');
    const [row] = outbox.enqueue([entry('desktop', 'desktop')], now());
    worker.kick();
    await eventually(() => expect(outbox.get(row!.id)).toMatchObject({ status: 'sent', attempts: 1, sentAt: 1_000_000 }));
    expect(changes.map((c) => c.status)).toEqual(['sent']);
    await worker.stop();
  });

  it('gives up at once on a receiver the config no longer has', async () => {
    const { outbox, worker, now } = setup('http://127.0.0.1:1/');
    const [row] = outbox.enqueue([entry('gone', 'webhook')], now());
    worker.kick();
    await eventually(() => expect(outbox.get(row!.id)).toMatchObject({ status: 'dead', attempts: 1, lastError: 'receiver "gone" has no webhook integration #1 any more' }));
    await worker.stop();
  });

  it('retries a refused connection after the backoff delay, then gives up at maxAttempts', async () => {
    const { outbox, changes, worker, now } = setup(`http://127.0.0.1:${await freePort()}/`, 3);
    const [row] = outbox.enqueue([entry('hook', 'webhook')], now());
    worker.kick();
    await eventually(() => expect(outbox.get(row!.id)?.status).toBe('dead'));
    expect(changes.map((c) => [c.status, c.attempts, c.delay])).toEqual([
      ['failed', 1, 40],
      ['failed', 2, 80],
      ['dead', 3, 0],
    ]);
    expect(outbox.get(row!.id)!.lastError).toMatch(/ECONNREFUSED/);
    expect(outbox.nextDueAt()).toBeNull();
    await worker.stop();
  });

  it('never sends a row again once it is sent', async () => {
    const { outbox, now } = setup('http://127.0.0.1:1/');
    const [row] = outbox.enqueue([entry('desktop', 'desktop')], now());
    expect(outbox.markSent(row!.id, now(), 'ok')).not.toBeNull();
    expect(outbox.markSent(row!.id, now(), 'again')).toBeNull();
    expect(outbox.markFailed(row!.id, 'late failure', now(), now())).toBeNull();
    expect(outbox.due(now() + 1_000_000)).toEqual([]);
  });
});
