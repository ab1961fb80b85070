import { OpsdeckError, type ErrorCode, type PromSourceState } from '../../contract';

/**
 * Why a request failed: the server could not be reached, refused the credentials, answered
 * with a Prometheus API error (errorType and error), or answered something else.
 */
export type PromFailure = 'unreachable' | 'unauthorized' | 'api' | 'protocol';

export class PromRequestError extends Error {
  constructor(
    readonly failure: PromFailure,
    message: string,
    /** Prometheus's errorType for api failures (bad_data, execution, timeout, ...). */
    readonly errorType: string | null = null,
    readonly status: number | null = null,
  ) {
    super(message);
    this.name = 'PromRequestError';
  }
}

/** Prometheus's error types that mean the query itself is wrong. */
const CALLER_ERRORS = new Set(['bad_data', 'execution']);

function codeOf(err: PromRequestError): ErrorCode {
  if (err.failure === 'unauthorized') return 'FORBIDDEN';
  if (err.failure !== 'api') return 'UNAVAILABLE';
  if (err.errorType && CALLER_ERRORS.has(err.errorType)) return 'BAD_REQUEST';
  return err.errorType === 'not_found' ? 'NOT_FOUND' : 'UNAVAILABLE';
}

/** What the caller sees: API errors in Prometheus's own words, the others prefixed with the source. */
export function toOpsdeckError(err: unknown, sourceName: string): Error {
  if (!(err instanceof PromRequestError)) return err instanceof Error ? err : new Error(String(err));
  const message = err.failure === 'api' ? err.message : `Source "${sourceName}": ${err.message}`;
  return new OpsdeckError(codeOf(err), message);
}

export function stateOf(err: unknown): Exclude<PromSourceState, 'connecting' | 'connected'> {
  if (err instanceof PromRequestError && (err.failure === 'unreachable' || err.failure === 'unauthorized')) return err.failure;
  return 'error';
}
