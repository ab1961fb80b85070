import fs from 'node:fs';
import path from 'node:path';
import { OpsdeckError, READ_ONLY_RULE_PREFIXES, type RuleFileInfo, type RuleFileText } from '../../contract';
import { parseRuleFile, type ParsedRuleFile } from './ruleFile';

/** Default rule files are named with this prefix, so they never clash with the user's. */
export const DEFAULTS_PREFIX = READ_ONLY_RULE_PREFIXES.defaults;
/** Rule files Opsdeck generates (an SLO's burn-rate alerts) are named with this prefix, read-only. */
export const GENERATED_PREFIX = READ_ONLY_RULE_PREFIXES.generated;
const RULE_FILE = /\.ya?ml$/;

export interface RuleFileEntry {
  /** The user's file name, or defaults/<name> for a shipped one, generated/<name> for a generated one. */
  name: string;
  path: string;
  readOnly: boolean;
  parsed: ParsedRuleFile;
}

export interface RuleFolderOptions {
  /** The user's rule files (created when missing). */
  dir: string;
  /** Rule files shipped with Opsdeck, read-only; null for none. */
  defaultsDir: string | null;
  /** Rule files written by Opsdeck itself (SLO alerts), read-only here; whoever writes them reloads the engine. */
  generatedDir?: string;
  /** Called once changes settle after the folder changed on disk. */
  onChange: () => void;
  debounceMs?: number;
  log: (message: string) => void;
}

function ruleFilesIn(dir: string): string[] {
  try {
    return fs
      .readdirSync(dir, { withFileTypes: true })
      .filter((e) => e.isFile() && RULE_FILE.test(e.name))
      .map((e) => e.name)
      .sort();
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw err;
  }
}

/** The rule files on disk: read, written atomically, and watched. */
export class RuleFolder {
  private watcher: fs.FSWatcher | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly options: RuleFolderOptions) {
    fs.mkdirSync(options.dir, { recursive: true });
    if (options.defaultsDir && !fs.existsSync(options.defaultsDir)) options.log(`rules: the default rule files are missing: no folder ${options.defaultsDir}`);
  }

  read(): RuleFileEntry[] {
    const entries: RuleFileEntry[] = [];
    const add = (dir: string, file: string, prefix: string | null) => {
      const name = `${prefix ?? ''}${file}`;
      const readOnly = prefix !== null;
      const full = path.join(dir, file);
      let text: string;
      try {
        text = fs.readFileSync(full, 'utf8');
      } catch (err) {
        entries.push({ name, path: full, readOnly, parsed: { groups: [], problems: [{ file: name, line: 1, column: 1, message: `cannot read the file: ${(err as Error).message}` }] } });
        return;
      }
      entries.push({ name, path: full, readOnly, parsed: parseRuleFile(name, text) });
    };
    const { defaultsDir, generatedDir, dir } = this.options;
    if (defaultsDir) for (const file of ruleFilesIn(defaultsDir)) add(defaultsDir, file, DEFAULTS_PREFIX);
    if (generatedDir) for (const file of ruleFilesIn(generatedDir)) add(generatedDir, file, GENERATED_PREFIX);
    for (const file of ruleFilesIn(dir)) add(dir, file, null);
    return entries;
  }

  /** The text of a file read() lists; any other name, however it is spelled, is NOT_FOUND. */
  readText(name: string): RuleFileText {
    const { defaultsDir, generatedDir, dir } = this.options;
    const [folder, file] = name.startsWith(DEFAULTS_PREFIX)
      ? [defaultsDir, name.slice(DEFAULTS_PREFIX.length)]
      : name.startsWith(GENERATED_PREFIX)
        ? [generatedDir, name.slice(GENERATED_PREFIX.length)]
        : [dir, name];
    // Only names listed in the folder: nothing outside it, no links, no folders.
    if (!folder || !ruleFilesIn(folder).includes(file)) throw new OpsdeckError('NOT_FOUND', `No rule file ${name}`);
    return { name, text: fs.readFileSync(path.join(folder, file), 'utf8'), readOnly: file !== name };
  }

  /** Writes a file whole: a reader sees the old text or the new one, never a part. */
  write(name: string, text: string): void {
    const target = path.join(this.options.dir, name);
    const temp = path.join(this.options.dir, `.${name}.${process.pid}.tmp`);
    fs.writeFileSync(temp, text, { mode: 0o600 });
    try {
      fs.renameSync(temp, target);
    } catch (err) {
      fs.rmSync(temp, { force: true });
      throw err;
    }
  }

  watch(): void {
    try {
      this.watcher = fs.watch(this.options.dir, (_event, file) => {
        if (file && !RULE_FILE.test(file)) return;
        if (this.timer) clearTimeout(this.timer);
        this.timer = setTimeout(() => {
          this.timer = null;
          this.options.onChange();
        }, this.options.debounceMs ?? 250);
      });
      this.watcher.on('error', (err) => this.options.log(`rules: watching ${this.options.dir} stopped: ${err.message}`));
    } catch (err) {
      this.options.log(`rules: cannot watch ${this.options.dir}: ${(err as Error).message}`);
    }
  }

  stop(): void {
    this.watcher?.close();
    this.watcher = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}

export const fileInfo = (entry: RuleFileEntry): RuleFileInfo => ({
  name: entry.name,
  path: entry.path,
  readOnly: entry.readOnly,
  groups: entry.parsed.groups.length,
  problems: entry.parsed.problems,
});
