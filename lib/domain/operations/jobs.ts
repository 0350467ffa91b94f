import { z } from 'zod';
import { db } from '@/lib/server/db';
import { defineJob } from '../jobs';

/** Days to keep archived (completed) jobs and handled dead letters. */
const KEEP_DAYS = 14;

/**
 * Hourly cleanup (pg-boss cron): drop archived jobs and resolved dead letters older than KEEP_DAYS.
 * pg-boss already archives completed jobs after an hour; this bounds the archive. Idempotent.
 */
export const cleanupJobsJob = defineJob({
  name: 'system.cleanup_jobs',
  schema: z.object({}).passthrough(),
  cron: '17 * * * *',
  retry: { limit: 2, delaySeconds: 30, backoff: true },
  handler: async () => {
    await db.$executeRaw`DELETE FROM pgboss.archive WHERE archived_on < now() - make_interval(days => ${KEEP_DAYS})`;
    await db.$executeRaw`
      DELETE FROM pgboss.job
      WHERE name = 'dead_letter' AND state IN ('completed', 'cancelled') AND completed_on < now() - make_interval(days => ${KEEP_DAYS})`;
    await db.$executeRaw`DELETE FROM identity.rate_limits WHERE expire IS NOT NULL AND expire < (extract(epoch FROM now()) * 1000)::bigint`;
  },
});
