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
  {
    version: 6,
    sql: `
      -- What each route's group last told its receiver (Alertmanager's notification log): alert fingerprints
      -- firing and resolved then, and when. A restart keeps group_interval and repeat_interval.
      CREATE TABLE notification_log (
        route TEXT NOT NULL,
        group_key TEXT NOT NULL,
        receiver TEXT NOT NULL,
        firing TEXT NOT NULL,
        resolved TEXT NOT NULL,
        sent_at INTEGER NOT NULL,
        PRIMARY KEY (route, group_key, receiver)
      );
      -- Firing groups being escalated, under the routing config (its hash) that escalates them.
      CREATE TABLE notification_escalations (
        group_id TEXT PRIMARY KEY,
        config_hash TEXT NOT NULL,
        steps TEXT NOT NULL,
        since INTEGER NOT NULL,
        level INTEGER NOT NULL,
        message TEXT NOT NULL
      );
      -- The alert storm guard in one row: the last minute's alert starts, and the storm going on, if any.
      CREATE TABLE notification_storm (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        starts TEXT NOT NULL,
        storm TEXT
      );
    `,
  },
  {
    version: 7,
    sql: `
      -- FOCUS billing files read into the billing database (rows live there, in DuckDB, tagged with this id).
      CREATE TABLE cost_imports (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        path TEXT NOT NULL,
        format TEXT NOT NULL CHECK (format IN ('csv', 'csv.gz', 'parquet')),
        sha256 TEXT NOT NULL,
        bytes INTEGER NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('running', 'ok', 'failed')),
        rows INTEGER NOT NULL DEFAULT 0,
        first_day TEXT,
        last_day TEXT,
        origin TEXT NOT NULL CHECK (origin IN ('manual', 'watch')),
        started_at INTEGER NOT NULL,
        duration_ms INTEGER,
        error TEXT,
        problems TEXT NOT NULL DEFAULT '[]'
      );
      CREATE INDEX cost_imports_sha ON cost_imports (sha256, status);
      CREATE INDEX cost_imports_path ON cost_imports (path, status);
      CREATE TABLE cost_budgets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        amount REAL NOT NULL,
        period TEXT NOT NULL CHECK (period IN ('monthly', 'quarterly', 'yearly')),
        scope TEXT NOT NULL,
        actual_thresholds TEXT NOT NULL,
        forecast_thresholds TEXT NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- Each budget threshold that fired, once per period; resolved when the period is over or the budget goes.
      CREATE TABLE cost_budget_alerts (
        budget_id TEXT NOT NULL,
        period_key TEXT NOT NULL,
        kind TEXT NOT NULL CHECK (kind IN ('actual', 'forecast')),
        threshold REAL NOT NULL,
        fired_at INTEGER NOT NULL,
        resolved_at INTEGER,
        PRIMARY KEY (budget_id, period_key, kind, threshold)
      );
    `,
  },
  {
    version: 8,
    sql: `
      -- Kubernetes cost allocation: each sample adds its share of the hour to the hour's row.
      -- Amounts are resource-hours (cores, GiB, GPUs); requests, allocation max(request, usage) and usage apart.
      CREATE TABLE cost_pod_hours (
        context TEXT NOT NULL,
        hour INTEGER NOT NULL,
        namespace TEXT NOT NULL,
        pod TEXT NOT NULL,
        node TEXT NOT NULL,
        workload TEXT NOT NULL,
        labels TEXT NOT NULL,
        sampled_ms INTEGER NOT NULL,
        cpu_request REAL NOT NULL,
        ram_request REAL NOT NULL,
        gpu_request REAL NOT NULL,
        cpu_alloc REAL NOT NULL,
        ram_alloc REAL NOT NULL,
        used_ms INTEGER NOT NULL,
        cpu_usage REAL NOT NULL,
        ram_usage REAL NOT NULL,
        PRIMARY KEY (context, hour, namespace, pod)
      ) WITHOUT ROWID;
      CREATE INDEX cost_pod_hours_hour ON cost_pod_hours (hour);
      CREATE TABLE cost_node_hours (
        context TEXT NOT NULL,
        hour INTEGER NOT NULL,
        node TEXT NOT NULL,
        instance_type TEXT,
        sampled_ms INTEGER NOT NULL,
        cpu REAL NOT NULL,
        ram REAL NOT NULL,
        gpu REAL NOT NULL,
        PRIMARY KEY (context, hour, node)
      ) WITHOUT ROWID;
      CREATE INDEX cost_node_hours_hour ON cost_node_hours (hour);
      CREATE TABLE cost_claim_hours (
        context TEXT NOT NULL,
        hour INTEGER NOT NULL,
        namespace TEXT NOT NULL,
        claim TEXT NOT NULL,
        labels TEXT NOT NULL,
        sampled_ms INTEGER NOT NULL,
        storage REAL NOT NULL,
        PRIMARY KEY (context, hour, namespace, claim)
      ) WITHOUT ROWID;
      CREATE INDEX cost_claim_hours_hour ON cost_claim_hours (hour);
    `,
  },
  {
    version: 9,
    sql: `
      -- What Opsdeck backs up. spec is JSON (RecoveryTargetSpec); a PostgreSQL password lives in the keychain.
      CREATE TABLE recovery_targets (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        spec TEXT NOT NULL,
        has_password INTEGER NOT NULL DEFAULT 0,
        rpo_ms INTEGER NOT NULL,
        schedule TEXT,
        retention TEXT,
        last_good_at INTEGER,
        last_error TEXT,
        created_at INTEGER NOT NULL
      );
      -- Ordered steps (JSON: PlanStep[]) and the time the plan must restore within.
      CREATE TABLE recovery_plans (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        steps TEXT NOT NULL,
        rto_ms INTEGER NOT NULL,
        created_at INTEGER NOT NULL
      );
      -- Every long operation once it ended; running ones live in memory.
      CREATE TABLE recovery_jobs (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        subject TEXT NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('succeeded', 'failed', 'cancelled')),
        started_at INTEGER NOT NULL,
        finished_at INTEGER NOT NULL,
        progress TEXT,
        steps TEXT,
        message TEXT
      );
      CREATE INDEX recovery_jobs_recent ON recovery_jobs (started_at DESC);
      -- Each drill: how long the plan took against scratch targets, and whether that met its RTO.
      CREATE TABLE recovery_drills (
        id TEXT PRIMARY KEY,
        plan_id TEXT NOT NULL,
        plan_name TEXT NOT NULL,
        started_at INTEGER NOT NULL,
        duration_ms INTEGER NOT NULL,
        succeeded INTEGER NOT NULL,
        rto_ms INTEGER NOT NULL,
        steps TEXT NOT NULL,
        message TEXT
      );
      CREATE INDEX recovery_drills_plan ON recovery_drills (plan_id, started_at DESC);
    `,
  },
  {
    version: 11,
    sql: `
      -- Folders of the user's own runbooks (Markdown files), read and watched besides the built-in library.
      CREATE TABLE runbook_folders (
        path TEXT PRIMARY KEY,
        added_at INTEGER NOT NULL
      );
      -- Guided runs of a runbook. alert_labels fill the actions' {{ labels.x }} placeholders.
      CREATE TABLE runbook_runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        runbook_id TEXT NOT NULL,
        runbook_title TEXT NOT NULL,
        status TEXT NOT NULL CHECK (status IN ('active', 'paused', 'completed', 'abandoned')),
        started_at INTEGER NOT NULL,
        started_by TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        ended_at INTEGER,
        alert_id INTEGER,
        incident_id INTEGER,
        alert_labels TEXT NOT NULL
      );
      CREATE INDEX runbook_runs_recent ON runbook_runs (updated_at DESC, id DESC);
      -- Each run's steps as the runbook had them when the run started; action is the step's binding (JSON) or NULL.
      CREATE TABLE runbook_run_steps (
        run_id INTEGER NOT NULL REFERENCES runbook_runs (id),
        step INTEGER NOT NULL,
        title TEXT NOT NULL,
        action TEXT,
        done INTEGER NOT NULL DEFAULT 0,
        done_at INTEGER,
        done_by TEXT,
        note TEXT NOT NULL DEFAULT '',
        PRIMARY KEY (run_id, step)
      ) WITHOUT ROWID;
      -- Every confirmed action of a step and how it ended.
      CREATE TABLE runbook_run_results (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runbook_runs (id),
        step INTEGER NOT NULL,
        kind TEXT NOT NULL,
        params TEXT NOT NULL,
        ok INTEGER NOT NULL,
        message TEXT NOT NULL,
        audit_id INTEGER,
        by TEXT NOT NULL,
        at INTEGER NOT NULL
      );
      CREATE INDEX runbook_run_results_run ON runbook_run_results (run_id, step, id);
      -- Start, pause, resume and end of each run.
      CREATE TABLE runbook_run_events (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        run_id INTEGER NOT NULL REFERENCES runbook_runs (id),
        at INTEGER NOT NULL,
        by TEXT NOT NULL,
        status TEXT NOT NULL
      );
      CREATE INDEX runbook_run_events_run ON runbook_run_events (run_id, id);
    `,
  },
  {
    version: 12,
    sql: `
      -- Readiness rules disabled or tuned per namespace of a context (JSON: ReadinessTuning).
      CREATE TABLE readiness_tuning (
        context TEXT NOT NULL,
        namespace TEXT NOT NULL,
        tuning TEXT NOT NULL,
        updated_at INTEGER NOT NULL,
        PRIMARY KEY (context, namespace)
      ) WITHOUT ROWID;
      -- The last readiness report of each context, so scores show before the next check.
      CREATE TABLE readiness_reports (
        context TEXT PRIMARY KEY,
        checked_at INTEGER NOT NULL,
        report TEXT NOT NULL
      ) WITHOUT ROWID;
    `,
  },
];
