// @vitest-environment happy-dom
import type { OffsiteRemote, RecoveryJob } from '@contract';
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { LAZY, NOW, renderApp } from './helpers/renderApp';

afterEach(cleanup);

const unset: OffsiteRemote = { configured: false, endpoint: null, region: null, bucket: null, prefix: '', accessKeyId: null, hasSecret: false, lastCopy: null };
const saved: OffsiteRemote = {
  configured: true,
  endpoint: 'https://minio.lan:9000',
  region: 'us-east-1',
  bucket: 'backups',
  prefix: 'opsdeck',
  accessKeyId: 'AKIDOPS',
  hasSecret: true,
  lastCopy: { at: NOW, ok: false, message: 'S3 AccessDenied: Access Denied' },
};
const job: RecoveryJob = { id: 'j1', kind: 'offsite-push', subject: 'backups/opsdeck/', state: 'running', startedAt: NOW, finishedAt: null, progress: null, steps: null, message: null, canRollBack: false };

function recoveryHandlers(remote: () => OffsiteRemote) {
  return {
    'recovery.repository.status': () => ({ configured: true, path: '/data/backups', problem: null, snapshotCount: 0 }),
    'recovery.targets.list': () => [],
    'recovery.snapshots': () => [],
    'recovery.jobs.list': () => [],
    'recovery.plans.list': () => [],
    'recovery.drills.list': () => [],
    'recovery.remote.get': remote,
    'recovery.remote.set': () => saved,
    'recovery.remote.push': () => job,
  };
}

describe('Disaster Recovery: off-site copy', () => {
  beforeEach(() => history.replaceState(null, '', '/#/recovery'));

  it('saves the bucket with a write-only secret and shows nothing of it afterwards', async () => {
    let remote = unset;
    const { callsTo } = renderApp({ tab: 'recovery', handlers: recoveryHandlers(() => remote) });
    const panel = await screen.findByTestId('recovery-offsite', {}, LAZY);
    await within(panel).findByText(/No off-site copy yet/);
    const save = within(panel).getByTestId('offsite-save');
    expect(save).toHaveProperty('disabled', true);
    for (const [id, value] of [['offsite-endpoint', 'https://minio.lan:9000'], ['offsite-bucket', 'backups'], ['offsite-prefix', 'opsdeck'], ['offsite-access-key', 'AKIDOPS'], ['offsite-secret', 's3cr3t']]) {
      fireEvent.change(within(panel).getByTestId(id!), { target: { value } });
    }
    remote = saved;
    fireEvent.click(save);
    await waitFor(() =>
      expect(callsTo('recovery.remote.set').map((c) => c.input)).toEqual([{ endpoint: 'https://minio.lan:9000', region: 'us-east-1', bucket: 'backups', prefix: 'opsdeck', accessKeyId: 'AKIDOPS', secretAccessKey: 's3cr3t' }]),
    );
    await waitFor(() => expect(within(panel).getByTestId('offsite-last').textContent).toContain('failed: S3 AccessDenied: Access Denied'));
    expect(within(panel).getByTestId('offsite-secret')).toHaveProperty('value', '');
  });

  it('copies now and keeps the stored secret when the field is left empty', async () => {
    const { callsTo } = renderApp({ tab: 'recovery', handlers: recoveryHandlers(() => saved) });
    const panel = await screen.findByTestId('recovery-offsite', {}, LAZY);
    fireEvent.click(await within(panel).findByTestId('offsite-push'));
    await waitFor(() => expect(callsTo('recovery.remote.push')).toHaveLength(1));
    fireEvent.click(within(panel).getByTestId('offsite-save'));
    await waitFor(() => expect(callsTo('recovery.remote.set').map((c) => c.input)).toEqual([{ endpoint: 'https://minio.lan:9000', region: 'us-east-1', bucket: 'backups', prefix: 'opsdeck', accessKeyId: 'AKIDOPS' }]));
  });
});
