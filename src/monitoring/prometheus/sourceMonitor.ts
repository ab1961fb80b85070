import type { PromConnectionTest, PromSourceInfo, PromSourceState } from '../../contract';
import { Backoff, type BackoffOptions } from '../../util/backoff';
import type { PromClient } from './client';
import { stateOf } from './requestError';
import type { SourceRecord } from './sourceStore';

export interface MonitorOptions {
  /** How often a connected source is checked again. */
  recheckMs: number;
  /** How long one check may take. */
  timeoutMs: number;
  backoff?: BackoffOptions;
}

/** Connects (reading credentials as needed) and asks the server for its version. */
export async function testConnection(client: () => Promise<PromClient>, timeoutMs: number): Promise<PromConnectionTest> {
  try {
    const { version } = await (await client()).probe({ timeoutMs });
    return { state: 'connected', message: null, version };
  } catch (err) {
    return { state: stateOf(err), message: err instanceof Error ? err.message : String(err), version: null };
  }
}

/**
 * One source's connection state: checked at start, again every recheckMs while connected,
 * and with backoff while it fails. onChange fires when state, message or version change.
 */
export class SourceMonitor {
  private state: PromSourceState = 'connecting';
  private message: string | null = null;
  private version: string | null = null;
  private lastCheckedAt: number | null = null;
  private nextCheckAt: number | null = null;
  private timer: NodeJS.Timeout | undefined;
  /** Bumped by every check and by stop, so an older check's answer is dropped. */
  private generation = 0;
  private readonly backoff: Backoff;

  constructor(
    readonly record: SourceRecord,
    private readonly client: () => Promise<PromClient>,
    private readonly options: MonitorOptions,
    private readonly onChange: () => void,
  ) {
    this.backoff = new Backoff(options.backoff);
  }

  start(): void {
    void this.check();
  }

  stop(): void {
    this.generation++;
    clearTimeout(this.timer);
  }

  info(): PromSourceInfo {
    const { id, name, url, auth, username } = this.record;
    return {
      id,
      name,
      url,
      auth,
      username,
      state: this.state,
      message: this.message,
      version: this.version,
      lastCheckedAt: this.lastCheckedAt,
      nextCheckAt: this.nextCheckAt,
    };
  }

  /** Checks now instead of at the next scheduled time. */
  async check(): Promise<PromConnectionTest> {
    const generation = ++this.generation;
    clearTimeout(this.timer);
    this.nextCheckAt = null;
    const result = await testConnection(this.client, this.options.timeoutMs);
    if (generation !== this.generation) return result;
    const changed = result.state !== this.state || result.message !== this.message || result.version !== this.version;
    this.state = result.state;
    this.message = result.message;
    this.version = result.version;
    this.lastCheckedAt = Date.now();
    if (result.state === 'connected') this.backoff.reset();
    const delay = result.state === 'connected' ? this.options.recheckMs : this.backoff.next();
    this.nextCheckAt = this.lastCheckedAt + delay;
    this.timer = setTimeout(() => void this.check(), delay);
    this.timer.unref();
    if (changed) this.onChange();
    return result;
  }
}
