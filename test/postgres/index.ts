import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/** Debian's `postgresql` package (version 15); `.ci/run` installs it. */
export const PG_BIN = '/usr/lib/postgresql/15/bin';
/** The superuser's password; TCP logins need it, the unix socket trusts the superuser. */
export const PG_PASSWORD = 'opsdeck-test-password';

export interface PrivatePostgres {
  host: string;
  port: number;
  user: string;
  password: string;
  /** The folder holding the unix socket. */
  socketDir: string;
  /** Runs SQL with psql over the unix socket and returns its unaligned, tuples-only output. */
  sql(database: string, text: string): string;
  close(): Promise<void>;
}

function postgresAccount(): { uid: number; gid: number } {
  const line = fs
    .readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('postgres:'));
  if (!line) throw new Error('No postgres user: install Debian\'s "postgresql" package (apt-get install postgresql).');
  const [, , uid, gid] = line.split(':');
  return { uid: Number(uid), gid: Number(gid) };
}

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

function run(account: { uid: number; gid: number }, bin: string, args: string[], input?: string): string {
  const r = spawnSync(path.join(PG_BIN, bin), args, { ...account, input, encoding: 'utf8', env: { PATH: process.env.PATH, LC_ALL: 'C.UTF-8' } });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed (${r.status}): ${r.stderr}`);
  return r.stdout;
}

/**
 * A private PostgreSQL 15 cluster in a temporary folder, run as the `postgres` user (tests run as
 * root, which postgres refuses): its own data folder, unix socket and loopback port, removed on close.
 */
export async function startPrivatePostgres(): Promise<PrivatePostgres> {
  if (!fs.existsSync(path.join(PG_BIN, 'initdb'))) {
    throw new Error(`${PG_BIN}/initdb not found: install Debian's "postgresql" package (apt-get install postgresql).`);
  }
  const account = postgresAccount();
  // Unix socket paths are limited to 108 bytes: keep the folder short.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'opg-'));
  fs.chownSync(dir, account.uid, account.gid);
  const data = path.join(dir, 'data');
  const pwfile = path.join(dir, 'pw');
  fs.writeFileSync(pwfile, PG_PASSWORD);
  fs.chownSync(pwfile, account.uid, account.gid);
  run(account, 'initdb', ['-D', data, '-U', 'postgres', '--auth-local=trust', '--auth-host=scram-sha-256', `--pwfile=${pwfile}`, '-E', 'UTF8', '--locale=C.UTF-8']);
  const port = await freePort();
  const options = `-c listen_addresses=127.0.0.1 -c port=${port} -c unix_socket_directories=${dir} -c fsync=off -c shared_buffers=16MB -c max_connections=20`;
  run(account, 'pg_ctl', ['-D', data, '-o', options, '-l', path.join(dir, 'postgres.log'), '-w', '-t', '60', 'start']);

  let closed = false;
  return {
    host: '127.0.0.1',
    port,
    user: 'postgres',
    password: PG_PASSWORD,
    socketDir: dir,
    sql: (database, text) => run(account, 'psql', ['-X', '-q', '-A', '-t', '-v', 'ON_ERROR_STOP=1', '-h', dir, '-p', String(port), '-U', 'postgres', '-d', database], text).trim(),
    async close() {
      if (closed) return;
      closed = true;
      await new Promise<void>((resolve) => {
        const stop = spawn(path.join(PG_BIN, 'pg_ctl'), ['-D', data, '-m', 'immediate', '-w', 'stop'], { ...account, stdio: 'ignore' });
        stop.on('exit', () => resolve());
        stop.on('error', () => resolve());
      });
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
