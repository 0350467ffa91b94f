import pg from 'pg';
import { inject } from 'vitest';

// Runs before each test file is imported. Each file gets its own database, cloned from the migrated and
// seeded one of the run (CREATE DATABASE ... TEMPLATE), so files running in parallel never see each other's
// rows and `snapshot()` checks are exact.
async function cloneDatabase(templateUrl: string): Promise<string> {
  const url = new URL(templateUrl);
  const template = decodeURIComponent(url.pathname.slice(1));
  const name = `${template}_${process.pid}_${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const admin = new URL(templateUrl);
  admin.pathname = '/postgres';
  const client = new pg.Client({ connectionString: admin.toString() });
  await client.connect();
  try {
    // Nothing may stay connected to the template (the migration engine's pool can linger after setup).
    await client.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = $1 AND pid <> pg_backend_pid()', [
      template,
    ]);
    await client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`);
  } finally {
    await client.end();
  }
  url.pathname = `/${name}`;
  return url.toString();
}

process.env.DATABASE_URL = await cloneDatabase(inject('databaseUrl'));
(process.env as Record<string, string>).NODE_ENV = 'test';
process.env.RATE_LIMIT_TOKEN ??= '100000/60';
process.env.RATE_LIMIT_DEFAULT ??= '100000/60';
process.env.RATE_LIMIT_TICKET_CREATE ??= '100000/60';
process.env.RATE_LIMIT_TICKET_READ ??= '100000/60';
process.env.SERVICE_API_KEYS ??= 'test-service-key-0123456789abcdef';
