/**
 * The SLA monitor with an injected clock: each threshold (80 / 90 / 100 %) fires once per assignment, even
 * run twice or by two workers at once; a breach is written into the assignment's history, told to the
 * assignee and the owner, and escalated exactly once where the step has an escalate-to role.
 */
import { describe, expect, it } from 'vitest';
import { processTicket } from '@/lib/domain/workflow/routing';
import { runSlaMonitor } from '@/lib/domain/workflow/sla-monitor';
import { asSnapshot } from '@/lib/domain/workflow/snapshot';
import { db } from '@/lib/server/db';
import { jobsFor, payload, taskOf, threeStepWorkflow } from './workflow-support';

async function routed(o: Parameters<typeof threeStepWorkflow>[0] = {}) {
  const wf = await threeStepWorkflow({ members: [1, 1, 1], ...o });
  const p = payload({ department: wf.department });
  await processTicket(p);
  const task = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
  const item = task.items[0];
  const start = (item.slaStartedAt as Date).getTime();
  const window = (item.targetResolution as Date).getTime() - start;
  const at = (pct: number) => new Date(start + (window * pct) / 100);
  return { wf, p, task, item, at };
}

const levelOf = async (id: number) => (await db.taskItem.findUniqueOrThrow({ where: { id } })).slaLevel;

const notifies = async (ticket: string) =>
  (await jobsFor('notifications.notify', ticket)).map((j) => j.data as { type: string; user_ids: number[]; dedupe_key: string });

describe('SLA monitor', () => {
  it('does nothing before 80 %, warns at 80 % and 90 % once each, however often it runs', async () => {
    const { p, item, at } = await routed();
    expect(item.slaNextAt?.getTime()).toBe(at(80).getTime());
    await runSlaMonitor(at(79));
    expect(await levelOf(item.id)).toBe(0);
    await runSlaMonitor(at(81));
    expect(await levelOf(item.id)).toBe(80);
    await runSlaMonitor(at(82));
    await runSlaMonitor(at(91));
    expect(await levelOf(item.id)).toBe(90);
    await runSlaMonitor(at(92));
    const warn = (await notifies(p.ticket_number)).filter((n) => n.type === 'sla_warning');
    expect(warn.map((n) => n.dedupe_key)).toEqual([`sla:item:${item.id}:80`, `sla:item:${item.id}:90`]);
    expect(warn.every((n) => n.user_ids.length === 1 && n.user_ids[0] === item.userId)).toBe(true);
    const hist = await db.taskItemHistory.findMany({ where: { taskItemId: item.id }, orderBy: { id: 'asc' } });
    expect(hist.map((h) => h.status)).toEqual(['new', 'warned', 'at_risk']);
  });

  it('a breach is recorded, told to assignee and owner, and escalated exactly once (same step, same target)', async () => {
    const { wf, p, task, item, at } = await routed();
    await runSlaMonitor(at(101)); // catching up: straight to the breach, no stale warnings
    await runSlaMonitor(at(150));
    const after = (await taskOf(p.ticket_number)) as NonNullable<Awaited<ReturnType<typeof taskOf>>>;
    expect(after.items.map((i) => [i.status, i.origin])).toEqual([
      ['escalated', 'System'],
      ['new', 'Escalation'],
    ]);
    const esc = after.items[1];
    expect(esc.userId).toBe(wf.roles.escalation.users[0].id);
    expect(esc.stepId).toBe(item.stepId);
    expect(esc.targetResolution?.toISOString()).toBe(item.targetResolution?.toISOString());
    expect(esc.slaLevel).toBe(100);
    const breach = (await notifies(p.ticket_number)).filter((n) => n.type === 'sla_breached');
    expect(breach).toHaveLength(1);
    expect(breach[0].user_ids.sort()).toEqual([item.userId, task.ownerId].sort());
    const hist = await db.taskItemHistory.findMany({ where: { taskItemId: item.id }, orderBy: { id: 'asc' } });
    expect(hist.map((h) => h.status)).toEqual(['new', 'breached', 'escalated']);
  });

  it('two workers at once fire each threshold once', async () => {
    const { p, item, at } = await routed();
    await Promise.all([runSlaMonitor(at(85)), runSlaMonitor(at(85))]);
    expect(await db.taskItemHistory.count({ where: { taskItemId: item.id, status: 'warned' } })).toBe(1);
    const warn = (await notifies(p.ticket_number)).filter((n) => n.dedupe_key === `sla:item:${item.id}:80`);
    expect(warn).toHaveLength(1);
    await Promise.all([runSlaMonitor(at(120)), runSlaMonitor(at(120))]);
    expect(await db.taskItemHistory.count({ where: { taskItemId: item.id, status: 'breached' } })).toBe(1);
    expect(await db.taskItem.count({ where: { taskId: item.taskId, origin: 'Escalation' } })).toBe(1);
  });

  it('no escalation where the step has no escalate-to role; the breach is still recorded', async () => {
    const { task, item, at } = await routed();
    const snap = asSnapshot(task.version.snapshot);
    const end = snap.steps.find((s) => s.is_end) as (typeof snap.steps)[number];
    expect(end.escalate_to_role_id).toBeNull();
    // the assignment sits on the end step (Verification), which has no escalate-to role
    await db.taskItem.update({ where: { id: item.id }, data: { stepId: end.id, stepName: end.name } });
    await runSlaMonitor(at(100));
    expect(await levelOf(item.id)).toBe(100);
    expect(await db.taskItemHistory.count({ where: { taskItemId: item.id, status: 'breached' } })).toBe(1);
    expect(await db.taskItem.count({ where: { taskId: item.taskId } })).toBe(1);
    expect((await db.taskItem.findUniqueOrThrow({ where: { id: item.id } })).slaNextAt).toBeNull();
  });

  it('a finished assignment is never warned, and leaves the schedule', async () => {
    const { item, at } = await routed();
    await db.taskItem.update({ where: { id: item.id }, data: { status: 'resolved', actedOn: at(50) } });
    await runSlaMonitor(at(200));
    expect(await levelOf(item.id)).toBe(0);
    expect(await db.taskItemHistory.count({ where: { taskItemId: item.id, status: { not: 'new' } } })).toBe(0);
    expect((await db.taskItem.findUniqueOrThrow({ where: { id: item.id } })).slaNextAt).toBeNull();
  });

  it('the ticket’s resolution target tells its owner at each threshold', async () => {
    const { p, task } = await routed();
    const t = await db.task.findUniqueOrThrow({ where: { id: task.id } });
    const w = (t.targetResolution as Date).getTime() - t.startedAt.getTime();
    await runSlaMonitor(new Date(t.startedAt.getTime() + w * 0.95));
    expect((await db.task.findUniqueOrThrow({ where: { id: task.id } })).slaLevel).toBe(90);
    const n = (await notifies(p.ticket_number)).filter((x) => x.dedupe_key === `sla:task:${task.id}:90`);
    expect(n).toHaveLength(1);
    expect(n[0].user_ids).toEqual([t.ownerId]);
  });
});
