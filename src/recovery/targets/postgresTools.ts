import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { OpsdeckError } from '../../contract';

export interface PostgresConnection {
  host: string;
  port: number;
  user: string;
  sslmode: 'disable' | 'prefer' | 'require';
}

const DEBIAN_ROOT = '/usr/lib/postgresql';

/** Debian keeps each major version's tools apart; the newest dumps every older server. Elsewhere, PATH. */
export function pgTool(name: 'pg_dump' | 'pg_restore' | 'psql' | 'createdb' | 'dropdb'): string {
  try {
    const versions = fs
      .readdirSync(DEBIAN_ROOT)
      .filter((v) => /^\d+$/.test(v))
      .sort((a, b) => Number(b) - Number(a));
    for (const v of versions) {
      const bin = path.join(DEBIAN_ROOT, v, 'bin', name);
      if (fs.existsSync(bin)) return bin;
    }
  } catch {
    // Not Debian's layout: PATH decides.
  }
  return name;
}

/** libpq reads the connection from the environment, so the password never shows on a command line. */
export function pgEnv(conn: PostgresConnection, password: string | null): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    LC_ALL: 'C.UTF-8',
    PGHOST: conn.host,
    PGPORT: String(conn.port),
    PGUSER: conn.user,
    PGSSLMODE: conn.sslmode,
    PGCONNECT_TIMEOUT: '10',
    ...(password ? { PGPASSWORD: password } : {}),
  };
}

/** A started PostgreSQL tool, with its stderr kept for the error message. */
export interface PgProcess {
  child: ChildProcessWithoutNullStreams;
  /** Resolves when it exits 0; rejects with its stderr otherwise. */
  done: Promise<void>;
}

export function startPgTool(tool: Parameters<typeof pgTool>[0], args: string[], env: NodeJS.ProcessEnv, signal?: AbortSignal): PgProcess {
  const child = spawn(pgTool(tool), args, { env, signal, stdio: ['pipe', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (c: Buffer) => {
    if (stderr.length < 8192) stderr += c.toString('utf8');
  });
  const done = new Promise<void>((resolve, reject) => {
    child.on('error', (err: NodeJS.ErrnoException) => {
      if (err.code === 'ENOENT') reject(new OpsdeckError('UNAVAILABLE', `${tool} is not installed (Debian: apt-get install postgresql-client).`));
      else if (err.name === 'AbortError') reject(new OpsdeckError('UNAVAILABLE', `${tool} was cancelled.`));
      else reject(err);
    });
    child.on('close', (code) => {
      if (code === 0) resolve();
      else reject(new OpsdeckError('UNAVAILABLE', `${tool} failed: ${stderr.trim() || `exit code ${code}`}`));
    });
  });
  // A tool that dies before reading its input must not take the process down with EPIPE.
  child.stdin.on('error', () => undefined);
  return { child, done };
}

/** Runs psql with one statement and returns its unaligned, tuples-only output. */
export async function psql(conn: PostgresConnection, password: string | null, database: string, sql: string, signal?: AbortSignal): Promise<string> {
  const p = startPgTool('psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-d', database, '-c', sql], pgEnv(conn, password), signal);
  p.child.stdin.end();
  let out = '';
  p.child.stdout.on('data', (c: Buffer) => (out += c.toString('utf8')));
  await p.done;
  return out.trim();
}
