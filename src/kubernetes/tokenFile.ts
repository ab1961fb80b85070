import fs from 'node:fs/promises';
import path from 'node:path';
import { loadClientNode } from './clientNode';
import { KubeApiError } from './kubeApiError';

/** kubectl reads a token file again at most this often, so a rotated token is picked up. */
const REREAD_MS = 60_000;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Takes the `token-file` entries out of a kubeconfig's users before client-node sees them:
 * it would read each file once, at load, relative to the working directory, untrimmed, and
 * drop the user when the file is missing. kubectl resolves the path against the kubeconfig's
 * folder and reads the file when it makes requests; a `token` beside it wins.
 */
export async function separateTokenFiles(text: string, dir: string): Promise<{ text: string; tokenFiles: Map<string, string> }> {
  const tokenFiles = new Map<string, string>();
  const { loadYaml, dumpYaml } = await loadClientNode();
  let doc: unknown;
  try {
    doc = loadYaml(text);
  } catch {
    // client-node reports the same problem when it parses the text
    return { text, tokenFiles };
  }
  const users = isObject(doc) && Array.isArray(doc.users) ? doc.users : [];
  let changed = false;
  for (const entry of users) {
    if (!isObject(entry) || typeof entry.name !== 'string' || !isObject(entry.user)) continue;
    const file = entry.user['token-file'];
    if (typeof file !== 'string' || file === '') continue;
    if (!entry.user.token) tokenFiles.set(entry.name, path.resolve(dir, file));
    delete entry.user['token-file'];
    changed = true;
  }
  return { text: changed ? dumpYaml(doc) : text, tokenFiles };
}

/** A bearer token read from a file, again once a minute or after the server refused it. */
export class TokenFile {
  private token: string | undefined;
  private readAt = 0;

  constructor(
    readonly file: string,
    private readonly now: () => number = Date.now,
  ) {}

  async read(): Promise<string> {
    if (this.token !== undefined && this.now() - this.readAt < REREAD_MS) return this.token;
    let text: string;
    try {
      text = await fs.readFile(this.file, 'utf8');
    } catch (err) {
      throw new KubeApiError('credentials', `Could not read the token file: ${(err as Error).message}`);
    }
    const token = text.trim();
    if (!token) throw new KubeApiError('credentials', `The token file ${this.file} is empty`);
    this.token = token;
    this.readAt = this.now();
    return token;
  }

  /** The server refused the token: read the file again on the next request. */
  stale(): void {
    this.token = undefined;
  }
}
