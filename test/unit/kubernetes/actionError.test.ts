import { describe, expect, it } from 'vitest';
import { OpsdeckError } from '../../../src/contract';
import { actionError } from '../../../src/kubernetes/actions';
import { KubeApiError } from '../../../src/kubernetes/kubeApiError';

describe('actionError', () => {
  it('maps API server answers to typed codes with the server’s words and the HTTP status', () => {
    const cases: [number, string][] = [
      [403, 'FORBIDDEN'],
      [404, 'NOT_FOUND'],
      [409, 'BAD_REQUEST'],
      [422, 'BAD_REQUEST'],
      [500, 'INTERNAL'],
    ];
    for (const [status, code] of cases) {
      const err = actionError(new KubeApiError('error', 'the server said so', status));
      expect([err.code, err.message]).toEqual([code, `the server said so (HTTP ${status})`]);
    }
  });

  it('treats network and credential failures as unavailable and keeps errors already typed', () => {
    expect(actionError(new KubeApiError('unreachable', 'connect ECONNREFUSED'))).toMatchObject({ code: 'UNAVAILABLE', message: 'connect ECONNREFUSED' });
    expect(actionError(new KubeApiError('unauthorized', 'Unauthorized', 401))).toMatchObject({ code: 'UNAVAILABLE' });
    const typed = new OpsdeckError('NOT_FOUND', 'no revision 3');
    expect(actionError(typed)).toBe(typed);
  });
});
