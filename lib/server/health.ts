import { db } from './db';
import { env } from './env';
import { jobsState } from './jobs/queue';
import { API_VERSION } from './openapi/version';

/**
 * Database and job-queue status for GET /health and GET /<prefix>/health. Beside our `status` (ok | degraded, with
 * 200 | 503) and `checks`, 004's `version` and `environment` (docs/api-contract.md).
 */
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
      version: API_VERSION,
      environment: env.NODE_ENV,
      checks: { database, job_queue: queue },
      latency_ms: Date.now() - started,
      timestamp: new Date().toISOString(),
    },
    { status: ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } },
  );
}
