import { describe, expect, it } from 'vitest';
import { OpsdeckError } from '../../../src/contract';
import { dispatch, type Handlers } from '../../../src/host/dispatch';

const handlers = {
  'host.series': ({ range }: { range: string }) => ({ range, stepMs: 5000, from: 0, to: 1, points: [] }),
  'settings.update': () => {
    throw new Error('disk full');
  },
  'secrets.status': () => {
    throw new OpsdeckError('UNAVAILABLE', 'no keychain');
  },
} as unknown as Handlers;

describe('dispatch', () => {
  it('runs a valid request', async () => {
    expect(await dispatch(handlers, 'host.series', { range: '1h' })).toMatchObject({
      ok: true,
      value: { range: '1h' },
    });
  });

  it('rejects an unknown channel, including prototype names', async () => {
    for (const name of ['nope', 'toString', '__proto__', 42, null]) {
      const r = await dispatch(handlers, name, {});
      expect(r).toMatchObject({ ok: false, error: { code: 'UNKNOWN_CHANNEL' } });
    }
  });

  it('rejects a bad payload with the field and the reason', async () => {
    const r = await dispatch(handlers, 'host.series', { range: '2y' });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('BAD_REQUEST');
    expect(r.error.issues?.[0]?.path).toBe('range');
    expect(r.error.message).toMatch(/^Invalid payload for host\.series: range:/);
  });

  it('rejects unexpected fields and non-object payloads', async () => {
    expect(await dispatch(handlers, 'host.series', { range: '1h', extra: 1 })).toMatchObject({
      error: { code: 'BAD_REQUEST' },
    });
    expect(await dispatch(handlers, 'host.series', 'range=1h')).toMatchObject({
      error: { code: 'BAD_REQUEST', issues: [{ path: '(payload)' }] },
    });
  });

  it('turns a thrown error into a typed error instead of throwing', async () => {
    expect(await dispatch(handlers, 'settings.update', {})).toEqual({
      ok: false,
      error: { code: 'INTERNAL', message: 'settings.update failed: disk full' },
    });
    expect(await dispatch(handlers, 'secrets.status', {})).toEqual({
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'no keychain' },
    });
  });
});
