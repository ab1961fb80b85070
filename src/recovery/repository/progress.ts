import type { Progress, ProgressListener } from './types';

const EVERY_MS = 200;

/** Counts bytes and files for one operation and reports at most every 200 ms (and at the end). */
export class ProgressMeter {
  private phase: Progress['phase'];
  private bytesDone = 0;
  private filesDone = 0;
  private bytesTotal: number | undefined;
  private filesTotal: number | undefined;
  private readonly started = performance.now();
  private lastReport = 0;

  constructor(
    phase: Progress['phase'],
    private readonly listener: ProgressListener | undefined,
  ) {
    this.phase = phase;
  }

  /** Moves to the next phase and says so at once. */
  enter(phase: Progress['phase']): void {
    this.phase = phase;
    this.report(true);
  }

  setTotals(bytes: number | undefined, files: number | undefined): void {
    this.bytesTotal = bytes;
    this.filesTotal = files;
    this.report(true);
  }

  bytes(n: number): void {
    this.bytesDone += n;
    this.report(false);
  }

  /** A file is done; `reusedBytes` are bytes it did not read because they were unchanged. */
  file(reusedBytes = 0): void {
    this.filesDone++;
    this.bytesDone += reusedBytes;
    this.report(false);
  }

  report(force: boolean): void {
    if (!this.listener) return;
    const now = performance.now();
    if (!force && now - this.lastReport < EVERY_MS) return;
    this.lastReport = now;
    const seconds = (now - this.started) / 1000;
    this.listener({
      phase: this.phase,
      bytesDone: this.bytesDone,
      bytesTotal: this.bytesTotal,
      filesDone: this.filesDone,
      filesTotal: this.filesTotal,
      bytesPerSecond: seconds > 0 ? Math.round(this.bytesDone / seconds) : 0,
    });
  }
}
