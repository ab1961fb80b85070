import { isMap, isScalar, type Node, type Pair, type YAMLMap } from 'yaml';
import { parseDuration } from '../rules/duration';
import { ConfigProblem, isNull, type NodeReader, scalarText } from './yamlNodes';

/** Alertmanager's default PagerDuty Events API v2 endpoint. */
export const PAGERDUTY_EVENTS_URL = 'https://events.pagerduty.com/v2/enqueue';

/** The `global` settings receivers inherit, as the integrations' own fields name them. */
export interface GlobalConfig {
  email: Record<string, unknown>;
  slack: Record<string, unknown>;
  pagerduty: Record<string, unknown>;
  /** The http_config every HTTP integration without its own gets. */
  httpConfig: Record<string, unknown> | null;
}

/** Secret values may name a keychain entry (`keychain:<name>`) instead of holding the secret. */
const KEYCHAIN = 'keychain:';

const GLOBAL_FIELDS = [
  ...['resolve_timeout', 'http_config', 'smtp_from', 'smtp_hello', 'smtp_smarthost', 'smtp_auth_username', 'smtp_auth_password'],
  ...['smtp_auth_password_file', 'smtp_auth_identity', 'smtp_auth_secret', 'smtp_require_tls', 'slack_api_url', 'slack_api_url_file', 'pagerduty_url'],
];
/** The global SMTP settings and the email_configs fields they fill. */
const SMTP_FIELDS: [string, string][] = [
  ['smtp_from', 'from'],
  ['smtp_hello', 'hello'],
  ['smtp_smarthost', 'smarthost'],
  ['smtp_auth_username', 'auth_username'],
  ['smtp_auth_identity', 'auth_identity'],
  ['smtp_auth_secret', 'auth_secret'],
];
const HTTP_AUTHS = ['basic_auth', 'authorization', 'oauth2'];
const HTTP_FIELDS = ['basic_auth', 'authorization'];

/** An absolute http(s) URL, or a keychain reference to one. */
function checkUrl(value: string, node: Node | null | undefined): void {
  if (value.startsWith(KEYCHAIN)) return;
  let url: URL | null = null;
  try {
    url = new URL(value);
  } catch {
    // Reported below in Alertmanager's words.
  }
  const scheme = url ? url.protocol.slice(0, -1) : '';
  if (scheme !== 'http' && scheme !== 'https') throw new ConfigProblem(`unsupported scheme "${scheme}" for URL`, node);
  if (!url!.hostname) throw new ConfigProblem('host is missing in URL', node);
}

/** host:port, as Alertmanager's smarthost is given. */
function checkHostPort(value: string, node: Node | null | undefined): void {
  if (!/^(?:\[[^\]]+\]|[^:\s]+):\d+$/.test(value)) throw new ConfigProblem(`address ${value}: missing port in address`, node);
}

function readHttpConfig(reader: NodeReader, node: Node | null | undefined): Record<string, unknown> {
  const hints = Object.fromEntries(
    ['oauth2', 'bearer_token', 'bearer_token_file', 'tls_config', 'proxy_url', 'follow_redirects', 'enable_http2'].map((k) => [k, `http_config.${k} is not supported: Opsdeck sends with basic_auth or authorization`]),
  );
  if (isMap(node)) {
    const auths = ((node as YAMLMap).items as Pair<Node, Node | null>[]).filter((p) => isScalar(p.key) && HTTP_AUTHS.includes(String(p.key.value)));
    if (auths.length > 1) throw new ConfigProblem('at most one of basic_auth, oauth2 & authorization must be configured', auths[1]!.key);
  }
  const fields = reader.fields(node, 'http_config', HTTP_FIELDS, hints);
  const basic = fields.get('basic_auth');
  if (basic) reader.fields(basic.value, 'basic_auth', ['username', 'password']);
  const authorization = fields.get('authorization');
  if (authorization) reader.fields(authorization.value, 'authorization', ['type', 'credentials']);
  return (node as YAMLMap).toJSON() as Record<string, unknown>;
}

/**
 * Alertmanager's `global` section: SMTP, Slack, PagerDuty and HTTP defaults for the receivers, each checked
 * as Alertmanager checks it. Secrets (smtp_auth_password, slack_api_url, http_config credentials) may be
 * `keychain:<name>` references, as in the receivers. resolve_timeout is checked and has nothing to apply to:
 * Opsdeck's alerts always carry when they resolved.
 */
