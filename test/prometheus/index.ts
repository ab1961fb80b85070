import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { stopProcess, tailFile } from '../helpers/childProcess';

/** Debian's packages (apt): prometheus, prometheus-node-exporter, prometheus-pushgateway. */
const PROMETHEUS_BINARIES = {
  prometheus: { bin: '/usr/bin/prometheus', pkg: 'prometheus' },
  nodeExporter: { bin: '/usr/bin/prometheus-node-exporter', pkg: 'prometheus-node-exporter' },
  pushgateway: { bin: '/usr/bin/prometheus-pushgateway', pkg: 'prometheus-pushgateway' },
} as const;

/** Seconds between scrapes: short, so a pushed value shows in Prometheus within a test. */
const SCRAPE_INTERVAL_SECONDS = 1;

export interface PrometheusStack {
  /** http://127.0.0.1:<port> of each server. */
  prometheusUrl: string;
  pushgatewayUrl: string;
  nodeExporterUrl: string;
  /** Pushes metrics in the text format to the pushgateway under job, replacing what that job pushed before. */
  push(job: string, text: string): Promise<void>;
  stop(): Promise<void>;
}

/** Fails loudly: a machine without the packages cannot run these tests. */
function requirePrometheusBinaries(): void {
  const missing = Object.values(PROMETHEUS_BINARIES).filter(({ bin }) => spawnSync(bin, ['--version']).status !== 0);
  if (missing.length) {
    throw new Error(
      `Missing ${missing.map((m) => m.bin).join(', ')}: install ${missing.map((m) => m.pkg).join(' ')} (apt) to run the Prometheus tests.`,
    );
  }
}

/** A port that was free a moment ago (the servers take their address on the command line). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer().once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function prometheusYml(nodeExporter: string, pushgateway: string): string {
  return [
    'global:',
    `  scrape_interval: ${SCRAPE_INTERVAL_SECONDS}s`,
    `  evaluation_interval: ${SCRAPE_INTERVAL_SECONDS}s`,
    'scrape_configs:',
    '  - job_name: node',
    '    static_configs:',
    `      - targets: ['${nodeExporter}']`,
    // The pushed job and instance labels are kept, as the pushgateway's documentation asks.
    '  - job_name: pushgateway',
    '    honor_labels: true',
    '    static_configs:',
    `      - targets: ['${pushgateway}']`,
    '',
  ].join('\n');
}

async function waitFor(what: string, check: () => Promise<boolean>, proc: ChildProcess, logFile: string, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`${what}: the process exited with ${proc.exitCode}:\n${tailFile(logFile)}`);
    try {
      if (await check()) return;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error(`${what} within ${timeoutMs} ms:\n${tailFile(logFile)}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const answers = async (url: string) => (await fetch(url)).ok;

interface TargetsAnswer {
  data: { activeTargets: { health: 'up' | 'down' | 'unknown' }[] };
}

/** True once both targets were scraped, and successfully (health is unknown until the first scrape). */
async function allTargetsUp(prometheusUrl: string): Promise<boolean> {
  const answer = (await (await fetch(`${prometheusUrl}/api/v1/targets?state=active`)).json()) as TargetsAnswer;
  const targets = answer.data.activeTargets;
  return targets.length === 2 && targets.every((t) => t.health === 'up');
}

/**
 * Prometheus scraping a node exporter and a pushgateway every second, all on loopback ports,
 * in a temporary folder. Resolves once Prometheus is ready and has scraped both targets.
 */
export async function startPrometheusStack(): Promise<PrometheusStack> {
  requirePrometheusBinaries();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-prom-'));
  const [promPort, nodePort, pushPort] = [await freePort(), await freePort(), await freePort()];
  const address = (port: number) => `127.0.0.1:${port}`;
  const logs = { prometheus: path.join(dir, 'prometheus.log'), nodeExporter: path.join(dir, 'node-exporter.log'), pushgateway: path.join(dir, 'pushgateway.log') };
  const procs: ChildProcess[] = [];
  const run = (server: keyof typeof PROMETHEUS_BINARIES, args: string[]) => {
    const out = fs.openSync(logs[server], 'a');
    const proc = spawn(PROMETHEUS_BINARIES[server].bin, args, { stdio: ['ignore', out, out] });
    fs.closeSync(out);
    procs.push(proc);
    return proc;
  };
  const stop = async () => {
    await Promise.all(procs.map((p) => stopProcess(p, 10_000)));
    fs.rmSync(dir, { recursive: true, force: true });
  };

  try {
    const nodeExporter = run('nodeExporter', [`--web.listen-address=${address(nodePort)}`]);
    const pushgateway = run('pushgateway', [`--web.listen-address=${address(pushPort)}`]);
    fs.writeFileSync(path.join(dir, 'prometheus.yml'), prometheusYml(address(nodePort), address(pushPort)));
    const prometheus = run('prometheus', [
      `--config.file=${path.join(dir, 'prometheus.yml')}`,
      `--storage.tsdb.path=${path.join(dir, 'data')}`,
      `--web.listen-address=${address(promPort)}`,
    ]);
    const urls = { prometheusUrl: `http://${address(promPort)}`, pushgatewayUrl: `http://${address(pushPort)}`, nodeExporterUrl: `http://${address(nodePort)}` };

    await waitFor('node exporter did not answer /metrics', () => answers(`${urls.nodeExporterUrl}/metrics`), nodeExporter, logs.nodeExporter);
    await waitFor('pushgateway did not become ready', () => answers(`${urls.pushgatewayUrl}/-/ready`), pushgateway, logs.pushgateway);
    await waitFor('prometheus did not become ready', () => answers(`${urls.prometheusUrl}/-/ready`), prometheus, logs.prometheus);
    await waitFor('prometheus did not scrape both targets', () => allTargetsUp(urls.prometheusUrl), prometheus, logs.prometheus);

    return {
      ...urls,
      async push(job, text) {
        const res = await fetch(`${urls.pushgatewayUrl}/metrics/job/${encodeURIComponent(job)}`, { method: 'PUT', body: text.endsWith('\n') ? text : `${text}\n` });
        if (!res.ok) throw new Error(`pushgateway refused the push: HTTP ${res.status} ${await res.text()}`);
      },
      stop,
    };
  } catch (err) {
    await stop();
    throw err;
  }
}
