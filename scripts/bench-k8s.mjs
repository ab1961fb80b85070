// Kubernetes at scale: against the test API server seeded with 100,000 pods, 10,000
// deployments and 500 nodes, measures Opsdeck's initial pod sync (against kubectl), the
// host's memory, watch latency and memory under 2,000 pod writes a second, and the pod
// filter in Chromium. The API server and the host each run in their own process.
// Usage: npm run bench:k8s [-- --quick]   (--quick: 10,000 pods and 10 s of churn)
import { chromium } from '@playwright/test';
import { fork, spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'vite';
import WebSocket from 'ws';

const quick = process.argv.includes('--quick');
const SEED = quick
  ? { namespaces: 100, deploymentsPerNs: 10, podsPerNs: 100, nodes: 50 }
  : { namespaces: 1000, deploymentsPerNs: 10, podsPerNs: 100, nodes: 500 };
const PODS = SEED.namespaces * SEED.podsPerNs;
const CHURN = { ratePerSec: 2000, durationMs: quick ? 10_000 : 60_000 };
const AFTER_CHURN_MS = quick ? 10_000 : 30_000;
const RUNS = 3;
const CONTEXT = 'bench';
const KUBECTL = '/usr/bin/kubectl';
const TOKEN = 'bench-token-0123456789abcdef';
const TARGET = { memoryBytes: 1024 ** 3, churnP99Ms: 250, filterMs: 100 };
/** Memory growth within this much counts as noise (GC timing, allocator pages). */
const NOISE_BYTES = 16 * 1024 ** 2;

const chromium_ = JSON.parse(fs.readFileSync('test/chromium.json', 'utf8'));
const chromiumLaunch = { ...chromium_, executablePath: process.env.OPSDECK_CHROMIUM ?? chromium_.executablePath };

const epochMs = () => performance.timeOrigin + performance.now();
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const quantile = (sorted, q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
const mb = (bytes) => `${(bytes / 1024 ** 2).toFixed(0)} MB`;
const signedMb = (bytes) => `${bytes >= 0 ? '+' : ''}${(bytes / 1024 ** 2).toFixed(1)} MB`;
const ms = (v) => `${v.toFixed(0)} ms`;
const verdict = (ok) => (ok ? 'PASS' : 'FAIL');

/** The test API server, bundled from test/k8s with the project's Vite, in a child process. */
async function startApiServer(workDir) {
  const outDir = path.join(workDir, 'api-server');
  await build({
    configFile: false,
    logLevel: 'warn',
    build: {
      ssr: path.resolve('scripts/bench-k8s-server.ts'),
      outDir,
      emptyOutDir: false,
      target: 'node20',
      minify: false,
      rollupOptions: { output: { format: 'es', entryFileNames: '[name].mjs' } },
    },
  });
  const entry = path.join(outDir, 'bench-k8s-server.mjs');
  const proc = fork(entry, [], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const pending = new Map();
  let nextId = 1;
  await new Promise((resolve, reject) => {
    proc.once('exit', (code) => reject(new Error(`the API server exited with ${code}`)));
    proc.on('message', (msg) => {
      if (msg.ready) return resolve();
      const waiter = pending.get(msg.id);
      pending.delete(msg.id);
      if (msg.error) waiter?.reject(new Error(msg.error));
      else waiter?.resolve(msg.result);
    });
  });
  const request = (cmd, args = {}) =>
    new Promise((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      proc.send({ id, cmd, ...args });
    });
  return { proc, request, how: `node <test/k8s bundled by Vite>/bench-k8s-server.mjs (child process, pid ${proc.pid})` };
}

/** `opsdeck serve` as a user starts it, plus a preload that reports its memory after a GC. */
async function startHost(kubeconfig, workDir) {
  const dataDir = fs.mkdtempSync(path.join(workDir, 'data-'));
  const args = ['--expose-gc', '-r', './scripts/bench-k8s-probe.cjs', 'bin/opsdeck.js', 'serve', '--port', '0'];
  const proc = spawn(process.execPath, args, {
    env: { ...process.env, OPSDECK_TOKEN: TOKEN, OPSDECK_DATA_DIR: dataDir, KUBECONFIG: kubeconfig },
    stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
  });
  const url = await new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /serving at (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
  return {
    proc,
    url,
    how: `node ${args.join(' ')} (child process, pid ${proc.pid})`,
    memory: () =>
      new Promise((resolve) => {
        proc.once('message', (msg) => resolve(msg.memory));
        proc.send('memory');
      }),
    async stop() {
      const exited = new Promise((r) => proc.once('exit', r));
      proc.kill('SIGTERM');
      await exited;
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** A contract client over serve mode's WebSocket, as the renderer's transport talks to it. */
async function connect(serveUrl) {
  const u = new URL(serveUrl);
  const ws = new WebSocket(`ws://${u.host}/api?token=${encodeURIComponent(TOKEN)}`, { maxPayload: 64 * 1024 ** 2 });
  await new Promise((resolve, reject) => {
    ws.once('open', resolve);
    ws.once('error', reject);
  });
  const pending = new Map();
  const listeners = new Set();
  let nextId = 1;
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.kind === 'event') {
      for (const l of listeners) l(msg.event);
      return;
    }
    const waiter = pending.get(msg.id);
    pending.delete(msg.id);
    if (msg.result.ok) waiter?.resolve(msg.result.value);
    else waiter?.reject(new Error(`${msg.result.error.code}: ${msg.result.error.message}`));
  });
  return {
    invoke: (channel, payload) =>
      new Promise((resolve, reject) => {
        const id = nextId++;
        pending.set(id, { resolve, reject });
        ws.send(JSON.stringify({ kind: 'invoke', id, channel, payload }));
      }),
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => ws.close(),
  };
}

function timeKubectl(kubeconfig) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const proc = spawn('sh', ['-c', `${KUBECTL} --kubeconfig "$KC" get pods -A -o json > /dev/null`], {
      env: { ...process.env, KC: kubeconfig },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    proc.once('exit', (code) => (code === 0 ? resolve(performance.now() - t0) : reject(new Error(`kubectl exited ${code}`))));
  });
}

/** From enabling the context to k8s.pods answering synced with every pod. */
async function timeOpsdeckSync(kubeconfig, workDir) {
  const host = await startHost(kubeconfig, workDir);
  const client = await connect(host.url);
  const t0 = performance.now();
  await client.invoke('k8s.setEnabled', { context: CONTEXT, enabled: true });
  for (;;) {
    const page = await client.invoke('k8s.pods', { context: CONTEXT, limit: 1 });
    if (page.synced && page.total === PODS) break;
    await sleep(20);
  }
  return { ms: performance.now() - t0, host, client };
}

/**
 * Follows the churn as a pod table would: on each k8s.changed it asks k8s.pods for the
 * pods with the most restarts (each churn write sets a restart count to its sequence
 * number) and notes when each write first became visible.
 */
function watchChurn(client, baseline) {
  const seenAt = new Map();
  let newest = baseline;
  let busy = false;
  let again = false;
  const readNewest = async () => {
    let top = newest;
    for (let offset = 0; ; offset += 500) {
      const page = await client.invoke('k8s.pods', { context: CONTEXT, sort: 'restarts', dir: 'desc', offset, limit: 500 });
      const at = epochMs();
      for (const row of page.rows) if (row.restarts > newest && !seenAt.has(row.restarts)) seenAt.set(row.restarts, at);
      top = Math.max(top, page.rows[0]?.restarts ?? 0);
      if (page.rows.length < 500 || page.rows.at(-1).restarts <= newest) break;
    }
    newest = top;
  };
  const refresh = async () => {
    if (busy) return void (again = true);
    busy = true;
    do {
      again = false;
      await readNewest();
    } while (again);
    busy = false;
  };
  const stop = client.onEvent((e) => {
    if (e.name === 'k8s.changed' && e.data.context === CONTEXT && e.data.kinds.includes('pods')) void refresh();
  });
  return { seenAt, stop, newest: () => newest };
}

/** Time from pressing Enter in the pod name filter to the count and first row showing the matches, painted. */
async function timeFilter(page, text, expected) {
  const search = page.getByRole('search', { name: 'Filter pods' }).getByRole('searchbox');
  await search.fill(text);
  await page.evaluate(
    ({ text, expected }) => {
      const bench = (window.__bench = { start: null, end: null });
      const input = document.activeElement;
      input.addEventListener('keydown', () => (bench.start = performance.now()), { capture: true, once: true });
      const observer = new MutationObserver(() => {
        if (bench.start === null) return;
        const count = document.querySelector('[data-testid="pods-count"]');
        const first = document.querySelector('tr[data-pod]')?.getAttribute('data-pod') ?? '';
        if (count?.getAttribute('data-matched') !== String(expected)) return;
        if (expected > 0 && !first.split('/')[1]?.includes(text)) return;
        observer.disconnect();
        requestAnimationFrame(() => (bench.end = performance.now()));
      });
      observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    },
    { text, expected },
  );
  await search.press('Enter');
  await page.waitForFunction(() => window.__bench.end !== null, null, { timeout: 30_000 });
  return page.evaluate(() => window.__bench.end - window.__bench.start);
}

const workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-bench-k8s-'));
const api = await startApiServer(workDir);
try {
  const seeded = await api.request('seed', { options: SEED });
  const { path: kubeconfig, url: apiUrl } = await api.request('kubeconfig', { dir: workDir, context: CONTEXT });
  console.log(`\nOpsdeck at ${seeded.pods.toLocaleString()} pods, ${seeded.deployments.toLocaleString()} deployments, ${seeded.nodes} nodes${quick ? ' (quick mode)' : ''}`);
  console.log(`  machine: ${os.cpus().length} cores, ${mb(os.totalmem())} RAM, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, Node ${process.versions.node}`);
  console.log(`  test API server: ${api.how}, ${apiUrl}, seeded in ${ms(seeded.elapsedMs)}`);

  // 1. Initial sync, alternating kubectl and Opsdeck so both see the same machine load.
  const kubectlRuns = [];
  const opsdeckRuns = [];
  let host;
  let client;
  for (let i = 0; i < RUNS; i++) {
    kubectlRuns.push(await timeKubectl(kubeconfig));
    const run = await timeOpsdeckSync(kubeconfig, workDir);
    opsdeckRuns.push(run.ms);
    if (i < RUNS - 1) {
      run.client.close();
      await run.host.stop();
    } else {
      ({ host, client } = run);
    }
  }
  console.log(`  host: ${host.how}`);
  const kubectlMs = median(kubectlRuns);
  const syncMs = median(opsdeckRuns);
  const ratio = syncMs / kubectlMs;

  // 2. Memory once synced.
  await sleep(2000);
  const synced = await host.memory();

  // 3. Churn: write-to-visible latency through the contract, then memory after it settles.
  const before = await host.memory();
  const baseline = (await client.invoke('k8s.pods', { context: CONTEXT, sort: 'restarts', dir: 'desc', limit: 1 })).rows[0]?.restarts ?? 0;
  const watcher = watchChurn(client, baseline);
  const { stats, writtenAt } = await api.request('churn', { ...CHURN, restartsFrom: baseline });
  const deadline = performance.now() + 10_000;
  while (watcher.newest() < stats.changes + baseline && performance.now() < deadline) await sleep(50);
  watcher.stop();
  const churnCpuMs = (await host.memory()).cpuMs - before.cpuMs;
  const latencies = [];
  let missed = 0;
  for (let n = 1; n <= stats.changes; n++) {
    const seen = watcher.seenAt.get(n + baseline);
    if (seen === undefined) missed++;
    else latencies.push(seen - writtenAt[n]);
  }
  latencies.sort((a, b) => a - b);
  const p50 = quantile(latencies, 0.5);
  const p99 = quantile(latencies, 0.99);
  await sleep(AFTER_CHURN_MS);
  const after = await host.memory();
  const growth = after.rss - before.rss;

  // 4. The pod filter in Chromium, on the same host.
  const browser = await chromium.launch(chromiumLaunch);
  const page = await browser.newPage();
  await page.goto(`${host.url}#/clusters?ctx=${CONTEXT}`);
  await page.getByTestId('pods-count').and(page.locator(`[data-total="${PODS}"]`)).waitFor({ timeout: 120_000 });
  const filters = ['app-007', 'app-00', 'x', 'k2', 'no-such-pod'];
  const filterRuns = [];
  for (const text of filters) {
    const expected = await api.request('countPods', { text });
    filterRuns.push({ text, expected, ms: await timeFilter(page, text, expected) });
  }
  await browser.close();
  const filterMs = median(filterRuns.map((r) => r.ms));
  // The host's share: a first query for other filter strings, straight over the WebSocket.
  const queryRuns = [];
  for (const text of ['app-008', 'app-0', 'y', 'k3', 'no-such-pod-2']) {
    const t0 = performance.now();
    await client.invoke('k8s.pods', { context: CONTEXT, text, limit: 100 });
    queryRuns.push(performance.now() - t0);
  }

  client.close();
  await host.stop();

  console.log(`\n1. Initial pod sync (median of ${RUNS}; every run: Opsdeck ${opsdeckRuns.map(ms).join(', ')}; kubectl ${kubectlRuns.map(ms).join(', ')})`);
  console.log(`   Opsdeck, enable context -> k8s.pods synced with ${PODS.toLocaleString()}: ${ms(syncMs)}`);
  console.log(`   kubectl get pods -A -o json > /dev/null:        ${ms(kubectlMs)}`);
  console.log(`   ratio Opsdeck / kubectl: ${ratio.toFixed(2)}  (target <= 1.00: ${verdict(ratio <= 1)})`);
  console.log(`\n2. Host memory after sync (after a full GC, read inside the serve process)`);
  console.log(`   RSS ${mb(synced.rss)}, heap used ${mb(synced.heapUsed)}, heap total ${mb(synced.heapTotal)}, external ${mb(synced.external)}  (target RSS < ${mb(TARGET.memoryBytes)}: ${verdict(synced.rss < TARGET.memoryBytes)})`);
  console.log(`\n3. Churn: ${stats.changes.toLocaleString()} pod writes at ${stats.achievedRatePerSec.toFixed(0)}/s for ${(stats.elapsedMs / 1000).toFixed(0)} s`);
  console.log(`   write -> visible in k8s.pods after k8s.changed: p50 ${ms(p50)}, p99 ${ms(p99)}, max ${ms(latencies.at(-1))}, never seen ${missed}  (target p99 < ${TARGET.churnP99Ms} ms: ${verdict(p99 < TARGET.churnP99Ms && missed === 0)})`);
  console.log(`   host CPU during churn: ${ms(churnCpuMs)} in ${(stats.elapsedMs / 1000).toFixed(0)} s (${((100 * churnCpuMs) / stats.elapsedMs).toFixed(0)}% of one core, ${((1000 * churnCpuMs) / stats.changes).toFixed(0)} µs per write)`);
  console.log(`   memory before churn: RSS ${mb(before.rss)}, heap used ${mb(before.heapUsed)}`);
  console.log(`   memory ${AFTER_CHURN_MS / 1000} s after it: RSS ${mb(after.rss)} (${signedMb(growth)}), heap used ${mb(after.heapUsed)} (${signedMb(after.heapUsed - before.heapUsed)})  (target growth < ${mb(NOISE_BYTES)}: ${verdict(growth < NOISE_BYTES)})`);
  console.log(`\n4. Chromium, Clusters tab with ${PODS.toLocaleString()} pods: Enter in the name filter -> count and rows painted`);
  for (const r of filterRuns) console.log(`   "${r.text}" (${r.expected.toLocaleString()} matches): ${ms(r.ms)}`);
  console.log(`   median ${ms(filterMs)}  (target < ${TARGET.filterMs} ms: ${verdict(filterMs < TARGET.filterMs)}; typing without Enter adds the field's 300 ms settle time)`);
  console.log(`   of which the host: a new name filter through k8s.pods over the WebSocket, no browser, median ${ms(median(queryRuns))} (${queryRuns.map(ms).join(', ')})`);
} finally {
  await api.request('close').catch(() => undefined);
  fs.rmSync(workDir, { recursive: true, force: true });
}