export function readGlobal(reader: NodeReader, node: Node | null | undefined): GlobalConfig {
  const global: GlobalConfig = { email: { require_tls: true }, slack: {}, pagerduty: { url: PAGERDUTY_EVENTS_URL }, httpConfig: null };
  if (isNull(node)) return global;
  const fields = reader.attempt(() => reader.fields(node, 'global', GLOBAL_FIELDS), null);
  if (!fields) return global;
  const text = (key: string) => {
    const field = fields.get(key);
    return field && !isNull(field.value) ? { value: scalarText(field.value, key), node: field.value } : null;
  };
  const read = (check: () => void) => reader.attempt(check, undefined);
  read(() => {
    const timeout = text('resolve_timeout');
    if (timeout && parseDuration(timeout.value) === null) throw new ConfigProblem(`not a valid duration string: "${timeout.value}"`, timeout.node);
  });
  read(() => {
    for (const [key, field] of SMTP_FIELDS) {
      const value = text(key);
      if (!value) continue;
      if (key === 'smtp_smarthost') checkHostPort(value.value, value.node);
      global.email[field] = value.value;
    }
  });
  read(() => {
    const password = text('smtp_auth_password');
    const file = text('smtp_auth_password_file');
    if (password && file) throw new ConfigProblem('at most one of smtp_auth_password & smtp_auth_password_file must be configured', file.node);
    if (password) global.email.auth_password = password.value;
    if (file) global.email.auth_password_file = file.value;
  });
  read(() => {
    const field = fields.get('smtp_require_tls');
    if (!field || isNull(field.value)) return;
    const value = (field.value as { value?: unknown }).value;
    if (typeof value !== 'boolean') throw new ConfigProblem('smtp_require_tls must be true or false', field.value);
    global.email.require_tls = value;
  });
  read(() => {
    const url = text('slack_api_url');
    const file = text('slack_api_url_file');
    if (url && file) throw new ConfigProblem('at most one of slack_api_url & slack_api_url_file must be configured', file.node);
    if (url) checkUrl(url.value, url.node);
    if (url) global.slack.api_url = url.value;
    if (file) global.slack.api_url_file = file.value;
  });
  read(() => {
    const url = text('pagerduty_url');
    if (!url) return;
    checkUrl(url.value, url.node);
    global.pagerduty.url = url.value;
  });
  read(() => {
    const http = fields.get('http_config');
    if (http && !isNull(http.value)) global.httpConfig = readHttpConfig(reader, http.value);
  });
  return global;
}

const isSet = (entry: Record<string, unknown>, key: string) => entry[key] !== undefined && entry[key] !== null && entry[key] !== '';

/**
 * An integration entry with the global defaults it does not set itself, as Alertmanager fills them in;
 * what neither gives is reported in Alertmanager's words at the entry.
 */
export function withGlobal(kind: string, entry: Record<string, unknown>, global: GlobalConfig, node: Node): Record<string, unknown> {
  const out = { ...entry };
  const inherit = (from: Record<string, unknown>, keys: string[]) => {
    for (const key of keys) if (!isSet(out, key) && from[key] !== undefined) out[key] = from[key];
  };
  if (kind !== 'email_configs' && !isSet(out, 'http_config') && global.httpConfig) out.http_config = global.httpConfig;
  switch (kind) {
    case 'email_configs': {
      if (!isSet(out, 'smarthost') && global.email.smarthost === undefined) throw new ConfigProblem('no global SMTP smarthost set', node);
      if (!isSet(out, 'from') && global.email.from === undefined) throw new ConfigProblem('no global SMTP from set', node);
      inherit(global.email, ['smarthost', 'from', 'hello', 'auth_username', 'auth_identity', 'auth_secret', 'require_tls']);
      if (!isSet(out, 'auth_password') && !isSet(out, 'auth_password_file')) inherit(global.email, ['auth_password', 'auth_password_file']);
      break;
    }
    case 'slack_configs':
      if (!isSet(out, 'api_url') && !isSet(out, 'api_url_file')) {
        if (global.slack.api_url === undefined && global.slack.api_url_file === undefined) throw new ConfigProblem('no global Slack API URL set either inline or in a file', node);
        inherit(global.slack, ['api_url', 'api_url_file']);
      }
      break;
    case 'pagerduty_configs':
      inherit(global.pagerduty, ['url']);
      break;
  }
  return out;
}
