/**
 * Schema history. Each entry runs once, in order, inside a transaction;
 * PRAGMA user_version records how far a data directory has come. Never edit a
 * shipped migration: add the next one.
 */
export const migrations: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE kv (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
      );
      -- Raw host samples, kept for a day.
      CREATE TABLE host_samples (
        ts INTEGER PRIMARY KEY,
        cpu_pct REAL NOT NULL,
        mem_used_pct REAL NOT NULL,
        swap_used_pct REAL NOT NULL,
        load1 REAL NOT NULL,
        disk_read_bps REAL,
        disk_write_bps REAL,
        net_rx_bps REAL,
        net_tx_bps REAL,
        detail TEXT NOT NULL
      );
      -- Five-minute averages of the raw samples, kept for a month.
      CREATE TABLE host_samples_5m (
        ts INTEGER PRIMARY KEY,
        cpu_pct REAL NOT NULL,
        mem_used_pct REAL NOT NULL,
        swap_used_pct REAL NOT NULL,
        load1 REAL NOT NULL,
        disk_read_bps REAL,
        disk_write_bps REAL,
        net_rx_bps REAL,
        net_tx_bps REAL,
        samples INTEGER NOT NULL
      );
    `,
  },
  {
    version: 2,
    sql: `
      -- Every change Opsdeck made to a cluster, or tried to: who, what, where, and how it ended.
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        ts INTEGER NOT NULL,
        actor TEXT NOT NULL,
        action TEXT NOT NULL,
        target TEXT NOT NULL,
        context TEXT NOT NULL,
        result TEXT NOT NULL CHECK (result IN ('ok', 'error')),
        message TEXT NOT NULL
      );
      CREATE INDEX audit_log_ts ON audit_log (ts DESC, id DESC);
    `,
  },
  {
    version: 3,
    sql: `
      -- Prometheus-compatible servers the user added. Passwords and tokens live in the OS keychain, never here.
      CREATE TABLE prometheus_sources (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        name TEXT NOT NULL UNIQUE,
        url TEXT NOT NULL,
        auth TEXT NOT NULL CHECK (auth IN ('none', 'basic', 'bearer')),
        username TEXT,
        created_at INTEGER NOT NULL
      );
    `,
  },
  {
    version: 4,
    sql: `
      -- Every alert an alerting rule raised: open ones (pending, firing) are restored at start, resolved ones are history.
      CREATE TABLE alert_instances (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        file TEXT NOT NULL,
        group_name TEXT NOT NULL,
        alertname TEXT NOT NULL,
        labels TEXT NOT NULL,
        annotations TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('pending', 'firing', 'resolved')),
        value REAL,
        active_at INTEGER NOT NULL,
        fired_at INTEGER,
        resolved_at INTEGER,
        keep_firing_since INTEGER,
        last_eval_at INTEGER NOT NULL,
        ack_by TEXT,
        ack_at INTEGER,
        ack_comment TEXT
      );
      CREATE INDEX alert_instances_open ON alert_instances (state) WHERE state != 'resolved';
      CREATE INDEX alert_instances_recent ON alert_instances (active_at DESC, id DESC);
      -- Alerts muted by label matchers for a while.
      CREATE TABLE silences (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        matchers TEXT NOT NULL,
        starts_at INTEGER NOT NULL,
        ends_at INTEGER NOT NULL,
        created_by TEXT NOT NULL,
        created_at INTEGER NOT NULL,
        comment TEXT NOT NULL
      );
    `,
  },
  {
    version: 5,
    sql: `
      -- One message per receiver integration, kept until sent (or given up): pending rows resume after a restart.
      -- Secrets stay in the keychain: the integration is found again by receiver and index in the routing config.
      CREATE TABLE notification_outbox (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        receiver TEXT NOT NULL,
        integration TEXT NOT NULL,
        integration_index INTEGER NOT NULL,
        group_key TEXT NOT NULL,
        payload TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed', 'dead')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at INTEGER NOT NULL,
        last_error TEXT,
        response TEXT,
        created_at INTEGER NOT NULL,
        sent_at INTEGER
      );
      CREATE INDEX notification_outbox_due ON notification_outbox (next_attempt_at) WHERE status IN ('pending', 'failed');
      CREATE INDEX notification_outbox_recent ON notification_outbox (created_at DESC, id DESC);
      -- A notification group's alerts over time: one incident while they fire, and again when they refire within the window.
      CREATE TABLE incidents (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        group_key TEXT NOT NULL,
        title TEXT NOT NULL,
        group_labels TEXT NOT NULL,
        fingerprints TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('open', 'resolved')),
        opened_at INTEGER NOT NULL,
        resolved_at INTEGER
      );
      CREATE INDEX incidents_group ON incidents (group_key, id DESC);
      CREATE TABLE incident_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        incident_id INTEGER NOT NULL REFERENCES incidents (id),
        at INTEGER NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('opened', 'alert_added', 'acknowledged', 'resolved', 'notified')),
        detail TEXT NOT NULL
      );
      CREATE INDEX incident_events_incident ON incident_events (incident_id, at, id);
    `,
  },
];
