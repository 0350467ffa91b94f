import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { MESSAGES } from '@/lib/domain/contracts/messages';
import { loadActor } from '@/lib/domain/identity/queries';
import { WORKFLOW_JOBS } from '@/lib/domain/workflow/jobs';
import { getTask } from '@/lib/domain/workflow/task-queries';
import { db, transaction } from '@/lib/server/db';
// The job runtime first: it loads the registry, which loads every context's jobs.
import { enqueue, stopJobs } from '@/lib/server/jobs/queue';
import { startJobs } from '@/lib/server/jobs/workers';
import { payload, taskOf, threeStepWorkflow } from './workflow-support';

async function waitFor<T>(fn: () => Promise<T>, ok: (v: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (ok(v)) return v;
    if (Date.now() > until) throw new Error(`condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('workflow jobs through real pg-boss', () => {
  beforeAll(async () => {
    await startJobs({ workers: true, jobs: WORKFLOW_JOBS });
  });
  afterAll(async () => {
    await stopJobs();
  });

  it('a process_ticket message sent twice by the help desk creates one task; an invalid one is dead-lettered', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const p = payload({ department: wf.department });
    await transaction((tx) => enqueue(tx, MESSAGES.processTicket, p));
    await transaction((tx) => enqueue(tx, MESSAGES.processTicket, p));
    const task = await waitFor(
      () => taskOf(p.ticket_number),
      (t) => !!t,
    );
    expect(task?.items[0].userId).toBe(wf.roles.triage.users[0].id);
    await waitFor(
      () =>
        db.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM pgboss.job WHERE name = 'tts.process_ticket' AND data->>'ticket_number' = ${p.ticket_number} AND state = 'completed'`,
      (r) => Number(r[0].n) === 2,
    );
    expect(await db.task.count({ where: { ticket: { ticketNumber: p.ticket_number } } })).toBe(1);

    await db.$executeRaw`INSERT INTO pgboss.job (name, data) VALUES ('tts.process_ticket', ${JSON.stringify({ ticket_number: 'bad' })}::jsonb)`;
    const dead = await waitFor(
      () =>
        db.$queryRaw<
          { data: { code: string } }[]
        >`SELECT data FROM pgboss.job WHERE name = 'dead_letter' AND data->'data'->>'ticket_number' = 'bad'`,
      (r) => r.length === 1,
    );
    expect(dead[0].data.code).toBe('INVALID_PAYLOAD');
  });

  it('the attachments of a process_ticket message are kept with the ticket and returned by the task detail; older messages have none', async () => {
    const wf = await threeStepWorkflow({ members: [1, 1, 1] });
    const attachments = [
      {
        id: 41,
        filename: 'screen.png',
        url: '/hdts/api/v1/attachments/41/',
        uploaded_at: '2026-11-22T10:31:00.000Z',
        size: 2048,
        content_type: 'image/png',
      },
      { id: 42, filename: 'notes.txt', url: '/hdts/api/v1/attachments/42/', uploaded_at: '2026-11-22T10:32:00.000Z' },
    ];
    const withFiles = payload({ department: wf.department, attachments });
    const without = payload({ department: wf.department });
    await transaction(async (tx) => {
      await enqueue(tx, MESSAGES.processTicket, withFiles);
      await enqueue(tx, MESSAGES.processTicket, without);
    });
    const t1 = await waitFor(
      () => taskOf(withFiles.ticket_number),
      (t) => !!t,
    );
    const t2 = await waitFor(
      () => taskOf(without.ticket_number),
      (t) => !!t,
    );
    const agent = (await loadActor(wf.roles.triage.users[0].id)) as Actor;
    expect((await getTask(agent, t1!.id)).attachments).toEqual(attachments);
    expect((await getTask(agent, t2!.id)).attachments).toEqual([]);
  });
});
