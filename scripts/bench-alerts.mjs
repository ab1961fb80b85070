// Alerting: (1) Opsdeck's rule evaluation on its own, 1,000 threshold rules over 10,000 series
// whose label sets and values come from a real Prometheus range query, with its SQLite alert store;
// (2) end to end, the same rule in Opsdeck (serve mode) and in Prometheus + Alertmanager against one
// real Prometheus: a value pushed past the threshold to the pushgateway -> each one's webhook
// notification, in several runs, split into push -> scrape -> evaluation -> webhook. Ends with
// PASS/FAIL lines.
// Needs Debian's prometheus, prometheus-node-exporter, prometheus-pushgateway and
// prometheus-alertmanager packages (apt).
// Usage: npm run bench:alerts
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import WebSocket from 'ws';

const RULES = 1000;
const SERIES = 10_000;
const CYCLES = 50;
/** End to end: each run starts its own Prometheus, Alertmanager and Opsdeck, so each one's evaluation phase is drawn anew. */
const RUNS = 4;
const ROUNDS = 4;
const TARGET_CYCLE_MS = 50;
const THRESHOLD = 100;
const ROUND_TIMEOUT_MS = 60_000;
const ALERT = 'BenchValue';
const TOKEN = 'bench-token-0123456789abcdef';
const BIN = {
  prometheus: '/usr/bin/prometheus',
  nodeExporter: '/usr/bin/prometheus-node-exporter',
  pushgateway: '/usr/bin/prometheus-pushgateway',
  alertmanager: '/usr/bin/prometheus-alertmanager',
};

const epochMs = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const ms = (v) => `${v.toFixed(v < 10 ? 1 : 0)} ms`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-bench-alerts-'));
const procs = [];

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function run(name, bin, args, options = {}) {
  const log = path.join(work, `${name}.log`);
  const out = fs.openSync(log, 'a');
  const proc = spawn(bin, args, { stdio: ['ignore', out, out], ...options });
  fs.closeSync(out);
  procs.push(proc);
  return { proc, log };
}

/** Stops the given processes (all started ones when none are given) and waits for them to exit. */
function stopProcs(list = procs) {
  return Promise.all(
    list.map(
      (p) =>
        new Promise((resolve) => {
          if (p.exitCode !== null || p.signalCode !== null) return resolve();
          p.once('exit', resolve);
          p.kill('SIGTERM');
        }),
    ),
  );
}

async function waitFor(what, check, { proc, log }, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${what}: exited with ${proc.exitCode}\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
    if (await check().catch(() => false)) return;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms\n${fs.readFileSync(log, 'utf8').slice(-2000)}`);
    await sleep(100);
  }
}
const answers = async (url) => (await fetch(url)).ok;

/** The same rule for both: the group's interval and Prometheus's evaluation_interval are 1 s. */
const ruleYaml = ['groups:', '  - name: bench', '    interval: 1s', '    rules:', `      - alert: ${ALERT}`, `        expr: bench_value > ${THRESHOLD}`, '        for: 0s', ''].join('\n');

/** The same routing for both, Alertmanager's format: only the webhook's address differs. */
const routingYaml = (url) =>
  ['route:', '  receiver: hook', '  group_by: [alertname]', '  group_wait: 0s', '  group_interval: 1s', '  repeat_interval: 1h', 'receivers:', '  - name: hook', '    webhook_configs:', `      - url: ${url}`, ''].join('\n');

/** A local webhook server; keeps when each notification for the bench alert arrived, and its status. */
async function webhookServer() {
  const received = [];
  const server = http.createServer((req, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const at = epochMs();
      const body = JSON.parse(text);
      const alert = body.alerts?.find((a) => a.labels?.alertname === ALERT);
      // startsAt is the evaluation at which the alert fired, in both (Alertmanager passes on Prometheus's).
      if (alert) received.push({ at, status: body.status, startsAt: Date.parse(alert.startsAt) });
      res.writeHead(200).end();
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${server.address().port}/hook`, received, close: () => (server.closeAllConnections(), server.close()) };
}

