/**
 * Pause conditions through the help desk (issue 11): putting a routed ticket On Hold stops its workflow clock;
 * the requester's reply moves it back to In Progress, the clock resumes and the moved due instant reaches the
 * help desk, the task API and the help desk's API alike.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as ticketByNumberRoute from '@/app/(api)/hdts/api/tickets/number/[ticket_number]/route';
import * as taskRoute from '@/app/(api)/tts/tasks/[id]/route';
import type { Actor } from '@/lib/domain/actor';
import { addComment } from '@/lib/domain/helpdesk/commands/comments';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { changeStatus } from '@/lib/domain/helpdesk/commands/status';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { loadActor } from '@/lib/domain/identity/queries';
import { db } from '@/lib/server/db';
import { stopJobs } from '@/lib/server/jobs/queue';
import { JOBS } from '@/lib/server/jobs/registry';
import { startJobs } from '@/lib/server/jobs/workers';
import { call, tokenFor } from '../helpers/api';
import { waitFor } from '../helpers/wait';
import { taskOf, threeStepWorkflow } from './workflow-support';

const actors: Record<string, Actor> = {};

beforeAll(async () => {
  await startJobs({ workers: true, jobs: JOBS });
  for (const u of ['employee1', 'coordinator1']) {
    const user = await db.user.findUniqueOrThrow({ where: { username: u } });
    actors[u] = (await loadActor(user.id)) as Actor;
  }
  await threeStepWorkflow({
    department: 'IT Department',
    category: 'IT Support',
    subCategory: 'Data Backup/Restore',
    members: [1, 1, 1],
  });
});
afterAll(async () => {
  await stopJobs();
});

describe('pausing through the help desk', { timeout: 120_000 }, () => {
  it('On Hold stops the clock; the requester’s reply resumes it and the new due instant is shown everywhere', async () => {
    const t = await createTicket(actors.employee1, {
      subject: 'Restore my files',
      description: 'The backup of Monday, please',
      category: 'IT Support',
      sub_category: 'Data Backup/Restore',
      department: 'IT Department',
    });
    await approveTicket(actors.coordinator1, t.id, { priority: 'High', department: 'IT Department' });
    const task = (await waitFor(
      () => taskOf(t.ticket_number),
      (x) => !!x,
    )) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
    const first = task.targetResolution as Date;

    await changeStatus(actors.coordinator1, t.id, 'On Hold', { note: 'Which folder?' });
    const paused = await waitFor(
      () => db.task.findUniqueOrThrow({ where: { id: task.id } }),
      (x) => x.slaPausedAt != null,
    );
    expect(paused.slaNextAt).toBeNull();
    // The help desk's own badge reads "Paused — On Hold" while the clock waits.
    const onHold = await call(ticketByNumberRoute, 'GET', '/x', {
      token: await tokenFor('coordinator1'),
      params: { ticket_number: t.ticket_number },
    });
    expect(onHold.body.sla_paused_by).toBe('On Hold');

    await addComment(actors.employee1, t.id, { body: 'The Documents folder', is_internal: false, parent_id: null });
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).status).toBe('In Progress');
    const resumed = await waitFor(
      () => db.task.findUniqueOrThrow({ where: { id: task.id } }),
      (x) => x.slaPausedAt == null && (x.targetResolution?.getTime() ?? 0) > first.getTime(),
    );
    const pause = await db.slaPause.findFirstOrThrow({ where: { taskId: task.id } });
    expect(pause.reason).toBe('On Hold');
    const pausedMs = (pause.endedAt as Date).getTime() - pause.startedAt.getTime();
    expect((resumed.targetResolution as Date).getTime() - first.getTime()).toBe(pausedMs);

    const due = resumed.targetResolution?.toISOString();
    const ticket = await waitFor(
      () => db.ticket.findUniqueOrThrow({ where: { id: t.id } }),
      (x) => x.resolutionDueAt?.toISOString() === due,
    );
    expect(ticket.resolutionDueAt?.toISOString()).toBe(due);
    const hd = await call(ticketByNumberRoute, 'GET', '/x', {
      token: await tokenFor('coordinator1'),
      params: { ticket_number: t.ticket_number },
    });
    const tts = await call(taskRoute, 'GET', `/tts/tasks/${task.id}/`, {
      token: await tokenFor('admin'),
      params: { id: task.id },
    });
    expect(hd.body.resolution_due_at).toBe(due);
    expect(hd.body.sla_paused_by).toBeNull();
    expect(tts.body.target_resolution).toBe(due);
  });
});
