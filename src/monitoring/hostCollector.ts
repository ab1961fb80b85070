import fs from 'node:fs';
import os from 'node:os';
import type { HostInfo, HostSample } from '../contract';
import { toSample, type HostReader, type Reading } from './hostReader';

/** The first sample comes quickly so a fresh dashboard has data; then every interval. */
const FIRST_SAMPLE_MS = 250;

/** Samples this machine on a fixed interval; each reading is diffed with the one before. */
export class HostCollector {
  private timer: NodeJS.Timeout | null = null;
  private previous: Reading | null = null;
  private running = false;

  constructor(
    private readonly reader: HostReader,
    readonly intervalMs: number,
    private readonly onSample: (sample: HostSample) => void,
    private readonly onError: (err: Error) => void,
  ) {}

  async start(): Promise<void> {
    if (this.running) return;
    this.running = true;
    this.previous = await this.reader.read();
    this.schedule(Math.min(FIRST_SAMPLE_MS, this.intervalMs));
  }

  stop(): void {
    this.running = false;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private schedule(delay: number): void {
    if (!this.running) return;
    this.timer = setTimeout(() => void this.tick(), delay);
    this.timer.unref?.();
  }

  private async tick(): Promise<void> {
    const started = Date.now();
    try {
      const next = await this.reader.read();
      if (this.previous && this.running) this.onSample(toSample(this.previous, next));
      this.previous = next;
    } catch (err) {
      this.onError(err as Error);
    }
    this.schedule(Math.max(0, this.intervalMs - (Date.now() - started)));
  }

  info(): HostInfo {
    const cpus = os.cpus();
    return {
      hostname: os.hostname(),
      os: osName(),
      kernel: os.release(),
      arch: os.arch(),
      cpuModel: cpus[0]?.model.trim() ?? 'unknown',
      cores: cpus.length,
      totalMemoryBytes: os.totalmem(),
      sampleIntervalMs: this.intervalMs,
      limitations: this.reader.limitations,
    };
  }
}

function osName(): string {
  if (process.platform === 'linux') {
    try {
      const release = fs.readFileSync('/etc/os-release', 'utf8');
      const m = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(release);
      if (m) return m[1]!;
    } catch {
      // no os-release: fall through to the kernel's own name
    }
  }
  return `${os.type()} ${os.version()}`;
}