/** node exporter, pushgateway, Alertmanager and a Prometheus scraping both every second, with the rule and Alertmanager. */
async function startStack(alertmanagerHook, dir) {
  fs.mkdirSync(dir, { recursive: true });
  const started = procs.length;
  const [prom, node, push, am, amCluster] = await Promise.all([freePort(), freePort(), freePort(), freePort(), freePort()]);
  const addr = (p) => `127.0.0.1:${p}`;
  fs.writeFileSync(path.join(dir, 'rules.yml'), ruleYaml);
  fs.writeFileSync(path.join(dir, 'alertmanager.yml'), routingYaml(alertmanagerHook));
  fs.writeFileSync(
    path.join(dir, 'prometheus.yml'),
    [
      'global: { scrape_interval: 1s, evaluation_interval: 1s }',
      `rule_files: ['${path.join(dir, 'rules.yml')}']`,
      `alerting: { alertmanagers: [{ static_configs: [{ targets: ['${addr(am)}'] }] }] }`,
      'scrape_configs:',
      `  - { job_name: node, static_configs: [{ targets: ['${addr(node)}'] }] }`,
      `  - { job_name: pushgateway, honor_labels: true, static_configs: [{ targets: ['${addr(push)}'] }] }`,
      '',
    ].join('\n'),
  );
  const nodeExporter = run(`${path.basename(dir)}-node-exporter`, BIN.nodeExporter, [`--web.listen-address=${addr(node)}`]);
  const pushgateway = run(`${path.basename(dir)}-pushgateway`, BIN.pushgateway, [`--web.listen-address=${addr(push)}`]);
  const alertmanager = run(`${path.basename(dir)}-alertmanager`, BIN.alertmanager, [
    `--config.file=${path.join(dir, 'alertmanager.yml')}`,
    `--storage.path=${path.join(dir, 'am-data')}`,
    `--web.listen-address=${addr(am)}`,
    `--cluster.listen-address=${addr(amCluster)}`,
  ]);
  const prometheus = run(`${path.basename(dir)}-prometheus`, BIN.prometheus, [
    `--config.file=${path.join(dir, 'prometheus.yml')}`,
    `--storage.tsdb.path=${path.join(dir, 'prom-data')}`,
    `--web.listen-address=${addr(prom)}`,
  ]);
  const urls = { prometheus: `http://${addr(prom)}`, pushgateway: `http://${addr(push)}` };
  await waitFor('node exporter', () => answers(`http://${addr(node)}/metrics`), nodeExporter);
  await waitFor('pushgateway', () => answers(`${urls.pushgateway}/-/ready`), pushgateway);
  await waitFor('alertmanager', () => answers(`http://${addr(am)}/-/ready`), alertmanager);
  await waitFor('prometheus', () => answers(`${urls.prometheus}/-/ready`), prometheus);
  const own = procs.slice(started);
  return {
    ...urls,
    prometheusProc: prometheus,
    stop: () => stopProcs(own),
    /** When the sample of bench_value that an evaluation at `at` saw was scraped. */
    async scrapedAt(at) {
      const params = new URLSearchParams({ query: 'timestamp(bench_value)', time: String(at / 1000) });
      const answer = await (await fetch(`${urls.prometheus}/api/v1/query?${params}`)).json();
      return 1000 * Number(answer.data.result[0].value[1]);
    },
    async push(value) {
      const res = await fetch(`${urls.pushgateway}/metrics/job/bench`, { method: 'PUT', body: `bench_value ${value}\n` });
      if (!res.ok) throw new Error(`pushgateway: HTTP ${res.status}`);
    },
  };
}

/** `opsdeck serve` as a user starts it, its data folder holding the rule file and the routing config. */
async function startOpsdeck(hookUrl, dir) {
  const dataDir = path.join(dir, 'opsdeck-data');
  fs.mkdirSync(path.join(dataDir, 'rules'), { recursive: true });
  fs.writeFileSync(path.join(dataDir, 'rules', 'bench.yml'), ruleYaml);
  fs.writeFileSync(path.join(dataDir, 'alertmanager.yml'), routingYaml(hookUrl));
  const port = await freePort();
  const args = ['bin/opsdeck.js', 'serve', '--port', String(port)];
  const serve = run(`${path.basename(dir)}-opsdeck`, process.execPath, args, { env: { ...process.env, OPSDECK_TOKEN: TOKEN, OPSDECK_DATA_DIR: dataDir } });
  const host = `127.0.0.1:${port}`;
  // Listening is enough: the page itself wants the token.
  await waitFor('opsdeck serve', async () => Boolean(await fetch(`http://${host}/`)), serve);
  const ws = new WebSocket(`ws://${host}/api?token=${encodeURIComponent(TOKEN)}`);
  await new Promise((resolve, reject) => (ws.once('open', resolve), ws.once('error', reject)));
  const pending = new Map();
  let nextId = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.kind === 'event') return;
    const waiter = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.result.ok) waiter?.resolve(msg.result.value);
    else waiter?.reject(new Error(`${msg.result.error.code}: ${msg.result.error.message}`));
  });
  const invoke = (channel, payload) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      ws.send(JSON.stringify({ kind: 'invoke', id, channel, payload }));
    });
  return { invoke, how: `node ${args.join(' ')} (child process)`, close: () => (ws.close(), stopProcs([serve.proc])) };
}

