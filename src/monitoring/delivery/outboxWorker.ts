import type { NotificationDelivery } from '../../contract';
import type { SecretStore } from '../../secrets/secretStore';
import { Backoff, type BackoffOptions } from '../../util/backoff';
import type { RoutingConfig } from '../routing/routingConfig';
import { DeliveryError } from './deliveryError';
import { sendDelivery } from './integrationSender';
import type { DueDelivery, OutboxStore } from './outboxStore';

export interface OutboxWorkerOptions {
  outbox: OutboxStore;
  /** The routing config in force, where integrations and their secret names are read; null while none is usable. */
  config: () => RoutingConfig | null;
  secrets: SecretStore;
  onChange: (delivery: NotificationDelivery) => void;
  log: (message: string) => void;
  now?: () => number;
  /** Retry delays; by default 1 s doubling to 10 min. */
  backoff?: BackoffOptions;
  /** Attempts before a delivery is given up. */
  maxAttempts?: number;
}

export const DEFAULT_RETRY_BACKOFF: BackoffOptions = { initialMs: 1000, maxMs: 10 * 60_000 };
const DEFAULT_MAX_ATTEMPTS = 12;

/** The delay after the given number of failed attempts: the backoff's delay for that failure. */
export function retryDelay(failures: number, options: BackoffOptions): number {
  const backoff = new Backoff(options);
  let delay = 0;
  for (let i = 0; i < failures; i++) delay = backoff.next();
  return delay;
}

/**
 * Sends the outbox's due rows one at a time and sleeps until the next is due. A row is marked sent
 * with its answer in one statement, and only while still open, so a sent row is never sent again;
 * a failed one is retried with capped exponential backoff and jitter until maxAttempts.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private readonly now: () => number;

  constructor(private readonly options: OutboxWorkerOptions) {
    this.now = options.now ?? Date.now;
  }

  /** Looks at the outbox now: new rows were queued, or a config or secret they wait for may be there. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.running = this.drain()
      .catch((err: unknown) => this.options.log(`notifications: delivering failed: ${(err as Error).message}`))
      .finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.arm();
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  private arm(): void {
    if (this.stopped) return;
    const at = this.options.outbox.nextDueAt();
    if (at === null) return;
    this.timer = setTimeout(() => this.kick(), Math.max(0, at - this.now()));
  }

  private async drain(): Promise<void> {
    for (const due of this.options.outbox.due(this.now())) {
      if (this.stopped) return;
      const changed = await this.deliver(due);
      if (changed) this.options.onChange(changed);
    }
  }

  private async deliver(d: DueDelivery): Promise<NotificationDelivery | null> {
    const { outbox } = this.options;
    try {
      const config = this.options.config();
      if (!config) throw new DeliveryError('the routing config has problems: fix it to deliver', true);
      const response = await sendDelivery(d, config, this.options.secrets);
      return outbox.markSent(d.id, this.now(), response);
    } catch (err) {
      const error = err instanceof DeliveryError ? err : new DeliveryError((err as Error).message, true);
      const failures = d.attempts + 1;
      const giveUp = !error.retryable || failures >= (this.options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS);
      const next = giveUp ? null : this.now() + retryDelay(failures, this.options.backoff ?? DEFAULT_RETRY_BACKOFF);
      return outbox.markFailed(d.id, error.message, next, this.now());
    }
  }
}
