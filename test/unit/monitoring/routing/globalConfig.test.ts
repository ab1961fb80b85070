import { describe, expect, it } from 'vitest';
import { parseRoutingConfig } from '../../../../src/monitoring/routing/routingConfig';

const config = (global: string[], receivers: string[]) =>
  parseRoutingConfig(['global:', ...global.map((l) => `  ${l}`), 'route: { receiver: r }', 'receivers:', '  - name: r', ...receivers.map((l) => `    ${l}`), ''].join('\n'));
const entries = (parsed: ReturnType<typeof config>, kind: string) => parsed.config!.receivers[0]!.integrations[kind];

describe('the routing config global section', () => {
  it('gives email receivers the SMTP settings they do not set, the password as a keychain reference', () => {
    const parsed = config(
      ['smtp_from: opsdeck@example.test', "smtp_smarthost: 'mail.example.test:587'", 'smtp_auth_username: ops', 'smtp_auth_password: keychain:smtp', 'smtp_require_tls: false', 'smtp_hello: opsdeck.example.test'],
      ['email_configs:', '  - to: oncall@example.test', '  - to: boss@example.test', '    from: alerts@example.test', '    auth_password_file: /etc/opsdeck/smtp'],
    );
    expect(parsed.problems).toEqual([]);
    expect(entries(parsed, 'email_configs')).toEqual([
      { to: 'oncall@example.test', from: 'opsdeck@example.test', smarthost: 'mail.example.test:587', hello: 'opsdeck.example.test', auth_username: 'ops', auth_password: 'keychain:smtp', require_tls: false },
      { to: 'boss@example.test', from: 'alerts@example.test', smarthost: 'mail.example.test:587', hello: 'opsdeck.example.test', auth_username: 'ops', auth_password_file: '/etc/opsdeck/smtp', require_tls: false },
    ]);
  });

  it('gives Slack its API URL, PagerDuty its URL and every HTTP integration the http_config they do not set', () => {
    const parsed = config(
      ['slack_api_url: keychain:slack', 'pagerduty_url: http://127.0.0.1:9/pd', 'http_config:', '  basic_auth: { username: ops, password: keychain:hook }'],
      ['slack_configs: [{ channel: "#ops" }, { api_url: "http://127.0.0.1:9/own", http_config: { authorization: { credentials: t } } }]', 'pagerduty_configs: [{ routing_key: k }]', 'webhook_configs: [{ url: "http://127.0.0.1:9/hook" }]'],
    );
    expect(parsed.problems).toEqual([]);
    const basic = { basic_auth: { username: 'ops', password: 'keychain:hook' } };
    expect(entries(parsed, 'slack_configs')).toEqual([
      { channel: '#ops', api_url: 'keychain:slack', http_config: basic },
      { api_url: 'http://127.0.0.1:9/own', http_config: { authorization: { credentials: 't' } } },
    ]);
    expect(entries(parsed, 'pagerduty_configs')).toEqual([{ routing_key: 'k', url: 'http://127.0.0.1:9/pd', http_config: basic }]);
    expect(entries(parsed, 'webhook_configs')).toEqual([{ url: 'http://127.0.0.1:9/hook', http_config: basic }]);
    // Without a global section, PagerDuty's Events API v2 and STARTTLS are the defaults, as in Alertmanager.
    const bare = config([], ['pagerduty_configs: [{ routing_key: k }]', 'email_configs: [{ to: a@b, from: c@d, smarthost: "h:25" }]']);
    expect(entries(bare, 'pagerduty_configs')).toEqual([{ routing_key: 'k', url: 'https://events.pagerduty.com/v2/enqueue' }]);
    expect(entries(bare, 'email_configs')).toEqual([{ to: 'a@b', from: 'c@d', smarthost: 'h:25', require_tls: true }]);
  });

  it('reports what Alertmanager refuses, in its words, with the line', () => {
    const problems = (global: string[], receivers: string[] = []) => config(global, receivers).problems.map((p) => `${p.line}: ${p.message}`);
    expect(problems([], ['email_configs: [{ to: a@b }]'])).toEqual(['5: no global SMTP smarthost set']);
    expect(problems(["smtp_smarthost: 'h:25'"], ['email_configs: [{ to: a@b }]'])).toEqual(['6: no global SMTP from set']);
    expect(problems([], ['slack_configs: [{ channel: x }]'])).toEqual(['5: no global Slack API URL set either inline or in a file']);
    expect(problems(['smtp_auth_password: p', 'smtp_auth_password_file: /f'])).toEqual(['3: at most one of smtp_auth_password & smtp_auth_password_file must be configured']);
    expect(problems(['slack_api_url: http://x/y', 'slack_api_url_file: /f'])).toEqual(['3: at most one of slack_api_url & slack_api_url_file must be configured']);
    expect(problems(['resolve_timeout: soon'])).toEqual(['2: not a valid duration string: "soon"']);
    expect(problems(['smtp_smarthost: nohost'])).toEqual(['2: address nohost: missing port in address']);
    expect(problems(["slack_api_url: 'not a url'"])).toEqual(['2: unsupported scheme "" for URL']);
    expect(problems(['pagerduty_url: ftp://x/'])).toEqual(['2: unsupported scheme "ftp" for URL']);
    expect(problems(['smtp_require_tls: maybe'])).toEqual(['2: smtp_require_tls must be true or false']);
    expect(problems(['http_config: { basic_auth: { username: u }, authorization: { credentials: c } }'])).toEqual(['2: at most one of basic_auth, oauth2 & authorization must be configured']);
    expect(problems(['http_config: { proxy_url: "http://p" }'])).toEqual(['2: http_config.proxy_url is not supported: Opsdeck sends with basic_auth or authorization']);
    expect(problems(['opsgenie_api_key: k'])).toEqual(['2: field opsgenie_api_key not found in global']);
  });
});
