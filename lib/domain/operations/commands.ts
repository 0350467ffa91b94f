import { db, transaction } from '@/lib/server/db';
import { DEAD_LETTER_QUEUE, type DeadLetter, registeredJobs, sendJob } from '@/lib/server/jobs/queue';
import type { Actor } from '../actor';
import { writeAudit } from '../audit';
import { badRequest, notFound } from '../errors';
import { assertCanOperateQueues } from './policy';

async function takeDeadLetter(id: string) {
  // Claim it (created → completed) so two admins replaying at once send it once.
  const rows = await db.$queryRaw<{ id: string; data: DeadLetter }[]>`
    UPDATE pgboss.job SET state = 'completed', completed_on = now(), output = '{"resolution":"taken"}'::jsonb
    WHERE name = ${DEAD_LETTER_QUEUE} AND id = ${id}::uuid AND state IN ('created', 'retry')
    RETURNING id, data`;
  return rows[0] ?? null;
}

/** Send a dead letter's message again to its queue (after the cause was fixed). */
export async function replayDeadLetter(actor: Actor, id: string) {
  assertCanOperateQueues(actor);
  const peek = await db.$queryRaw<{ data: DeadLetter }[]>`
    SELECT data FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE} AND id = ${id}::uuid AND state IN ('created', 'retry')`;
  if (!peek[0]) throw notFound('Dead letter');
  const job = registeredJobs().find((j) => j.name === peek[0].data.queue);
  if (!job) throw badRequest(`Queue ${peek[0].data.queue} has no worker`);
  const taken = await takeDeadLetter(id);
  if (!taken) throw notFound('Dead letter');
  const jobId = await sendJob(job, (taken.data.data ?? {}) as object);
  await transaction((tx) =>
    writeAudit(tx, actor, {
      context: 'workflow',
      action: 'job_replayed',
      entityType: 'job',
      entityId: id,
      newValues: { queue: taken.data.queue, new_job_id: jobId },
    }),
  );
  return { replayed: 1, job_id: jobId, queue: taken.data.queue };
}

export async function replayAllDeadLetters(actor: Actor, queue?: string) {
  assertCanOperateQueues(actor);
  const q = queue ?? null;
  const ids = await db.$queryRaw<{ id: string }[]>`
    SELECT id FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE} AND state IN ('created', 'retry')
    AND (${q}::text IS NULL OR data->>'queue' = ${q}) ORDER BY created_on`;
  let replayed = 0;
  for (const { id } of ids) {
    const taken = await takeDeadLetter(id);
    const job = taken && registeredJobs().find((j) => j.name === taken.data.queue);
    if (!taken || !job) continue;
    await sendJob(job, (taken.data.data ?? {}) as object);
    replayed++;
  }
  await transaction((tx) =>
    writeAudit(tx, actor, {
      context: 'workflow',
      action: 'jobs_replayed',
      entityType: 'queue',
      entityId: queue ?? '*',
      newValues: { replayed },
    }),
  );
  return { replayed };
}

/** Drop a dead letter for good (recorded in the audit log with its payload). */
export async function discardDeadLetter(actor: Actor, id: string) {
  assertCanOperateQueues(actor);
  const rows = await db.$queryRaw<{ data: DeadLetter }[]>`
    UPDATE pgboss.job SET state = 'cancelled', completed_on = now(), output = '{"resolution":"discarded"}'::jsonb
    WHERE name = ${DEAD_LETTER_QUEUE} AND id = ${id}::uuid AND state IN ('created', 'retry')
    RETURNING data`;
  if (!rows[0]) throw notFound('Dead letter');
  await transaction((tx) =>
    writeAudit(tx, actor, {
      context: 'workflow',
      action: 'job_discarded',
      entityType: 'job',
      entityId: id,
      oldValues: rows[0].data,
    }),
  );
}
