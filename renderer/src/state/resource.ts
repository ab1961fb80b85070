/** Data fetched from the host: still loading, ready, or failed with the message to show. */
export type Resource<T> =
  | { status: 'loading' }
  | { status: 'ready'; data: T }
  | { status: 'error'; message: string };

export const LOADING = { status: 'loading' } as const;

export const ready = <T>(data: T): Resource<T> => ({ status: 'ready', data });

/** The message a user sees; ContractCallError already carries the host's own words. */
export const errorMessage = (err: unknown): string =>
  err instanceof Error ? err.message : String(err);

export const failed = <T>(err: unknown): Resource<T> => ({ status: 'error', message: errorMessage(err) });

export const dataOf = <T>(r: Resource<T>): T | undefined => (r.status === 'ready' ? r.data : undefined);
