// Serve-mode cold start: from spawning `opsdeck serve` to the first dashboard
// paint with real host data in Chromium, plus the renderer bundle sizes.
// Usage: npm run bench:startup [-- --runs 5]
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const chromium_ = JSON.parse(fs.readFileSync('test/chromium.json', 'utf8'));
const chromiumLaunch = { ...chromium_, executablePath: process.env.OPSDECK_CHROMIUM ?? chromium_.executablePath };
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 5;
const TARGET_MS = 1500;
const token = 'bench-token-0123456789abcdef';

function startServe(dataDir) {
  const t0 = performance.timeOrigin + performance.now();
  const proc = spawn(process.execPath, ['bin/opsdeck.js', 'serve', '--port', '0'], {
    env: { ...process.env, OPSDECK_TOKEN: token, OPSDECK_DATA_DIR: dataDir },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  return new Promise((resolve, reject) => {
    let out = '';
    proc.stdout.on('data', (d) => {
      out += d;
      const m = /serving at (\S+)/.exec(out);
      if (m) resolve({ proc, t0, listening: performance.timeOrigin + performance.now(), url: m[1] });
    });
    proc.once('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const browser = await chromium.launch(chromiumLaunch);
const results = [];
for (let i = 0; i < runs; i++) {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-bench-'));
  const context = await browser.newContext();
  const page = await context.newPage();
  const { proc, t0, listening, url } = await startServe(dataDir);
  await page.goto(url);
  await page.getByTestId('dashboard-ready').waitFor({ state: 'attached', timeout: 30_000 });
  const marks = await page.evaluate(() => ({
    origin: performance.timeOrigin,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
    ready: performance.getEntriesByName('opsdeck:dashboard-ready')[0]?.startTime ?? null,
  }));
  results.push({
    listening: listening - t0,
    firstPaint: marks.origin + marks.fcp - t0,
    dashboard: marks.origin + marks.ready - t0,
  });
  await context.close();
  proc.kill('SIGTERM');
  await new Promise((r) => proc.once('exit', r));
  fs.rmSync(dataDir, { recursive: true, force: true });
}
await browser.close();

const assetsDir = 'out/renderer/assets';
const html = fs.readFileSync('out/renderer/index.html', 'utf8');
const initial = new Set([...html.matchAll(/(?:src|href)="\.?\/?assets\/([^"]+)"/g)].map((m) => m[1]));
let initialBytes = 0;
let initialGzip = 0;
let totalBytes = 0;
const chunks = [];
for (const file of fs.readdirSync(assetsDir)) {
  const body = fs.readFileSync(path.join(assetsDir, file));
  const gz = gzipSync(body).length;
  totalBytes += body.length;
  if (initial.has(file)) {
    initialBytes += body.length;
    initialGzip += gz;
  }
  chunks.push({ file, kb: (body.length / 1024).toFixed(1), gzipKb: (gz / 1024).toFixed(1), initial: initial.has(file) });
}

const fmt = (ms) => `${ms.toFixed(0)} ms`;
console.log(`\nOpsdeck serve-mode cold start, ${runs} runs, ${os.cpus().length} cores (median):`);
console.log(`  process start -> listening:            ${fmt(median(results.map((r) => r.listening)))}`);
console.log(`  process start -> first paint:          ${fmt(median(results.map((r) => r.firstPaint)))}`);
const dash = median(results.map((r) => r.dashboard));
console.log(`  process start -> dashboard with data:  ${fmt(dash)}  (target < ${TARGET_MS} ms: ${dash < TARGET_MS ? 'met' : 'NOT met'})`);
console.log(`  every run (dashboard): ${results.map((r) => fmt(r.dashboard)).join(', ')}`);
console.log(`\nRenderer bundle: initial ${(initialBytes / 1024).toFixed(1)} KiB (${(initialGzip / 1024).toFixed(1)} KiB gzip), all chunks ${(totalBytes / 1024).toFixed(1)} KiB`);
console.table(chunks.sort((a, b) => Number(b.kb) - Number(a.kb)));
