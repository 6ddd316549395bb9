// A throwaway PostgreSQL for tests: Debian's own server binaries, a new cluster in a temporary
// folder (initdb), started on a free loopback port (pg_ctl) and removed when stopped. PostgreSQL
// refuses to run as root, so as root it runs as the `postgres` user the Debian package creates.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { freePort } from './ports.mjs';

function serverBinaries() {
  const base = '/usr/lib/postgresql';
  const versions = existsSync(base) ? readdirSync(base).sort((a, b) => Number(b) - Number(a)) : [];
  const bin = versions.map((version) => join(base, version, 'bin')).find((dir) => existsSync(join(dir, 'initdb')));
  if (!bin) throw new Error('Tests need PostgreSQL’s server: apt-get install postgresql');
  return bin;
}

/** Starts a new PostgreSQL; resolves to its URL, a restart and a stop function. */
export async function startPostgres() {
  const bin = serverBinaries();
  const dir = mkdtempSync(join(tmpdir(), 'ecs-console-pg-'));
  const asRoot = process.getuid?.() === 0;
  if (asRoot) {
    const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres']).toString()));
    chownSync(dir, uid, gid);
  }
  const pg = (program, args) =>
    execFileSync(
      asRoot ? 'runuser' : join(bin, program),
      asRoot ? ['-u', 'postgres', '--', join(bin, program), ...args] : args,
      {
        stdio: ['ignore', 'ignore', 'pipe'],
      },
    );
  const data = join(dir, 'data');
  const port = await freePort();
  pg('initdb', ['-D', data, '-U', 'postgres', '--auth=trust', '-E', 'UTF8', '--no-sync']);
  const start = () =>
    pg('pg_ctl', [
      '-D',
      data,
      '-l',
      join(dir, 'server.log'),
      '-w',
      '-o',
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      'start',
    ]);
  start();
  let stopped = false;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    /** Stops it as a crash would (every connection dropped) and starts it again on the same port. */
    restart() {
      pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      start();
    },
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        pg('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** A new, empty database on a server startPostgres started; resolves to its URL. */
export function createDatabase(serverUrl) {
  const url = new URL(serverUrl);
  const name = `db_${randomUUID().replaceAll('-', '')}`;
  execFileSync(join(serverBinaries(), 'createdb'), ['-h', url.hostname, '-p', url.port, '-U', 'postgres', name]);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Drops a database createDatabase made, whoever is still connected to it. */
export function dropDatabase(databaseUrl) {
  const url = new URL(databaseUrl);
  execFileSync(join(serverBinaries(), 'dropdb'), [
    '--force',
    '-h',
    url.hostname,
    '-p',
    url.port,
    '-U',
    'postgres',
    url.pathname.slice(1),
  ]);
}
