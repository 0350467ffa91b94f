import { db } from '@/lib/server/db';
import { DEAD_LETTER_QUEUE, type DeadLetter } from '@/lib/server/jobs/queue';
import type { Actor } from '../actor';
import { Page, type PageQuery, skipTake } from '../pagination';
import { assertCanOperateQueues } from './policy';

const STATES = ['created', 'retry', 'active', 'completed', 'cancelled', 'failed'] as const;

/** Jobs per queue and state (live table; completed jobs move to the archive after an hour). */
export async function queueDepths(actor: Actor) {
  assertCanOperateQueues(actor);
  const rows = await db.$queryRaw<{ name: string; state: string; n: bigint }[]>`
    SELECT q.name, j.state::text AS state, count(j.id) AS n
    FROM pgboss.queue q LEFT JOIN pgboss.job j ON j.name = q.name
    WHERE q.name NOT LIKE '\\_\\_pgboss\\_\\_%'
    GROUP BY q.name, j.state ORDER BY q.name`;
  const byQueue = new Map<string, Record<(typeof STATES)[number], number>>();
  for (const r of rows) {
    const counts = byQueue.get(r.name) ?? { created: 0, retry: 0, active: 0, completed: 0, cancelled: 0, failed: 0 };
    if (r.state) counts[r.state as (typeof STATES)[number]] = Number(r.n);
    byQueue.set(r.name, counts);
  }
  return {
    results: [...byQueue.entries()].map(([name, counts]) => ({
      name,
      ...counts,
      waiting: counts.created + counts.retry,
      dead_letter: name === DEAD_LETTER_QUEUE,
    })),
  };
}

export interface DeadLetterDto extends DeadLetter {
  id: string;
  dead_lettered_at: string;
}

export async function listDeadLetters(actor: Actor, q: PageQuery & { queue?: string }): Promise<Page<DeadLetterDto>> {
  assertCanOperateQueues(actor);
  const { skip, take } = skipTake(q);
  const queue = q.queue ?? null;
  const [count] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pgboss.job
    WHERE name = ${DEAD_LETTER_QUEUE} AND state IN ('created', 'retry') AND (${queue}::text IS NULL OR data->>'queue' = ${queue})`;
  const rows = await db.$queryRaw<{ id: string; data: DeadLetter; created_on: Date }[]>`
    SELECT id, data, created_on FROM pgboss.job
    WHERE name = ${DEAD_LETTER_QUEUE} AND state IN ('created', 'retry') AND (${queue}::text IS NULL OR data->>'queue' = ${queue})
    ORDER BY created_on DESC LIMIT ${take} OFFSET ${skip}`;
  return new Page(
    Number(count.n),
    rows.map((r) => ({ ...r.data, id: r.id, dead_lettered_at: r.created_on.toISOString() })),
    q.page,
    q.page_size,
  );
}

export async function listFailed(actor: Actor, q: PageQuery & { queue?: string }) {
  assertCanOperateQueues(actor);
  const { skip, take } = skipTake(q);
  const queue = q.queue ?? null;
  const [count] = await db.$queryRaw<{ n: bigint }[]>`
    SELECT count(*) AS n FROM pgboss.job WHERE state = 'failed' AND (${queue}::text IS NULL OR name = ${queue})`;
  const rows = await db.$queryRaw<
    { id: string; name: string; data: unknown; output: unknown; retry_count: number; completed_on: Date | null }[]
  >`
    SELECT id, name, data, output, retry_count, completed_on FROM pgboss.job
    WHERE state = 'failed' AND (${queue}::text IS NULL OR name = ${queue})
    ORDER BY completed_on DESC NULLS LAST LIMIT ${take} OFFSET ${skip}`;
  return new Page(
    Number(count.n),
    rows.map((r) => ({
      id: r.id,
      queue: r.name,
      data: r.data,
      error: (r.output as { message?: string } | null)?.message ?? JSON.stringify(r.output),
      attempts: r.retry_count + 1,
      failed_at: r.completed_on?.toISOString() ?? null,
    })),
    q.page,
    q.page_size,
  );
}
