import { describe, expect, it } from 'vitest';
import { OpsdeckError } from '../../../src/contract';
import { engineFailure, requestError } from '../../../src/docker/engineError';

const netError = (code: string, message: string, syscall = 'connect') => Object.assign(new Error(message), { code, syscall });
const httpError = (statusCode: number, message: string) => Object.assign(new Error(`(HTTP code ${statusCode}) ${message}`), { statusCode, json: { message } });

describe('engine errors', () => {
  it('tells an engine that cannot be reached from one that answered with an error', () => {
    expect(engineFailure(netError('ENOENT', 'connect ENOENT /run/docker.sock'))).toEqual({
      state: 'unreachable',
      message: 'connect ENOENT /run/docker.sock (the socket does not exist: is the engine running?)',
    });
    expect(engineFailure(netError('ENOENT', "ENOENT: no such file or directory, open '/certs/ca.pem'", 'open'))).toEqual({
      state: 'unreachable',
      message: "ENOENT: no such file or directory, open '/certs/ca.pem'",
    });
    expect(engineFailure(netError('SELF_SIGNED_CERT_IN_CHAIN', 'self-signed certificate in certificate chain')).state).toBe('unreachable');
    expect(engineFailure(httpError(500, 'page not found'))).toEqual({ state: 'error', message: 'page not found' });
    expect(engineFailure(new OpsdeckError('UNAVAILABLE', 'not in the keychain'))).toEqual({ state: 'error', message: 'not in the keychain' });
  });

  it('gives a failed request the error code that matches the engine’s status, in its own words', () => {
    const e = (err: unknown) => {
      const r = requestError(err, 'container.start web');
      return `${r.code} ${r.message}`;
    };
    expect(e(httpError(404, 'No such container: abc'))).toBe('NOT_FOUND container.start web: No such container: abc');
    expect(e(httpError(304, 'container already started'))).toBe('BAD_REQUEST container.start web: container already started');
    expect(e(httpError(409, 'conflict: unable to delete'))).toBe('BAD_REQUEST container.start web: conflict: unable to delete');
    expect(e(httpError(403, 'denied by policy'))).toBe('FORBIDDEN container.start web: denied by policy');
    expect(e(netError('ECONNREFUSED', 'connect ECONNREFUSED'))).toBe('UNAVAILABLE container.start web: connect ECONNREFUSED');
    expect(e(httpError(500, 'boom'))).toBe('INTERNAL container.start web: boom');
    expect(e(new OpsdeckError('UNAVAILABLE', 'Engine x is unreachable.'))).toBe('UNAVAILABLE Engine x is unreachable.');
  });
});
