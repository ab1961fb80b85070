import type { notificationsChannels } from '../../contract/channels/notifications';
import type { NotificationDeliveryService } from '../../monitoring/delivery/notificationDelivery';
import { secretAccount } from '../../monitoring/delivery/secretRef';
import type { SecretStore } from '../../secrets/secretStore';
import type { HandlersFor } from '../dispatch';

/** The notification channels: deliveries, incidents and the named secrets integrations refer to. */
export function notificationsHandlers(delivery: NotificationDeliveryService, secrets: SecretStore): HandlersFor<keyof typeof notificationsChannels> {
  return {
    'notifications.list': (query) => delivery.outbox.list(query),
    'incidents.list': (query) => delivery.incidents.list(query),
    'incidents.get': ({ id }) => delivery.incidents.get(id),
    'secrets.set': async ({ name, value }) => {
      await secrets.set(secretAccount(name), value);
      delivery.secretsChanged();
      return { name };
    },
    'secrets.delete': async ({ name }) => ({ name, deleted: await secrets.delete(secretAccount(name)) }),
  };
}
