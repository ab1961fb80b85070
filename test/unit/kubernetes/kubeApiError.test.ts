import { describe, expect, it } from 'vitest';
import { failureFromBody, failureFromStatus } from '../../../src/kubernetes/kubeApiError';

describe('API failures', () => {
  it('takes the kind from the code and the message from the server', () => {
    const status = (code: number, message: string) => ({ kind: 'Status', apiVersion: 'v1', status: 'Failure', code, message });
    expect(failureFromStatus(status(410, 'too old resource version: 5 (9)'))).toMatchObject({ kind: 'gone', status: 410, message: 'too old resource version: 5 (9)' });
    expect(failureFromBody(401, JSON.stringify(status(401, 'Unauthorized')))).toMatchObject({ kind: 'unauthorized', message: 'Unauthorized' });
    expect(failureFromBody(403, JSON.stringify(status(403, 'pods is forbidden: User "dev" cannot list resource "pods"')))).toMatchObject({
      kind: 'forbidden',
      message: 'pods is forbidden: User "dev" cannot list resource "pods"',
    });
    expect(failureFromBody(500, JSON.stringify(status(500, 'etcdserver: request timed out')))).toMatchObject({ kind: 'error', status: 500 });
  });

  it('keeps a proxy’s plain-text answer, or names the status when there is none', () => {
    expect(failureFromBody(502, 'Bad gateway: upstream connect error\n')).toMatchObject({ kind: 'error', message: 'Bad gateway: upstream connect error' });
    expect(failureFromBody(401, '')).toMatchObject({ kind: 'unauthorized', message: '401 Unauthorized' });
  });
});
