import { db } from './db';
import { jobsState } from './jobs/queue';

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
