import type { DockerEngineState } from '../contract';
import { OpsdeckError } from '../contract';

interface EngineErrorShape {
  code?: string;
  syscall?: string;
  statusCode?: number;
  json?: { message?: string } | null;
  reason?: string;
  message?: string;
}

/** Network and TLS failures: the engine could not be reached at all. */
const UNREACHABLE = /^(ECONNREFUSED|ENOENT|EACCES|ECONNRESET|EPIPE|ETIMEDOUT|EHOSTUNREACH|ENETUNREACH|ENOTFOUND|EAI_AGAIN|ERR_TLS_|CERT_|DEPTH_ZERO_SELF_SIGNED_CERT|UNABLE_TO_VERIFY_LEAF_SIGNATURE|SELF_SIGNED_CERT_IN_CHAIN|ERR_SSL_)/;

/** The engine's own words for a refused request (its JSON message), else the error's. */
export function engineMessage(err: unknown): string {
  const e = (err ?? {}) as EngineErrorShape;
  return (e.json?.message ?? e.message ?? String(err)).trim();
}

/** How a failed connection attempt shows: unreachable (with a hint for a missing socket) or error. */
export function engineFailure(err: unknown): { state: DockerEngineState; message: string } {
  const e = (err ?? {}) as EngineErrorShape;
  if (err instanceof OpsdeckError) return { state: 'error', message: err.message };
  if (e.code && UNREACHABLE.test(e.code)) {
    const hint = e.code === 'ENOENT' && e.syscall === 'connect' ? ' (the socket does not exist: is the engine running?)' : '';
    return { state: 'unreachable', message: `${engineMessage(err)}${hint}` };
  }
  return { state: e.statusCode ? 'error' : 'unreachable', message: engineMessage(err) };
}

/** A failed request as the caller sees it: the engine's words with the matching error code. */
export function requestError(err: unknown, what: string): OpsdeckError {
  if (err instanceof OpsdeckError) return err;
  const e = (err ?? {}) as EngineErrorShape;
  const message = `${what}: ${engineMessage(err)}`;
  if (e.statusCode === 404) return new OpsdeckError('NOT_FOUND', message);
  if (e.statusCode === 304 || e.statusCode === 400 || e.statusCode === 409) return new OpsdeckError('BAD_REQUEST', message);
  if (e.statusCode === 401 || e.statusCode === 403) return new OpsdeckError('FORBIDDEN', message);
  if (!e.statusCode && e.code && UNREACHABLE.test(e.code)) return new OpsdeckError('UNAVAILABLE', message);
  return new OpsdeckError('INTERNAL', message);
}
