import fs from 'node:fs';
import path from 'node:path';

/** The folder to watch for a file: its own, or the nearest one that exists, so a file created later is seen. */
function watchTarget(file: string): { dir: string; entry: string } {
  let child = file;
  let dir = path.dirname(file);
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) {
    child = dir;
    dir = path.dirname(dir);
  }
  return { dir, entry: path.basename(child) };
}

/**
 * Watches the folders of the kubeconfig files (editors and kubectl replace files,
 * which a watch on the file itself would lose) and calls onChange once a burst of
 * events has settled.
 */
export class KubeconfigWatcher {
  private watchers: fs.FSWatcher[] = [];
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly files: string[],
    private readonly onChange: () => void,
    private readonly onError: (message: string) => void,
    private readonly debounceMs = 200,
  ) {}

  start(): void {
    this.arm();
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
    this.disarm();
  }

  private arm(): void {
    const entriesByDir = new Map<string, Set<string>>();
    for (const file of this.files) {
      const { dir, entry } = watchTarget(file);
      const entries = entriesByDir.get(dir) ?? new Set<string>();
      entries.add(entry);
      entriesByDir.set(dir, entries);
    }
    for (const [dir, entries] of entriesByDir) {
      try {
        const watcher = fs.watch(dir, { persistent: false }, (_event, name) => {
          if (name === null || entries.has(String(name))) this.schedule();
        });
        watcher.on('error', () => this.schedule());
        this.watchers.push(watcher);
      } catch (err) {
        this.onError(`cannot watch ${dir} for kubeconfig changes: ${(err as Error).message}`);
      }
    }
  }

  private disarm(): void {
    for (const w of this.watchers.splice(0)) w.close();
  }

  private schedule(): void {
    if (this.stopped) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      // A folder may have appeared or gone: watch the right ones again.
      this.disarm();
      this.arm();
      this.onChange();
    }, this.debounceMs);
  }
}
