/** Shared pieces of the benchmarks: a fresh real PostgreSQL, percentiles, printing. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export async function freshDatabase() {
  const { startEmbeddedPostgres } = await import('../../lib/server/db/embedded');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-pg-'));
  fs.chmodSync(dir, 0o755);
  const pg = await startEmbeddedPostgres({ dataDir: path.join(dir, 'pg'), database: 'switchboard_bench', persistent: false });
  process.env.DATABASE_URL = pg.url;
  const { applyMigrations } = await import('../../lib/server/db/migrations');
  await applyMigrations(pg.url);
  const { seed } = await import('../../prisma/seed');
  await seed();
  return {
    url: pg.url,
    async stop() {
      await pg.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function percentile(sorted: number[], p: number): number {
  if (!sorted.length) return Number.NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i];
}

export function summarize(samples: number[]) {
  const s = [...samples].sort((a, b) => a - b);
  return { n: s.length, p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), max: s.at(-1) ?? Number.NaN };
}

export function line(label: string, value: string, goal?: string) {
  console.log(`${label.padEnd(52)} ${value.padStart(14)}${goal ? `   (goal ${goal})` : ''}`);
}

export const ms = (v: number) => `${v.toFixed(1)} ms`;
