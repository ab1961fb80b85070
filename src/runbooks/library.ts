import fs from 'node:fs';
import path from 'node:path';
import { OpsdeckError, type Runbook, type RunbookLibraryInfo, type RunbookLink, type RunbookProblem, type RunbookSearchResult, type RunbookSummary } from '../contract';
import { resolveBinding } from './actions/binding';
import type { ActionRegistry } from './actions/registry';
import { alertLinks } from './alertLinks';
import type { FolderStore } from './folderStore';
import { RunbookFileError } from './frontMatter';
import { parseRunbookText, type ParsedRunbook } from './runbookFile';
import { RunbookSearchIndex, type SearchQuery } from './search/searchIndex';

export interface LibraryEntry extends ParsedRunbook {
  summary: RunbookSummary;
}

export interface RunbookLibraryOptions {
  /** The runbooks shipped with Opsdeck. */
  builtInDir: string;
  folders: FolderStore;
  registry: ActionRegistry;
  /** Called after a reload: a folder changed on disk, or was added or removed. */
  onChange: (info: RunbookLibraryInfo) => void;
  log: (message: string) => void;
  debounceMs?: number;
}

export const BUILT_IN = 'built-in';
const MAX_DEPTH = 8;
const MAX_FILES = 20_000;
const MAX_FILE_BYTES = 1_048_576;
const SKIPPED_DIRS = new Set(['node_modules', '.git']);

/** Markdown files under a folder, sorted; dot folders and node_modules are left out. */
function markdownFiles(root: string): string[] {
  const found: string[] = [];
  const walk = (dir: string, depth: number) => {
    const entries = fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name));
    for (const e of entries) {
      if (found.length >= MAX_FILES) return;
      const full = path.join(dir, e.name);
      if (e.isDirectory() && depth < MAX_DEPTH && !e.name.startsWith('.') && !SKIPPED_DIRS.has(e.name)) walk(full, depth + 1);
      else if (e.isFile() && /\.md$/i.test(e.name)) found.push(full);
    }
  };
  walk(root, 0);
  return found;
}

/**
 * The runbooks: the built-in library and the user's folders (watched), parsed, indexed for
 * search and linked to alerts. A file without front matter is not a runbook (a README) and is
 * left out; a runbook with problems is left out and listed with its file and line.
 */
export class RunbookLibrary {
  private entries = new Map<string, LibraryEntry>();
  private index = new RunbookSearchIndex([]);
  private problems: RunbookProblem[] = [];
  private counts = new Map<string, number>();
  private folderErrors = new Map<string, string>();
  private watchers: fs.FSWatcher[] = [];
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RunbookLibraryOptions) {}

  load(): void {
    const entries = new Map<string, LibraryEntry>();
    const problems: RunbookProblem[] = [];
    this.counts = new Map();
    this.folderErrors = new Map();
    // The user's folders first: a team's runbook with a built-in's id replaces it.
    const sources: [string, string][] = [...this.options.folders.list().map((f): [string, string] => [f, f]), [BUILT_IN, this.options.builtInDir]];
    for (const [source, dir] of sources) {
      let files: string[];
      try {
        files = markdownFiles(dir);
      } catch (err) {
        this.folderErrors.set(source, (err as Error).message);
        continue;
      }
      let count = 0;
      for (const file of files) {
        const entry = this.read(file, source, problems);
        if (!entry) continue;
        const existing = entries.get(entry.id);
        if (existing) {
          problems.push({ file, line: 1, message: `not loaded: the id ${entry.id} is already used by ${existing.summary.path}` });
          continue;
        }
        entries.set(entry.id, entry);
        count++;
      }
      this.counts.set(source, count);
    }
    this.entries = entries;
    this.problems = problems;
    this.index = new RunbookSearchIndex([...entries.values()].map((e) => ({ summary: e.summary, text: e.text })));
  }

  private read(file: string, source: string, problems: RunbookProblem[]): LibraryEntry | null {
    let text: string;
    try {
      if (fs.statSync(file).size > MAX_FILE_BYTES) {
        problems.push({ file, line: 1, message: `not loaded: larger than ${MAX_FILE_BYTES} bytes` });
        return null;
      }
      text = fs.readFileSync(file, 'utf8');
    } catch (err) {
      problems.push({ file, line: 1, message: `cannot read the file: ${(err as Error).message}` });
      return null;
    }
    if (!/^---\s*(\r?\n|$)/.test(text)) return null;
    try {
      const parsed = parseRunbookText(text, this.options.registry);
      const summary: RunbookSummary = { id: parsed.id, title: parsed.title, category: parsed.category, severity: parsed.severity, tags: parsed.tags, source, path: file };
      return { ...parsed, summary };
    } catch (err) {
      if (!(err instanceof RunbookFileError)) throw err;
      problems.push({ file, line: err.line, message: err.message });
      return null;
    }
  }

  /** Watches the user's folders; a change reloads the library once the changes settle. */
  watch(): void {
    this.unwatch();
    for (const folder of this.options.folders.list()) {
      try {
        const watcher = fs.watch(folder, { recursive: true }, () => this.changed());
        watcher.on('error', (err) => this.options.log(`runbooks: watching ${folder} stopped: ${err.message}`));
        this.watchers.push(watcher);
      } catch (err) {
        this.options.log(`runbooks: cannot watch ${folder}: ${(err as Error).message}`);
      }
    }
  }

  private changed(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timer = null;
      this.reload();
    }, this.options.debounceMs ?? 250);
  }

  reload(): void {
    try {
      this.load();
    } catch (err) {
      this.options.log(`runbooks: reading the library failed: ${(err as Error).message}`);
    }
    this.watch();
    this.options.onChange(this.info());
  }

  private unwatch(): void {
    for (const w of this.watchers) w.close();
    this.watchers = [];
  }

  stop(): void {
    this.unwatch();
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  info(): RunbookLibraryInfo {
    return {
      builtIn: { path: this.options.builtInDir, count: this.counts.get(BUILT_IN) ?? 0 },
      folders: this.options.folders.list().map((f) => ({ path: f, count: this.counts.get(f) ?? 0, error: this.folderErrors.get(f) ?? null })),
      problems: this.problems,
      total: this.entries.size,
    };
  }

  search(query: SearchQuery): RunbookSearchResult {
    return this.index.search(query);
  }

  find(id: string): LibraryEntry | null {
    return this.entries.get(id) ?? null;
  }

  entry(id: string): LibraryEntry {
    const entry = this.entries.get(id);
    if (!entry) throw new OpsdeckError('NOT_FOUND', `No runbook with id ${id}.`);
    return entry;
  }

  /** A runbook as the view shows it; actions' placeholders stay open (no alert yet). */
  get(id: string): Runbook {
    const e = this.entry(id);
    return {
      ...e.summary,
      prerequisites: e.prerequisites,
      objectives: e.objectives,
      relatedAlerts: e.relatedAlerts,
      body: e.body,
      toc: e.toc,
      steps: e.steps.map((s) => {
        const kind = s.binding ? this.options.registry.get(s.binding.kind) : undefined;
        return { index: s.index, title: s.title, blocks: s.blocks, action: s.binding && kind ? resolveBinding(s.binding, kind, {}) : null };
      }),
    };
  }

  forAlert(alert: { labels: Record<string, string>; annotations: Record<string, string> }): RunbookLink[] {
    return alertLinks([...this.entries.values()], alert);
  }
}
