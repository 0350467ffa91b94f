import { defineConfig } from 'prisma/config';

// The URL is only needed by Prisma CLI commands that touch a database; we apply migrations
// through our own runner (scripts/db-migrate.ts), so generation works without one.
export default defineConfig({
  schema: 'prisma/schema',
  migrations: { path: 'prisma/migrations' },
  datasource: { url: process.env.DATABASE_URL ?? 'postgresql://localhost:5432/switchboard' },
});
