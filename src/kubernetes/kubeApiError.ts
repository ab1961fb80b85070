import { STATUS_CODES } from 'node:http';
import { objectAt, stringAt } from './kinds/read';

/**
 * How a request to an API server failed, in the terms a context's state is told in:
 * unauthorized (401), forbidden (403), gone (410: relist), credentials (the kubeconfig's
 * auth could not be prepared), unreachable (network or TLS), error (any other answer).
 */
export type FailureKind = 'unauthorized' | 'forbidden' | 'gone' | 'credentials' | 'unreachable' | 'error';

export class KubeApiError extends Error {
  override name = 'KubeApiError';
  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly status: number | null = null,
  ) {
    super(message);
  }
}

function kindOfStatus(code: number): FailureKind {
  if (code === 401) return 'unauthorized';
  if (code === 403) return 'forbidden';
  if (code === 410) return 'gone';
  return 'error';
}

/** A failure from a Kubernetes Status object (an error answer's body, or a watch ERROR event), in the server's words. */
export function failureFromStatus(status: unknown, httpStatus?: number): KubeApiError {
  const s = objectAt(status);
  const code = typeof s.code === 'number' ? s.code : (httpStatus ?? 500);
  const message = stringAt(s.message) || `${code} ${STATUS_CODES[code] ?? 'error'}`;
  return new KubeApiError(kindOfStatus(code), message, code);
}

/** A failure from an error answer's body, which is a Status as JSON or, from proxies, any text. */
export function failureFromBody(httpStatus: number, body: string): KubeApiError {
  try {
    const parsed: unknown = JSON.parse(body);
    if (objectAt(parsed).kind === 'Status') return failureFromStatus(parsed, httpStatus);
  } catch {
    // not JSON: use the text below
  }
  const text = body.trim().slice(0, 300);
  const words = text || `${httpStatus} ${STATUS_CODES[httpStatus] ?? 'error'}`;
  return new KubeApiError(kindOfStatus(httpStatus), words, httpStatus);
}

export function asKubeApiError(err: unknown): KubeApiError {
  if (err instanceof KubeApiError) return err;
  return new KubeApiError('unreachable', err instanceof Error ? err.message : String(err));
}
