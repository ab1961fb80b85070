// Docker at scale: N running containers on one engine. Measures `opsdeck serve` from spawn to
// the first full container list with stats, then the CPU it uses over a window while it reads
// stats for all of them at the default 2 s interval (a client refetching the list on every
// change, as the view does), and `docker ps` / `docker stats --no-stream` on the same engine.
// Uses DOCKER_HOST when set (that engine must allow creating containers), else a private dockerd
// (needs root, docker.io and busybox-static, see test/docker/README.md).
// Usage: npm run bench:docker [-- --containers 200 --seconds 60]
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';

const arg = (name, fallback) => Number(process.argv[process.argv.indexOf(`--${name}`) + 1]) || fallback;
const COUNT = arg('containers', 200);
const SECONDS = arg('seconds', 60);
const TARGET_CORE_PERCENT = 5;
const IMAGE = 'opsdeck-bench-busybox:latest';
const LABEL = 'opsdeck.bench=1';
const token = 'bench-token-0123456789abcdef';
const TICKS = 100; // USER_HZ on Linux

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'odb-'));
const now = () => performance.timeOrigin + performance.now();

/** CPU seconds a process has used so far (user + system), from /proc. */
function cpuSeconds(pid) {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS;
}

function docker(host, args, options = {}) {
  const r = spawnSync('docker', ['-H', host, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options });
  if (r.status !== 0) throw new Error(`docker ${args.join(' ')}: ${r.stderr || r.error?.message}`);
  return r.stdout;
}

