import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { alertsHandlers, type AlertsDeps } from '../../../../src/host/handlers/alerts';
import { dispatch, type Handlers } from '../../../../src/host/dispatch';
import { RuleEngine, type RuleEngineOptions } from '../../../../src/monitoring/rules/ruleEngine';
import { RuleFolder } from '../../../../src/monitoring/rules/ruleFolder';

const USER = 'groups:\n  - name: mine\n    rules: []\n';
const DEFAULT = 'groups:\n  - name: shipped\n    rules: []\n';
const GENERATED = 'groups:\n  - name: slo-api\n    rules: []\n';
const SECRET = 'not a rule file';

let root: string;
let folder: RuleFolder;
let handlers: Handlers;

beforeEach(() => {
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'opsdeck-rules-read-'));
  const dir = path.join(root, 'rules');
  const defaultsDir = path.join(root, 'defaults');
  const generatedDir = path.join(root, 'generated');
  for (const d of [dir, defaultsDir, generatedDir]) fs.mkdirSync(d);
  fs.writeFileSync(path.join(dir, 'mine.yml'), USER);
  fs.mkdirSync(path.join(dir, 'folder.yml'));
  fs.writeFileSync(path.join(defaultsDir, 'host.yml'), DEFAULT);
  fs.writeFileSync(path.join(generatedDir, 'slo-api.yml'), GENERATED);
  // Readable only through a way out of the rules folders.
  fs.writeFileSync(path.join(root, 'outside.yml'), SECRET);
  fs.symlinkSync(path.join(root, 'outside.yml'), path.join(dir, 'link.yml'));
  folder = new RuleFolder({ dir, defaultsDir, generatedDir, onChange: () => undefined, log: () => undefined });
  // rules.read needs only the engine's folder; the other parts are not reached.
  const engine = new RuleEngine({ folder } as unknown as RuleEngineOptions);
  handlers = alertsHandlers({ engine } as unknown as AlertsDeps) as unknown as Handlers;
});

afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

const read = (name: unknown) => dispatch(handlers, 'rules.read', { name });

describe('rules.read', () => {
  it("returns a user file's text, editable", async () => {
    expect(await read('mine.yml')).toEqual({ ok: true, value: { name: 'mine.yml', text: USER, readOnly: false } });
  });

  it('returns the shipped and the generated files read-only', async () => {
    expect(await read('defaults/host.yml')).toEqual({ ok: true, value: { name: 'defaults/host.yml', text: DEFAULT, readOnly: true } });
    expect(await read('generated/slo-api.yml')).toEqual({ ok: true, value: { name: 'generated/slo-api.yml', text: GENERATED, readOnly: true } });
  });

  it('answers NOT_FOUND for a name no folder lists', async () => {
    for (const name of ['missing.yml', 'defaults/missing.yml', 'generated/mine.yml', 'host.yml', 'folder.yml', 'link.yml']) {
      expect(await read(name), name).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
    }
  });

  it('refuses names that leave the rules folders before reading anything', async () => {
    const attempts = [
      '../outside.yml',
      'defaults/../outside.yml',
      'generated/../../outside.yml',
      '..%2Foutside.yml',
      '..\\outside.yml',
      '/etc/outside.yml',
      path.join(root, 'outside.yml'),
      'defaults/sub/host.yml',
      'other/host.yml',
      '.hidden.yml',
      'mine.yml\0',
      'mine.txt',
      '',
      42,
    ];
    for (const name of attempts) {
      expect(await read(name), String(name)).toMatchObject({ ok: false, error: { code: 'BAD_REQUEST' } });
    }
  });

  it('keeps the folder itself to the names it lists, whatever the caller passes', () => {
    for (const name of ['../outside.yml', 'defaults/../outside.yml', 'generated/../rules/mine.yml', 'link.yml']) {
      expect(() => folder.readText(name), name).toThrow(expect.objectContaining({ code: 'NOT_FOUND' }));
    }
  });
});