/** Resolves with the first notification with this status that arrives after `since`. */
async function notified(hook, status, since) {
  const deadline = Date.now() + ROUND_TIMEOUT_MS;
  for (;;) {
    const hit = hook.received.find((r) => r.status === status && r.at >= since);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`no ${status} notification within ${ROUND_TIMEOUT_MS} ms`);
    await sleep(5);
  }
}

async function bundleEvaluator() {
  const outDir = path.join(work, 'evaluate');
  await build({
    configFile: false,
    logLevel: 'warn',
    // Its dependencies (yaml) go into the bundle: it is imported from a temporary folder. The native
    // better-sqlite3 stays outside, imported from this checkout by its absolute path.
    ssr: { noExternal: true, external: ['better-sqlite3'] },
    build: {
      ssr: path.resolve('scripts/bench-alerts-evaluate.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: {
        external: ['better-sqlite3'],
        output: { format: 'es', entryFileNames: '[name].mjs', paths: { 'better-sqlite3': createRequire(import.meta.url).resolve('better-sqlite3') } },
      },
    },
  });
  return import(path.join(outDir, 'bench-alerts-evaluate.mjs'));
}

/** The local evaluation, on series read from the first run's Prometheus. */
async function localEvaluation(evaluator, stack) {
  // Enough node_* points for 10,000 label sets: the node exporter's series, a second apart.
  let read;
  for (let tries = 0; !read; tries++) {
    await sleep(1000);
    read = await evaluator.nodeSeries(stack.prometheus, SERIES, 30).catch((err) => {
      if (tries > 60) throw err;
      return null;
    });
  }
  const local = evaluator.evaluateCycles(read.series, RULES, CYCLES, [0.98, 0.999], path.join(work, 'local-firing'));
  // The same rules above every value: the comparisons and the evaluation with nothing to hold.
  const quiet = evaluator.evaluateCycles(read.series, RULES, CYCLES, [1, 1], path.join(work, 'local-quiet'));
  const steady = local.cycleMs.slice(1);
  const sortedCycles = [...steady].sort((a, b) => a - b);
  const cycleMedian = median(steady);
  const cycleP95 = quantile(sortedCycles, 0.95);
  const quietP95 = quantile([...quiet.cycleMs].sort((a, b) => a - b), 0.95);
  console.log(`\n1. Local evaluation: ${RULES.toLocaleString()} threshold rules over ${SERIES.toLocaleString()} series, ${CYCLES} cycles, in this process`);
  console.log(`   series: one range query of node_* (${read.distinct.toLocaleString()} series from the node exporter, 1 s apart), each (series, time) point a label set`);
  console.log(`   rules: node_value > X, X from the 98th to the 99.9th percentile of the values, a label and a templated annotation, parsed by parseRuleFile`);
  console.log(`   a cycle: each rule's comparison with every series (Prometheus's part), then each rule's evaluation of its matches (label and`);
  console.log(`   annotation templates, alert identity, pending/firing/resolved state), then the rule engine's store step on the SQLite alert store`);
  console.log(`   (${local.matchesPerCycle.toLocaleString()} matches, ${local.alerts.toLocaleString()} alerts held, ${local.stored.toLocaleString()} open rows stored)`);
  console.log(`   first cycle (creates and stores every alert): ${ms(local.cycleMs[0])}`);
  console.log(`   per cycle after it: median ${ms(cycleMedian)}, p95 ${ms(cycleP95)}  (target < ${TARGET_CYCLE_MS} ms); CPU time median ${ms(median(local.cpuMs.slice(1)))}`);
  console.log(`   the same rules with thresholds above every value (${quiet.matchesPerCycle} matches): median ${ms(median(quiet.cycleMs))}, p95 ${ms(quietP95)}  (target < ${TARGET_CYCLE_MS} ms); CPU time median ${ms(median(quiet.cpuMs))}`);
  return [
    `${verdict(cycleP95 < TARGET_CYCLE_MS)}  local evaluation cycle, ~${Math.round(local.alerts / 100) / 10}k alerts firing: p95 ${ms(cycleP95)} < ${TARGET_CYCLE_MS} ms`,
    `${verdict(quietP95 < TARGET_CYCLE_MS)}  local evaluation cycle, nothing firing: p95 ${ms(quietP95)} < ${TARGET_CYCLE_MS} ms`,
  ];
}

