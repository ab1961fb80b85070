import { isMap, type Node } from 'yaml';
import { withGlobal, type GlobalConfig } from './globalConfig';
import { ConfigProblem, listItems, type NodeReader, scalarText } from './yamlNodes';

const COMMON = ['send_resolved', 'http_config'];

/** Alertmanager's fields of each supported integration; delivery reads them, here only their shape is checked. */
export const INTEGRATION_FIELDS: Record<string, readonly string[]> = {
  webhook_configs: [...COMMON, 'url', 'url_file', 'max_alerts'],
  slack_configs: [
    ...COMMON,
    ...['api_url', 'api_url_file', 'channel', 'username', 'color', 'title', 'title_link', 'pretext', 'text', 'fields', 'short_fields'],
    ...['footer', 'fallback', 'callback_id', 'icon_emoji', 'icon_url', 'image_url', 'thumb_url', 'link_names', 'mrkdwn_in', 'actions'],
  ],
  pagerduty_configs: [
    ...COMMON,
    ...['service_key', 'service_key_file', 'routing_key', 'routing_key_file', 'url', 'client', 'client_url', 'description'],
    ...['details', 'images', 'links', 'source', 'severity', 'class', 'component', 'group'],
  ],
  email_configs: [
    ...COMMON.slice(0, 1),
    ...['to', 'from', 'hello', 'smarthost', 'auth_username', 'auth_password', 'auth_password_file', 'auth_secret', 'auth_identity'],
    ...['headers', 'html', 'text', 'require_tls', 'tls_config'],
  ],
};

export interface Receiver {
  name: string;
  line: number;
  /** Each integration kind's entries, as plain data. */
  integrations: Record<string, Record<string, unknown>[]>;
}

/** The receivers list: names unique, integrations of the supported kinds with known fields only, and the global defaults they do not set. */
export function parseReceivers(reader: NodeReader, node: Node | null | undefined, global: GlobalConfig): Receiver[] {
  const receivers: Receiver[] = [];
  const seen = new Set<string>();
  for (const item of reader.attempt(() => listItems(node, 'receivers'), [])) {
    reader.attempt(() => {
      if (!isMap(item)) throw new ConfigProblem('receiver must be a mapping', item);
      const nameNode = item.get('name', true) as Node | undefined;
      if (!nameNode) throw new ConfigProblem('missing name in receiver', item);
      const name = scalarText(nameNode, 'receiver name');
      if (!name) throw new ConfigProblem('missing name in receiver', nameNode);
      if (seen.has(name)) throw new ConfigProblem(`notification config name "${name}" is not unique`, nameNode);
      seen.add(name);
      // Known by name from here on, so routes naming it are not also reported.
      const receiver: Receiver = { name, line: reader.at(item).line, integrations: {} };
      receivers.push(receiver);
      const fields = reader.fields(item, 'receiver', ['name', ...Object.keys(INTEGRATION_FIELDS)]);
      for (const [kind, allowed] of Object.entries(INTEGRATION_FIELDS)) {
        const list = fields.get(kind);
        if (!list) continue;
        receiver.integrations[kind] = listItems(list.value, kind).map((entry) => {
          reader.fields(entry, `${kind} entry`, allowed);
          return withGlobal(kind, entry.toJSON() as Record<string, unknown>, global, entry);
        });
      }
    }, undefined);
  }
  return receivers;
}
