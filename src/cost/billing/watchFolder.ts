import fs from 'node:fs';
import path from 'node:path';
import { formatOf } from './focusSource';

export interface WatchFolderOptions {
  dir: string;
  /** A FOCUS file appeared or changed and has stopped growing. */
  onFile: (file: string) => Promise<unknown>;
  log: (message: string) => void;
  /** How often the folder is looked at again (a change event looks sooner); 5 s unless a test asks otherwise. */
  pollMs?: number;
}

/**
 * Watches a folder for FOCUS files (.csv, .csv.gz, .parquet). A file is handed over once its size and
 * modification time hold still between two looks (an export still being copied is left alone), and
 * again only when it changes.
 */
export class WatchFolder {
  private readonly seen = new Map<string, string>();
  private readonly pending = new Map<string, string>();
  private watcher: fs.FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;
  private scanning = false;
  private stopped = false;

  constructor(private readonly options: WatchFolderOptions) {}

  get dir(): string {
    return this.options.dir;
  }

  start(): void {
    try {
      fs.mkdirSync(this.options.dir, { recursive: true });
      this.watcher = fs.watch(this.options.dir, () => this.soon());
      this.watcher.on('error', (err) => this.options.log(`billing folder watch stopped: ${err.message}`));
    } catch (err) {
      this.options.log(`billing folder ${this.options.dir} is not watched: ${(err as Error).message}`);
    }
    this.timer = setInterval(() => void this.scan(), this.options.pollMs ?? 5000);
    this.timer.unref();
    void this.scan();
  }

  stop(): void {
    this.stopped = true;
    this.watcher?.close();
    if (this.timer) clearInterval(this.timer);
  }

  private soon(): void {
    setTimeout(() => void this.scan(), 500).unref();
  }

  private async scan(): Promise<void> {
    if (this.scanning || this.stopped) return;
    this.scanning = true;
    try {
      const names = await fs.promises.readdir(this.options.dir).catch(() => [] as string[]);
      for (const name of names.sort()) {
        const file = path.join(this.options.dir, name);
        if (!formatOf(file) || this.stopped) continue;
        const stat = await fs.promises.stat(file).catch(() => null);
        if (!stat?.isFile()) continue;
        const signature = `${stat.size}:${stat.mtimeMs}`;
        if (this.seen.get(file) === signature) continue;
        if (this.pending.get(file) !== signature) {
          this.pending.set(file, signature);
          this.soon();
          continue;
        }
        this.pending.delete(file);
        this.seen.set(file, signature);
        await this.options.onFile(file).catch((err: Error) => this.options.log(`billing file ${file} not imported: ${err.message}`));
      }
    } finally {
      this.scanning = false;
    }
  }
}
