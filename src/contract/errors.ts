/** The one error shape every channel returns; never a thrown exception across the boundary. */
export type ErrorCode =
  | 'BAD_REQUEST'
  | 'UNKNOWN_CHANNEL'
  | 'UNAVAILABLE'
  | 'NOT_FOUND'
  /** The API server (or another authority) refused the caller this action. */
  | 'FORBIDDEN'
  | 'INTERNAL';

export interface ContractError {
  code: ErrorCode;
  message: string;
  /** Field-level problems for BAD_REQUEST. */
  issues?: { path: string; message: string }[];
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: ContractError };

/** Thrown inside engines to choose the error code the caller sees. */
export class OpsdeckError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'OpsdeckError';
  }
}

/** Thrown by the typed client when a call comes back with an error. */
export class ContractCallError extends Error {
  readonly code: ErrorCode;
  readonly issues: ContractError['issues'];
  constructor(
    readonly channel: string,
    error: ContractError,
  ) {
    super(error.message);
    this.name = 'ContractCallError';
    this.code = error.code;
    this.issues = error.issues;
  }
}
