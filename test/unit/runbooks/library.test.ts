import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { RunbookLibraryInfo } from '../../../src/contract';
import { FolderStore } from '../../../src/runbooks/folderStore';
import { BUILT_IN, RunbookLibrary } from '../../../src/runbooks/library';
import { openDatabase } from '../../../src/store/database';
import { eventually } from '../../helpers/eventually';
import { tempDir } from '../../helpers/tempDir';
import { runbookText } from '../../helpers/runbookText';
import { testRegistry } from './testRegistry';
import { dockerActionKinds } from '../../../src/runbooks/actions/docker';
import { silenceActionKind } from '../../../src/runbooks/actions/silence';
import { SilenceStore } from '../../../src/monitoring/rules/silenceStore';

const BUILT_IN_DIR = path.join(__dirname, '../../../resources/runbooks');

function library(changes: RunbookLibraryInfo[] = []) {
  const db = openDatabase(tempDir());
  const registry = testRegistry();
  registry.register(silenceActionKind(new SilenceStore(db), () => undefined));
  for (const kind of dockerActionKinds(async () => ({ message: 'done', auditId: 1 }))) registry.register(kind);
  const folders = new FolderStore(db);
  const lib = new RunbookLibrary({ builtInDir: BUILT_IN_DIR, folders, registry, onChange: (i) => changes.push(i), log: () => undefined, debounceMs: 20 });
  lib.load();
  return { lib, folders };
}

describe('the runbook library', () => {
  it('loads every built-in runbook without a problem', () => {
    const { lib } = library();
    const info = lib.info();
    expect(info.problems).toEqual([]);
    expect(info.builtIn.count).toBeGreaterThanOrEqual(12);
    for (const id of ['respond-to-alert', 'pod-crash-looping', 'node-not-ready', 'memory-pressure', 'disk-filling-up', 'deployment-rollback', 'performance-degradation', 'database-restore', 'full-system-restore', 'certificate-expiry', 'cost-spike', 'backup-failure']) {
      const runbook = lib.get(id);
      expect(runbook.source).toBe(BUILT_IN);
      expect(runbook.steps.length).toBeGreaterThan(2);
    }
    expect(lib.get('deployment-rollback').steps.find((s) => s.action)?.action).toMatchObject({ kind: 'rollback', params: expect.arrayContaining([{ name: 'revision', label: 'Revision', type: 'integer', value: null, fixed: false, placeholder: null }]) });
  });

  it('links alerts by annotation, alertname and labels', () => {
    const { lib } = library();
    const reasons = (labels: Record<string, string>, annotations: Record<string, string> = {}) => lib.forAlert({ labels, annotations }).map((l) => [l.runbook.id, l.reason]);
    expect(reasons({ alertname: 'KubernetesPodCrashLooping', severity: 'warning' })).toEqual([['pod-crash-looping', 'alertname']]);
    expect(reasons({ alertname: 'Custom', severity: 'critical' })).toEqual([['respond-to-alert', 'labels']]);
    expect(reasons({ alertname: 'Custom' }, { runbook: 'disk-filling-up' })).toEqual([['disk-filling-up', 'annotation']]);
    expect(reasons({ alertname: 'Custom' }, { runbook_url: 'https://git.example.com/sre/runbooks/blob/main/node-not-ready.md' })).toEqual([['node-not-ready', 'annotation']]);
    expect(reasons({ alertname: 'Custom' }, { runbook_url: 'https://wiki.example.com/unknown' })).toEqual([]);
  });

  it('reads a folder the user adds, lists broken files with their line, and follows changes on disk', async () => {
    const changes: RunbookLibraryInfo[] = [];
    const { lib, folders } = library(changes);
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'team'));
    fs.writeFileSync(path.join(dir, 'team', 'web.md'), runbookText());
    fs.writeFileSync(path.join(dir, 'broken.md'), runbookText({ matter: { severity: 'urgent' } }));
    fs.writeFileSync(path.join(dir, 'README.md'), '# Our runbooks\n');
    folders.add(dir);
    lib.reload();
    expect(lib.info().folders).toEqual([{ path: dir, count: 1, error: null }]);
    expect(lib.info().problems).toEqual([{ file: path.join(dir, 'broken.md'), line: 5, message: 'front matter: severity must be one of critical, high, medium, low' }]);
    expect(lib.search({ text: 'web', limit: 5 }).hits[0]!.runbook).toMatchObject({ id: 'web-down', source: dir });

    fs.writeFileSync(path.join(dir, 'team', 'web.md'), runbookText({ matter: { title: 'Web answers slowly' } }));
    await eventually(() => expect(lib.get('web-down').title).toBe('Web answers slowly'));
    expect(changes.length).toBeGreaterThan(1);
    lib.stop();
  });
});
