import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { seededBytes } from '../unit/recovery/repository/seededBytes';

export { seededBytes };

export interface EntryFacts {
  type: 'file' | 'dir' | 'symlink';
  mode: number;
  mtimeMs?: number;
  sha256?: string;
  linkTarget?: string;
}

/** Everything a restore must reproduce, per relative path: type, mode, mtime, content hash, link target. */
export function describeTree(root: string): Record<string, EntryFacts> {
  const facts: Record<string, EntryFacts> = {};
  const walk = (dir: string) => {
    for (const name of fs.readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      const rel = path.relative(root, full);
      const st = fs.lstatSync(full);
      if (st.isSymbolicLink()) facts[rel] = { type: 'symlink', mode: 0, linkTarget: fs.readlinkSync(full) };
      else if (st.isDirectory()) {
        facts[rel] = { type: 'dir', mode: st.mode & 0o7777 };
        walk(full);
      } else {
        facts[rel] = {
          type: 'file',
          mode: st.mode & 0o7777,
          mtimeMs: Math.floor(st.mtimeMs),
          sha256: crypto.createHash('sha256').update(fs.readFileSync(full)).digest('hex'),
        };
      }
    }
  };
  walk(root);
  return facts;
}

/** Many small files in nested folders, a big file, symlinks of every kind and a spread of modes. */
export function makeSourceTree(root: string, options: { smallFiles: number; bigBytes: number }): void {
  fs.mkdirSync(root, { recursive: true });
  for (let i = 0; i < options.smallFiles; i++) {
    const dir = path.join(root, 'small', `d${i % 17}`, `e${i % 5}`);
    fs.mkdirSync(dir, { recursive: true });
    const body = i % 2 === 0 ? Buffer.from(`line ${i}\n`.repeat(1 + (i % 300))) : seededBytes(`small-${i}`, 1 + ((i * 7919) % 9000));
    fs.writeFileSync(path.join(dir, `f${i}.${i % 2 === 0 ? 'txt' : 'bin'}`), body);
  }
  fs.writeFileSync(path.join(root, 'big.bin'), seededBytes('big', options.bigBytes));
  fs.writeFileSync(path.join(root, 'script.sh'), '#!/bin/sh\necho hi\n', { mode: 0o755 });
  fs.chmodSync(path.join(root, 'script.sh'), 0o755);
  fs.writeFileSync(path.join(root, 'secret.key'), 'k', { mode: 0o600 });
  fs.chmodSync(path.join(root, 'secret.key'), 0o600);
  fs.mkdirSync(path.join(root, 'private'), { mode: 0o700 });
  fs.chmodSync(path.join(root, 'private'), 0o700);
  fs.writeFileSync(path.join(root, 'private', 'notes.txt'), 'private notes');
  fs.symlinkSync('big.bin', path.join(root, 'link-to-file'));
  fs.symlinkSync('small/d1', path.join(root, 'link-to-dir'));
  fs.symlinkSync('does-not-exist', path.join(root, 'dangling'));
  fs.symlinkSync('/etc/hostname', path.join(root, 'absolute-link'));
  fs.utimesSync(path.join(root, 'secret.key'), 1_600_000_000, 1_600_000_000);
}
