import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { KubeconfigWatcher } from '../../../src/kubernetes/kubeconfigWatcher';
import { tempDir } from '../../helpers/tempDir';

const watchers: KubeconfigWatcher[] = [];
afterEach(() => watchers.splice(0).forEach((w) => w.stop()));

/** Resolves on the watcher's next change report. */
function watch(files: string[]) {
  let notify: () => void = () => undefined;
  const errors: string[] = [];
  const watcher = new KubeconfigWatcher(files, () => notify(), (m) => errors.push(m), 20);
  watchers.push(watcher);
  watcher.start();
  return { next: () => new Promise<void>((resolve) => (notify = resolve)), errors };
}

describe('kubeconfig watcher', () => {
  it('reports a change to a watched file, including one replaced by a rename', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'config');
    fs.writeFileSync(file, 'a');
    const w = watch([file]);
    let changed = w.next();
    fs.writeFileSync(file, 'b');
    await changed;
    changed = w.next();
    fs.writeFileSync(`${file}.tmp`, 'c');
    fs.renameSync(`${file}.tmp`, file);
    await changed;
    expect(w.errors).toEqual([]);
  });

  it('sees a file created in a folder that did not exist when watching began', async () => {
    const dir = tempDir();
    const file = path.join(dir, '.kube', 'config');
    const w = watch([file]);
    let changed = w.next();
    fs.mkdirSync(path.dirname(file));
    await changed;
    changed = w.next();
    fs.writeFileSync(file, 'apiVersion: v1');
    await changed;
  });
});
