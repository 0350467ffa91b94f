/** npm run db:migrate: apply pending migrations to DATABASE_URL or the embedded database. */
import { applyMigrations } from '../lib/server/db/migrations';
import { ensureDatabase, stopDatabase } from '../lib/server/db/runtime';

const applied = await applyMigrations(await ensureDatabase());
console.log(applied.length ? `Applied: ${applied.join(', ')}` : 'Database is up to date.');
await stopDatabase();
