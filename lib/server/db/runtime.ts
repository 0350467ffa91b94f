import path from 'node:path';
import { configuredDatabaseUrl, env, setDatabaseUrl } from '../env';
import { startEmbeddedPostgres } from './embedded';

let stopEmbedded: (() => Promise<void>) | null = null;

/**
 * DATABASE_URL when set; otherwise a real embedded PostgreSQL with its data under DATA_DIR/pg.
 * Sets process.env.DATABASE_URL so every module of this process (including Next's bundles) uses it.
 */
export async function ensureDatabase(): Promise<string> {
  const configured = configuredDatabaseUrl();
  if (configured) return configured;
  const db = await startEmbeddedPostgres({
    dataDir: path.join(env.DATA_DIR, 'pg'),
    database: 'switchboard',
    port: env.EMBEDDED_PG_PORT,
    log: (line) => console.error('[postgres]', line),
  });
  stopEmbedded = db.stop;
  setDatabaseUrl(db.url);
  return db.url;
}

export async function stopDatabase(): Promise<void> {
  await stopEmbedded?.();
  stopEmbedded = null;
}
