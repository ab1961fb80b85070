import type { NotificationDelivery } from '../../contract';
import type { SecretStore } from '../../secrets/secretStore';
import type { Db } from '../../store/database';
import type { BackoffOptions } from '../../util/backoff';
import { parseRoutingConfig } from '../routing/routingConfig';
import type { AlertStore } from '../rules/alertStore';
import type { SilenceStore } from '../rules/silenceStore';
import { AlertRouter } from './alertRouter';
import { EscalationStore } from './escalationStore';
import { IncidentStore } from './incidentStore';
import { NOTIFICATION_LOG_RETENTION_MS, NotificationLogStore } from './notificationLogStore';
import { OutboxStore } from './outboxStore';
import { OutboxWorker } from './outboxWorker';
import type { StormOptions } from './stormGuard';
import { StormStore } from './stormStore';

export interface DeliveryOptions {
  db: Db;
  secrets: SecretStore;
  /** The routing config's text in force. */
  routingText: () => string;
  alerts: AlertStore;
  silences: SilenceStore;
  onChange: (delivery: NotificationDelivery) => void;
  log: (message: string) => void;
  externalURL?: string;
  retryBackoff?: BackoffOptions;
  storm?: StormOptions;
}

/** Alerts to notifications: the router decides what to send, the outbox keeps it, the worker sends it; incidents record it all. */
export class NotificationDeliveryService {
  readonly outbox: OutboxStore;
  readonly incidents: IncidentStore;
  private readonly router: AlertRouter;
  private readonly worker: OutboxWorker;

  constructor(options: DeliveryOptions) {
    this.outbox = new OutboxStore(options.db);
    this.incidents = new IncidentStore(options.db);
    const notifications = new NotificationLogStore(options.db);
    notifications.prune(Date.now() - NOTIFICATION_LOG_RETENTION_MS);
    this.router = new AlertRouter({
      routing: () => {
        const text = options.routingText();
        return { text, config: parseRoutingConfig(text).config };
      },
      isSilenced: (labels) => options.silences.silencing(labels).length > 0,
      lookup: (id) => options.alerts.get(id),
      onGroup: (message, now) => this.incidents.notified(message, now),
      onAcknowledged: (labels, ack) => this.incidents.acknowledged(labels, ack.by, ack.at),
      onEntries: (entries) => {
        for (const delivery of this.outbox.enqueue(entries, Date.now())) options.onChange(delivery);
        this.worker.kick();
      },
      externalURL: options.externalURL ?? '',
      log: options.log,
      storm: options.storm,
      state: { notifications, escalations: new EscalationStore(options.db), storm: new StormStore(options.db) },
    });
    this.worker = new OutboxWorker({
      outbox: this.outbox,
      config: () => this.router.current(),
      secrets: options.secrets,
      onChange: (delivery) => {
        if (delivery.status === 'sent') this.incidents.delivered(delivery.groupKey, `${delivery.receiver} (${delivery.integration})`, delivery.sentAt!);
        options.onChange(delivery);
      },
      backoff: options.retryBackoff,
      log: options.log,
    });
  }

  /** Reads the routing config and resumes the deliveries a previous run left open. */
  start(): void {
    this.router.reload();
    this.worker.kick();
  }

  /** The routing config was saved: a new one takes over, deliveries waiting for it are tried. */
  routingChanged(): void {
    this.router.reload();
    this.worker.kick();
  }

  /** A notification secret was stored: deliveries waiting for it are tried. */
  secretsChanged(): void {
    this.worker.kick();
  }

  alertsChanged(open: Parameters<AlertRouter['update']>[0]): void {
    this.router.update(open);
  }

  async stop(): Promise<void> {
    this.router.stop();
    await this.worker.stop();
  }
}
