/**
 * The help desk's consumers running in real pg-boss workers: registered in the registry, applied once,
 * unknown tickets dead-lettered with TICKET_NOT_FOUND, and the auto-close cron scheduled.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/domain/actor';
import { MESSAGES } from '@/lib/domain/contracts/messages';
import { createTicket } from '@/lib/domain/helpdesk/commands/create';
import { applyTicketRouted } from '@/lib/domain/helpdesk/commands/from-workflow';
import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { autoCloseTicketsJob, HELPDESK_JOBS } from '@/lib/domain/helpdesk/jobs';
import { loadActor } from '@/lib/domain/identity/queries';
import { db, transaction } from '@/lib/server/db';
import { DEAD_LETTER_QUEUE, enqueue, stopJobs } from '@/lib/server/jobs/queue';
import { JOBS } from '@/lib/server/jobs/registry';
import { startJobs } from '@/lib/server/jobs/workers';
import { waitFor } from '../helpers/wait';

const actors: Record<string, Actor> = {};

beforeAll(async () => {
  await startJobs({ workers: true, jobs: HELPDESK_JOBS });
  for (const u of ['employee1', 'coordinator1']) {
    const user = await db.user.findUniqueOrThrow({ where: { username: u } });
    actors[u] = (await loadActor(user.id)) as Actor;
  }
});
afterAll(async () => {
  await stopJobs();
});

async function openTicket() {
  const t = await createTicket(actors.employee1, {
    subject: 'Jobs',
    description: 'Via workers',
    category: 'Others',
    sub_category: null,
    department: null,
  });
  await approveTicket(actors.coordinator1, t.id, { priority: 'Medium', department: 'IT Department' });
  return t;
}

describe('help-desk consumers in workers', () => {
  it('are registered, and the auto-close job has a cron schedule', () => {
    const names = JOBS.map((j) => j.name);
    expect(names).toEqual(
      expect.arrayContaining([
        MESSAGES.updateTicketOwner.name,
        MESSAGES.updateTicketAssignee.name,
        MESSAGES.ticketRouted.name,
        MESSAGES.syncTicketStatus.name,
        autoCloseTicketsJob.name,
      ]),
    );
    expect(autoCloseTicketsJob.cron).toBeTruthy();
  });

  it('owner update and status sync are applied once each', async () => {
    const t = await openTicket();
    const owner = await db.user.findUniqueOrThrow({ where: { username: 'coordinator2' } });
    await transaction(async (tx) => {
      await enqueue(tx, MESSAGES.updateTicketOwner, { ticket_number: t.ticket_number, owner_id: owner.id });
      await enqueue(tx, MESSAGES.syncTicketStatus, {
        ticket_number: t.ticket_number,
        status: 'In Progress',
        event_id: `w-${t.id}`,
        occurred_at: new Date().toISOString(),
      });
      await enqueue(tx, MESSAGES.syncTicketStatus, {
        ticket_number: t.ticket_number,
        status: 'In Progress',
        event_id: `w-${t.id}`,
        occurred_at: new Date().toISOString(),
      });
    });
    const row = await waitFor(
      () => db.ticket.findUniqueOrThrow({ where: { id: t.id } }),
      (r) => r.ownerId === owner.id && r.status === 'In Progress',
    );
    expect(row.status).toBe('In Progress');
    await waitFor(
      () => db.ticketSyncEvent.count({ where: { eventId: `w-${t.id}` } }),
      (n) => n === 1,
    );
    const changes = await db.ticketHistory.count({ where: { ticketId: t.id, type: 'STATUS_CHANGE', newValue: 'In Progress' } });
    expect(changes).toBe(1);
  });

  it('assignee updates from the workflow: the latest assignment wins whatever the delivery order, each applied once', async () => {
    const t = await openTicket();
    const [first, second] = await Promise.all(
      ['agent1', 'agent2'].map((u) => db.user.findUniqueOrThrow({ where: { username: u } })),
    );
    const base = 1_000_000 + t.id * 10; // task item ids: only their order matters to the help desk
    await transaction(async (tx) => {
      // The later assignment is sent first; the earlier one arrives after it, twice.
      await enqueue(tx, MESSAGES.updateTicketAssignee, {
        ticket_number: t.ticket_number,
        assignee_id: second.id,
        task_item_id: base + 2,
      });
    });
    await waitFor(
      () => db.ticket.findUniqueOrThrow({ where: { id: t.id } }),
      (r) => r.assigneeId === second.id,
    );
    await transaction(async (tx) => {
      await enqueue(tx, MESSAGES.updateTicketAssignee, {
        ticket_number: t.ticket_number,
        assignee_id: first.id,
        task_item_id: base + 1,
      });
      await enqueue(tx, MESSAGES.updateTicketAssignee, {
        ticket_number: t.ticket_number,
        assignee_id: first.id,
        task_item_id: base + 1,
      });
    });
    await waitFor(
      () => db.ticketSyncEvent.findMany({ where: { eventId: { in: [`assignee:${base + 1}`, `assignee:${base + 2}`] } } }),
      (r) => r.length === 2,
    );
    await waitFor(
      () =>
        db.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM pgboss.job WHERE name = ${MESSAGES.updateTicketAssignee.name} AND data->>'ticket_number' = ${t.ticket_number} AND state = 'completed'`,
      (r) => Number(r[0].n) === 3,
    );
    expect((await db.ticket.findUniqueOrThrow({ where: { id: t.id } })).assigneeId).toBe(second.id);
    expect(await db.ticketHistory.count({ where: { ticketId: t.id, type: 'ASSIGNMENT_CHANGE', field: 'assignee' } })).toBe(1);
  });

  const routedDelivery = (ticketNumber: string, o: { owner: number | null; assignee: number; item: number; due: string }) => ({
    ticket_number: ticketNumber,
    sla: { started_at: '2026-12-04T09:00:00.000Z', resolution_due_at: o.due, changed_at: '2026-12-04T09:00:00.000Z' },
    assignee: { assignee_id: o.assignee, task_item_id: o.item },
    owner_id: o.owner,
  });

  it("routing's one delivery sets the SLA target, first assignee and owner together, applied once however often it arrives", async () => {
    const t = await openTicket();
    const [owner, agent] = await Promise.all(
      ['coordinator2', 'agent1'].map((u) => db.user.findUniqueOrThrow({ where: { username: u } })),
    );
    const item = 2_000_000 + t.id;
    const due = '2026-12-05T17:00:00.000Z';
    await transaction(async (tx) => {
      for (let i = 0; i < 2; i++)
        await enqueue(
          tx,
          MESSAGES.ticketRouted,
          routedDelivery(t.ticket_number, { owner: owner.id, assignee: agent.id, item, due }),
        );
    });
    await waitFor(
      () =>
        db.$queryRaw<
          { n: bigint }[]
        >`SELECT count(*) AS n FROM pgboss.job WHERE name = ${MESSAGES.ticketRouted.name} AND data->>'ticket_number' = ${t.ticket_number} AND state = 'completed'`,
      (r) => Number(r[0].n) === 2,
    );
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect([row.ownerId, row.assigneeId, row.resolutionDueAt?.toISOString()]).toEqual([owner.id, agent.id, due]);
    const entries = await db.ticketHistory.findMany({
      where: { ticketId: t.id, field: { in: ['ticket_owner', 'assignee', 'resolution_due_at'] } },
    });
    expect(entries.map((e) => e.field).sort()).toEqual(['assignee', 'resolution_due_at', 'ticket_owner']);
    const owners = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM pgboss.job WHERE name = 'messaging.ticket_participant' AND data->>'ticket_number' = ${t.ticket_number}
        AND data->>'role' = 'owner'`;
    expect(Number(owners[0].n)).toBe(1);
  });

  it('a routing delivery older than an applied assignment keeps the later assignee and still sets the owner and target', async () => {
    const t = await openTicket();
    const [owner, first, later] = await Promise.all(
      ['coordinator2', 'agent1', 'agent2'].map((u) => db.user.findUniqueOrThrow({ where: { username: u } })),
    );
    const item = 3_000_000 + t.id * 10;
    await transaction((tx) =>
      enqueue(tx, MESSAGES.updateTicketAssignee, {
        ticket_number: t.ticket_number,
        assignee_id: later.id,
        task_item_id: item + 1,
      }),
    );
    await waitFor(
      () => db.ticket.findUniqueOrThrow({ where: { id: t.id } }),
      (r) => r.assigneeId === later.id,
    );
    await applyTicketRouted(
      routedDelivery(t.ticket_number, { owner: owner.id, assignee: first.id, item, due: '2026-12-06T12:00:00.000Z' }),
    );
    const row = await db.ticket.findUniqueOrThrow({ where: { id: t.id } });
    expect([row.ownerId, row.assigneeId, row.resolutionDueAt?.toISOString()]).toEqual([
      owner.id,
      later.id,
      '2026-12-06T12:00:00.000Z',
    ]);
  });

  it('a routing delivery naming no user as owner is refused with INVALID_OWNER and writes nothing', async () => {
    const t = await openTicket();
    const agent = await db.user.findUniqueOrThrow({ where: { username: 'agent1' } });
    const before = await db.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { history: true } });
    const events = await db.ticketSyncEvent.count({ where: { ticketNumber: t.ticket_number } });
    await expect(
      applyTicketRouted(
        routedDelivery(t.ticket_number, {
          owner: 2_000_000_000,
          assignee: agent.id,
          item: 4_000_000 + t.id,
          due: '2026-12-07T12:00:00.000Z',
        }),
      ),
    ).rejects.toMatchObject({ code: 'INVALID_OWNER' });
    expect(await db.ticket.findUniqueOrThrow({ where: { id: t.id }, include: { history: true } })).toEqual(before);
    expect(await db.ticketSyncEvent.count({ where: { ticketNumber: t.ticket_number } })).toBe(events);
  });

  it('an unknown ticket is dead-lettered with TICKET_NOT_FOUND', async () => {
    await transaction((tx) => enqueue(tx, MESSAGES.updateTicketOwner, { ticket_number: 'TX20990101123456', owner_id: 1 }));
    const dead = await waitFor(
      () =>
        db.$queryRaw<
          { code: string }[]
        >`SELECT data->>'code' AS code FROM pgboss.job WHERE name = ${DEAD_LETTER_QUEUE} AND data->'data'->>'ticket_number' = 'TX20990101123456'`,
      (rows) => rows.length > 0,
    );
    expect(dead[0].code).toBe('TICKET_NOT_FOUND');
  });
});
