import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { OpsdeckError, type RecoveryTargetSpec } from '../../contract';
import { pgEnv, psql, startPgTool, type PostgresConnection } from './postgresTools';
import type { SourceEntry } from '../repository/types';

export type PostgresSpec = Extract<RecoveryTargetSpec, { kind: 'postgres' }>;

/** The one file a PostgreSQL snapshot holds: pg_dump's custom format (compressed, restorable per object). */
export const dumpPath = (spec: PostgresSpec) => `${spec.database}.dump`;

/** Connects and reads the server version: wrong host, port, role, password or database fail here, before saving. */
export async function checkPostgres(spec: PostgresSpec, password: string | null): Promise<string> {
  return psql(spec, password, spec.database, 'SHOW server_version');
}

/**
 * pg_dump -Fc streamed as a snapshot's only entry. The entry's data is pg_dump's stdout; the
 * iterator ends only once pg_dump has exited 0, so a failed dump fails the backup.
 */
export async function* dumpEntries(spec: PostgresSpec, password: string | null, signal?: AbortSignal): AsyncGenerator<SourceEntry> {
  const dump = startPgTool('pg_dump', ['-Fc', '--no-password', '-d', spec.database], pgEnv(spec, password), signal);
  dump.child.stdin.end();
  // Reading the stream is the consumer's job; the failure, if any, is reported after it.
  dump.done.catch(() => undefined);
  yield { path: dumpPath(spec), mode: 0o600, mtimeMs: Date.now(), data: dump.child.stdout };
  await dump.done;
}

async function databaseExists(conn: PostgresConnection, password: string | null, database: string, signal?: AbortSignal): Promise<boolean> {
  return (await psql(conn, password, 'postgres', `SELECT 1 FROM pg_database WHERE datname = '${database}'`, signal)) === '1';
}

/**
 * Restores a dump into `database`: created when missing (and reported so it can be dropped
 * on rollback), otherwise its objects are replaced (--clean --if-exists).
 */
export async function restoreDump(
  spec: PostgresSpec,
  password: string | null,
  dump: Readable,
  database: string,
  signal?: AbortSignal,
): Promise<{ created: boolean }> {
  const existed = await databaseExists(spec, password, database, signal);
  if (!existed) await psql(spec, password, 'postgres', `CREATE DATABASE "${database}"`, signal);
  const args = ['--no-owner', '--no-privileges', '--exit-on-error', '--no-password', '-d', database, ...(existed ? ['--clean', '--if-exists'] : [])];
  const restore = startPgTool('pg_restore', args, pgEnv(spec, password), signal);
  restore.child.stdout.resume();
  try {
    await Promise.all([pipeline(dump, restore.child.stdin), restore.done]);
  } catch (err) {
    if (!existed) await dropDatabase(spec, password, database).catch(() => undefined);
    throw err instanceof OpsdeckError ? err : new OpsdeckError('UNAVAILABLE', `Restoring into ${database} failed: ${(err as Error).message}`);
  }
  return { created: !existed };
}

export async function dropDatabase(conn: PostgresConnection, password: string | null, database: string): Promise<void> {
  await psql(conn, password, 'postgres', `DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
}