async function privateEngine() {
  const sock = path.join(work, 'docker.sock');
  const log = fs.openSync(path.join(work, 'dockerd.log'), 'a');
  const proc = spawn(
    'dockerd',
    ['--host', `unix://${sock}`, '--data-root', path.join(work, 'data'), '--exec-root', path.join(work, 'exec'), '--pidfile', path.join(work, 'pid'),
      '--bridge=none', '--iptables=false', '--ip-forward=false', '--ip-masq=false', '--exec-opt', 'native.cgroupdriver=cgroupfs', '--shutdown-timeout', '1'],
    { stdio: ['ignore', log, log] },
  );
  const host = `unix://${sock}`;
  for (let i = 0; ; i++) {
    if (spawnSync('docker', ['-H', host, 'version'], { stdio: 'ignore' }).status === 0) break;
    if (i > 300 || proc.exitCode !== null) throw new Error(`dockerd did not start; see ${path.join(work, 'dockerd.log')}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return { host, pid: proc.pid, stop: () => new Promise((r) => (proc.once('exit', r), proc.kill('SIGTERM'))) };
}

async function startContainers(host) {
  const root = path.join(work, 'rootfs');
  fs.mkdirSync(path.join(root, 'bin'), { recursive: true });
  fs.copyFileSync('/bin/busybox', path.join(root, 'bin', 'busybox'));
  spawnSync('tar', ['-C', root, '-cf', `${root}.tar`, '.']);
  docker(host, ['import', `${root}.tar`, IMAGE]);
  const batch = 8;
  for (let i = 0; i < COUNT; i += batch) {
    await Promise.all(
      Array.from({ length: Math.min(batch, COUNT - i) }, (_, k) =>
        new Promise((resolve, reject) => {
          // A light steady load: a line of log and a little CPU every second.
          const p = spawn('docker', ['-H', host, 'run', '-d', '--network', 'none', '--label', LABEL, '--name', `bench-${i + k}`, IMAGE, '/bin/busybox', 'sh', '-c', 'while true; do echo tick; /bin/busybox sleep 1; done'], { stdio: 'ignore' });
          p.once('exit', (code) => (code === 0 ? resolve() : reject(new Error(`docker run exited ${code}`))));
        }),
      ),
    );
  }
}

function startServe(host, dataDir) {
  const t0 = now();
  const proc = spawn(process.execPath, ['bin/opsdeck.js', 'serve', '--port', '0'], {
    env: { ...process.env, DOCKER_HOST: host, OPSDECK_TOKEN: token, OPSDECK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /serving at http:\/\/([^/\s]+)/.exec(out);
      if (m) resolve({ proc, t0, address: m[1] });
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

function client(address) {
  const ws = new WebSocket(`ws://${address}/api?token=${token}`);
  let next = 1;
  const pending = new Map();
  const listeners = [];
  ws.on('message', (data) => {
    const msg = JSON.parse(String(data));
    if (msg.kind === 'result') pending.get(msg.id)?.(msg.result);
    else for (const l of listeners) l(msg.event);
  });
  return new Promise((resolve, reject) => {
    ws.once('error', reject);
    ws.once('open', () =>
      resolve({
        invoke: (channel, payload) =>
          new Promise((res, rej) => {
            const id = next++;
            pending.set(id, (r) => (pending.delete(id), r.ok ? res(r.value) : rej(new Error(r.error.message))));
            ws.send(JSON.stringify({ kind: 'invoke', id, channel, payload }));
          }),
        onEvent: (fn) => listeners.push(fn),
        close: () => ws.close(),
      }),
    );
  });
}

const rowsOf = (list) => list.groups.flatMap((g) => g.containers);
const timed = (fn) => {
  const t = now();
  fn();
  return now() - t;
};

const engine = process.env.DOCKER_HOST ? { host: process.env.DOCKER_HOST, pid: null, stop: async () => {} } : await privateEngine();
try {
  console.log(`starting ${COUNT} containers on ${engine.host} ...`);
  await startContainers(engine.host);

  const dataDir = path.join(work, 'opsdeck');
  const { proc, t0, address } = await startServe(engine.host, dataDir);
  const c = await client(address);
  let firstFull = null;
  while (firstFull === null) {
    const rows = rowsOf(await c.invoke('docker.containers', { engine: 'default', text: 'bench-' }));
    if (rows.length === COUNT && rows.every((r) => r.stats !== null)) firstFull = now() - t0;
    else await new Promise((r) => setTimeout(r, 50));
  }

  // The view refetches the list on every change; the bench does the same.
  let refetches = 0;
  c.onEvent((e) => {
    if (e.name === 'docker.changed') void c.invoke('docker.containers', { engine: 'default' }).then(() => refetches++);
  });
  const cpu0 = cpuSeconds(proc.pid);
  const engineCpu0 = engine.pid ? cpuSeconds(engine.pid) : null;
  const wall0 = now();
  await new Promise((r) => setTimeout(r, SECONDS * 1000));
  const wall = (now() - wall0) / 1000;
  const opsdeckPercent = ((cpuSeconds(proc.pid) - cpu0) / wall) * 100;
  const enginePercent = engine.pid ? ((cpuSeconds(engine.pid) - engineCpu0) / wall) * 100 : null;
  const one = rowsOf(await c.invoke('docker.containers', { engine: 'default', text: 'bench-0' }))[0];
  const history = await c.invoke('docker.stats', { engine: 'default', id: one.id });
  c.close();
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));

  const psMs = timed(() => docker(engine.host, ['ps', '--filter', `label=${LABEL}`]));
  const statsMs = timed(() => docker(engine.host, ['stats', '--no-stream']));

  console.log(`\nOpsdeck with ${COUNT} running containers, ${os.cpus().length} cores, stats every 2 s:`);
  console.log(`  spawn -> first full list with stats:   ${firstFull.toFixed(0)} ms`);
  console.log(`  Opsdeck CPU while reading stats:      ${opsdeckPercent.toFixed(2)} % of one core over ${wall.toFixed(0)} s (target < ${TARGET_CORE_PERCENT}%: ${opsdeckPercent < TARGET_CORE_PERCENT ? 'met' : 'NOT met'})`);
  if (enginePercent !== null) console.log(`  dockerd CPU in the same window:       ${enginePercent.toFixed(2)} % of one core`);
  console.log(`  list refetches by the client:         ${refetches}; samples kept for one container: ${history.samples.length}`);
  console.log(`  docker ps:                            ${psMs.toFixed(0)} ms`);
  console.log(`  docker stats --no-stream:             ${statsMs.toFixed(0)} ms`);
} finally {
  const ids = docker(engine.host, ['ps', '-aq', '--filter', `label=${LABEL}`]).split('\n').filter(Boolean);
  for (let i = 0; i < ids.length; i += 50) docker(engine.host, ['rm', '-f', ...ids.slice(i, i + 50)]);
  await engine.stop();
  fs.rmSync(work, { recursive: true, force: true });
}
