import { z } from 'zod';
import { db } from './db';
import { jobsState } from './jobs/queue';

/** The answer of GET <prefix>/health: 200 when healthy, 503 `degraded`. */
export const healthOutput = z.object({
  status: z.enum(['ok', 'degraded']),
  service: z.string(),
  checks: z.object({ database: z.enum(['ok', 'error']), job_queue: z.enum(['ok', 'error', 'not_started']) }),
  latency_ms: z.number(),
  timestamp: z.string(),
});

/** Database and job-queue status for GET /health and GET /<prefix>/health. */
export async function health(service: string) {
  const started = Date.now();
  let database: 'ok' | 'error' = 'ok';
  try {
    await db.$queryRaw`SELECT 1`;
  } catch {
    database = 'error';
  }
  let queue: 'ok' | 'error' | 'not_started' = 'not_started';
  const jobs = jobsState();
  if (jobs) {
    try {
      await jobs.boss.getQueues();
      queue = 'ok';
    } catch {
      queue = 'error';
    }
  }
  const ok = database === 'ok' && queue !== 'error';
  return Response.json(
    {
      status: ok ? 'ok' : 'degraded',
      service,
      checks: { database, job_queue: queue },
      latency_ms: Date.now() - started,
      timestamp: new Date().toISOString(),
    },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
