import fs from 'node:fs';
import path from 'node:path';
import type { SloDefinition } from '../../contract';
import { channels, OpsdeckError } from '../../contract';
import { writeAtomically } from '../../util/writeAtomically';

export const SLO_FILE_NAME = 'slos.json';

const definitionSchema = channels['slo.save'].input;

/** The SLO definitions: a JSON file in the data folder, replaced whole on every change. */
export class SloFile {
  readonly path: string;

  constructor(dataDir: string) {
    this.path = path.join(dataDir, SLO_FILE_NAME);
  }

  /** The definitions in file order; a file that does not parse is refused, never overwritten. */
  read(): SloDefinition[] {
    let text: string;
    try {
      text = fs.readFileSync(this.path, 'utf8');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw new OpsdeckError('UNAVAILABLE', `cannot read ${this.path}: ${(err as Error).message}`);
    }
    let list: unknown;
    try {
      list = (JSON.parse(text) as { slos?: unknown }).slos;
    } catch (err) {
      throw new OpsdeckError('UNAVAILABLE', `${this.path} is not JSON: ${(err as Error).message}`);
    }
    if (!Array.isArray(list)) throw new OpsdeckError('UNAVAILABLE', `${this.path} has no "slos" list.`);
    return list.map((entry, i) => {
      const parsed = definitionSchema.safeParse(entry);
      if (!parsed.success) {
        const issue = parsed.error.issues[0]!;
        throw new OpsdeckError('UNAVAILABLE', `${this.path}: SLO #${i + 1}: ${issue.path.join('.') || '(entry)'}: ${issue.message}`);
      }
      return parsed.data;
    });
  }

  write(definitions: SloDefinition[]): void {
    fs.mkdirSync(path.dirname(this.path), { recursive: true });
    writeAtomically(this.path, `${JSON.stringify({ slos: definitions }, null, 2)}\n`);
  }
}