/** One run: its own stack and Opsdeck, ROUNDS pushes past the threshold, each timed to both webhooks. */
async function endToEndRun(index, evaluator, verdicts) {
  const dir = path.join(work, `run-${index}`);
  const opsdeckHook = await webhookServer();
  const alertmanagerHook = await webhookServer();
  const stack = await startStack(alertmanagerHook.url, dir);
  await stack.push(0);
  if (index === 0) verdicts.push(...(await localEvaluation(evaluator, stack)));
  const opsdeck = await startOpsdeck(opsdeckHook.url, dir);
  await opsdeck.invoke('prom.addSource', { name: 'bench', url: stack.prometheus, auth: { kind: 'none' } });
  await waitFor('Opsdeck evaluating the bench rule', async () => {
    const list = await opsdeck.invoke('rules.list', {});
    return list.groups.some((g) => g.name === 'bench' && g.rules.some((r) => r.alert === ALERT && r.health === 'ok'));
  }, stack.prometheusProc);

  const rounds = [];
  for (let i = 0; i < ROUNDS; i++) {
    const pushedAt = epochMs();
    await stack.push(THRESHOLD * 2);
    const [o, a] = await Promise.all([notified(opsdeckHook, 'firing', pushedAt), notified(alertmanagerHook, 'firing', pushedAt)]);
    const [oScraped, aScraped] = await Promise.all([stack.scrapedAt(o.startsAt), stack.scrapedAt(a.startsAt)]);
    const resetAt = epochMs();
    await stack.push(0);
    await Promise.all([notified(opsdeckHook, 'resolved', resetAt), notified(alertmanagerHook, 'resolved', resetAt)]);
    const times = (n, scrapedAt) => ({ total: n.at - pushedAt, toScrape: scrapedAt - pushedAt, toEval: n.startsAt - scrapedAt, toWebhook: n.at - n.startsAt });
    rounds.push({ opsdeck: times(o, oScraped), alertmanager: times(a, aScraped) });
    // A pause of a few evaluation intervals, so a round does not start in step with the last.
    await sleep(1300 + 700 * i);
  }
  await opsdeck.close();
  opsdeckHook.close();
  alertmanagerHook.close();
  await stack.stop();
  return rounds;
}

async function main() {
  const evaluator = await bundleEvaluator();
  console.log(`\nOpsdeck alerting`);
  console.log(`  machine: ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.versions.node}`);
  console.log(`  stack: Prometheus (scrape and evaluation interval 1 s), node exporter, pushgateway, Alertmanager, each its own process, on loopback`);

  const verdicts = [];
  const rounds = [];
  for (let run = 0; run < RUNS; run++) rounds.push(...(await endToEndRun(run, evaluator, verdicts)));

  console.log(`\n2. End to end: bench_value > ${THRESHOLD}, for: 0s, group interval 1 s; group_wait 0s, group_interval 1s, webhook to a local HTTP server`);
  console.log(`   Opsdeck: opsdeck serve (child process), the Prometheus source added over the WebSocket, the rule in its rules folder`);
  console.log(`   Prometheus: the same rule file, evaluation_interval 1s -> Alertmanager (${BIN.alertmanager}) with the same routing`);
  console.log(`   ${RUNS} runs, each with its own Prometheus, Alertmanager and Opsdeck (so each one's evaluation phase is new), ${ROUNDS} rounds each;`);
  console.log(`   a round pushes ${THRESHOLD * 2}, takes both firing webhooks, pushes 0 and waits for both resolved ones. Medians of ${rounds.length} rounds:`);
  const row = (name, pick) => {
    const xs = rounds.map(pick);
    return `   ${name.padEnd(44)} ${ms(median(xs)).padStart(8)}  (${ms(Math.min(...xs))} to ${ms(Math.max(...xs))})`;
  };
  for (const who of ['opsdeck', 'alertmanager']) {
    console.log(`   ${who === 'opsdeck' ? 'Opsdeck' : 'Prometheus + Alertmanager'}`);
    console.log(row('  push -> firing webhook', (r) => r[who].total));
    console.log(row('  push -> scrape that carried it', (r) => r[who].toScrape));
    console.log(row('  scrape -> evaluation that fired (phase)', (r) => r[who].toEval));
    console.log(row('  evaluation -> firing webhook', (r) => r[who].toWebhook));
  }
  const m = (who, key) => median(rounds.map((r) => r[who][key]));
  verdicts.push(
    `${verdict(m('opsdeck', 'total') <= m('alertmanager', 'total'))}  push -> firing webhook: Opsdeck ${ms(m('opsdeck', 'total'))} <= Prometheus + Alertmanager ${ms(m('alertmanager', 'total'))} (medians)`,
    `${verdict(m('opsdeck', 'toWebhook') <= m('alertmanager', 'toWebhook'))}  evaluation -> firing webhook: Opsdeck ${ms(m('opsdeck', 'toWebhook'))} <= Prometheus + Alertmanager ${ms(m('alertmanager', 'toWebhook'))} (medians)`,
  );
  console.log(`\n${verdicts.join('\n')}`);
}

async function stopAll() {
  await stopProcs();
  fs.rmSync(work, { recursive: true, force: true });
}

try {
  await main();
} finally {
  await stopAll();
}
