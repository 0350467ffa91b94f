/**
 * One fresh PostgreSQL per test run: a real embedded server in a temporary data directory (or a fresh
 * database on TEST_DATABASE_ADMIN_URL's server), migrated and seeded with roles, demo users and catalog.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';

export default async function setup(project: TestProject) {
  (process.env as Record<string, string>).NODE_ENV = 'test';
  // The OpenAPI manifest is generated (not committed): refresh it so tests see every route file.
  const { writeManifest } = await import('../../scripts/openapi-manifest');
  writeManifest();
  const { startEmbeddedPostgres } = await import('../../lib/server/db/embedded');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-pg-'));
  fs.chmodSync(dataDir, 0o755); // initdb runs as the postgres OS user when we are root
  const pg = await startEmbeddedPostgres({
    dataDir: path.join(dataDir, 'pg'),
    database: 'switchboard_test',
    persistent: false,
    unsafeFast: true,
  });
  process.env.DATABASE_URL = pg.url;
  const { applyMigrations } = await import('../../lib/server/db/migrations');
  await applyMigrations(pg.url);
  const { seedIdentity, seedCatalog } = await import('../../prisma/seed');
  const { db, disconnectDb } = await import('../../lib/server/db');
  await seedIdentity(db, 'Switchboard!2026');
  await seedCatalog(db);
  await disconnectDb();
  project.provide('databaseUrl', pg.url);
  return async () => {
    await pg.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  };
}

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}
