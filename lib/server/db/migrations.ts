import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { PrismaPg } from '@prisma/adapter-pg';
import { bindMigrationAwareSqlAdapterFactory } from '@prisma/driver-adapter-utils';
import { env } from '../env';

/**
 * Prisma's schema engine, compiled to WebAssembly, driven directly: `prisma migrate` needs a native
 * binary that cannot be downloaded here (STACK.md). Applies `prisma/migrations/*` exactly as
 * `prisma migrate deploy` does and writes new migrations as a diff between schema snapshots.
 */
const ROOT = process.cwd();
export const MIGRATIONS_DIR = path.join(ROOT, 'prisma', 'migrations');
export const SCHEMA_DIR = path.join(ROOT, 'prisma', 'schema');
/** The schema as of the newest migration; `db:migration` diffs from it. */
export const SNAPSHOT_DIR = path.join(MIGRATIONS_DIR, '.schema-snapshot');

type Engine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout: string | null }>;
  free(): void;
};

async function loadEngine(datamodels: [string, string][], url: string): Promise<Engine> {
  const require = createRequire(import.meta.url);
  const pkgDir = path.dirname(require.resolve('@prisma/schema-engine-wasm/schema_engine_bg'));
  const bg = await import(pathToFileURL(path.join(pkgDir, 'schema_engine_bg.js')).href);
  const wasmModule = new WebAssembly.Module(fs.readFileSync(path.join(pkgDir, 'schema_engine_bg.wasm')));
  const instance = new WebAssembly.Instance(wasmModule, { './schema_engine_bg.js': bg });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports as { __wbindgen_start?: () => void }).__wbindgen_start?.();
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaPg({ connectionString: url }) as never);
  const log = (line: string) => {
    if (env.MIGRATION_DEBUG) console.error('[schema-engine]', line);
  };
  return bg.SchemaEngine.new({ datamodels }, log, adapter);
}

export function readSchemaFiles(dir: string): { path: string; content: string }[] {
  if (!fs.existsSync(dir)) return [];
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.prisma'))
    .sort()
    .map((f) => ({ path: path.join(dir, f), content: fs.readFileSync(path.join(dir, f), 'utf8') }));
}

function migrationsList() {
  const dirs = fs.existsSync(MIGRATIONS_DIR)
    ? fs
        .readdirSync(MIGRATIONS_DIR)
        .filter((d) => /^\d{14}_/.test(d) && fs.existsSync(path.join(MIGRATIONS_DIR, d, 'migration.sql')))
        .sort()
    : [];
  const lockPath = path.join(MIGRATIONS_DIR, 'migration_lock.toml');
  return {
    baseDir: MIGRATIONS_DIR,
    lockfile: { path: 'migration_lock.toml', content: fs.existsSync(lockPath) ? fs.readFileSync(lockPath, 'utf8') : null },
    shadowDbInitScript: '',
    migrationDirectories: dirs.map((d) => ({
      path: d,
      migrationFile: {
        path: 'migration.sql',
        content: { tag: 'ok', value: fs.readFileSync(path.join(MIGRATIONS_DIR, d, 'migration.sql'), 'utf8') },
      },
    })),
  };
}

const filters = { externalTables: [], externalEnums: [] };

/**
 * Create every Postgres schema the datasource lists (`schemas = [...]`) before applying migrations: a diff
 * from a snapshot that already lists a schema does not emit its CREATE SCHEMA, so a migration may need it.
 */
async function ensureSchemas(url: string, files: { content: string }[]) {
  const list = files.map((f) => /schemas\s*=\s*\[([^\]]*)\]/.exec(f.content)?.[1]).find(Boolean) ?? '';
  const names = [...list.matchAll(/"([A-Za-z_][A-Za-z0-9_]*)"/g)].map((m) => m[1]);
  if (!names.length) return;
  const { Client } = await import('pg');
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    for (const n of names) await client.query(`CREATE SCHEMA IF NOT EXISTS "${n}"`);
  } finally {
    await client.end();
  }
}

/** Apply every pending migration; returns the names applied (none on a second run). */
export async function applyMigrations(url: string): Promise<string[]> {
  const files = readSchemaFiles(SCHEMA_DIR);
  await ensureSchemas(url, files);
  const engine = await loadEngine(
    files.map((f) => [f.path, f.content]),
    url,
  );
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationsList(), filters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that takes a database from the snapshot schema to the current schema ('' when nothing changed). */
export async function diffSinceSnapshot(url: string): Promise<string> {
  const current = readSchemaFiles(SCHEMA_DIR);
  const snapshot = readSchemaFiles(SNAPSHOT_DIR);
  // The engine opens a connection even for a pure schema-to-schema diff; nothing is written.
  const engine = await loadEngine(
    current.map((f) => [f.path, f.content]),
    url,
  );
  try {
    const from = snapshot.length ? { tag: 'schemaDatamodel', files: snapshot } : { tag: 'empty' };
    const out = await engine.diff({
      from,
      to: { tag: 'schemaDatamodel', files: current },
      script: true,
      exitCode: true,
      filters,
    });
    return out.exitCode === 2 ? (out.stdout ?? '') : '';
  } finally {
    engine.free();
  }
}
