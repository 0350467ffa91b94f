/**
 * Pause conditions (issue 11): tts.update_sla_status tells the workflow each help-desk status change of a routed
 * ticket. While the status is one of the workflow's pausing statuses (`pause_statuses`, On Hold by default) the
 * task's clock stops: a pause row opens, the monitor stops checking (no `sla_next_at`) and the open assignments'
 * histories say so. Leaving such a status (an agent resumes work, the requester replies) closes the pause and the
 * due instants move by the paused business time (recomputeTaskClock), everywhere at once. The same delivery keeps
 * the workflow's copy of the help-desk status (`hdts_status`) current, ordered by `changed_at`.
 */
import { transaction } from '@/lib/server/db';
import type { SlaStatusPayload } from '../contracts/messages';
import { recomputeTaskClock } from './sla-clock';
import { OPEN_ITEM, OPEN_TASK } from './snapshot';

export const DEFAULT_PAUSE_STATUSES = ['On Hold'];
/** Final in the help desk: a later delivery claiming another status is stale and leaves the copy alone. */
const FINAL_HDTS = ['Withdrawn', 'Rejected'];

export async function updateSlaStatus(p: SlaStatusPayload) {
  await transaction(async (tx) => {
    const [ticket] = await tx.$queryRaw<{ id: number; payload: Record<string, unknown> | null; hdts_status: string }[]>`
      SELECT id, payload, hdts_status FROM "workflow"."tickets" WHERE ticket_number = ${p.ticket_number} FOR UPDATE`;
    // retried, not dead-lettered at once: the ticket's tts.process_ticket may still be on its way
    if (!ticket) throw new Error(`Ticket ${p.ticket_number} has not reached the workflow engine yet`);
    const stored = ticket.payload ?? {};
    const previous =
      typeof stored.sla_status_changed_at === 'string' ? Date.parse(stored.sla_status_changed_at) : Number.NEGATIVE_INFINITY;
    const at = new Date(p.changed_at);
    if (previous > at.getTime()) return;
    await tx.workflowTicket.update({
      where: { id: ticket.id },
      data: {
        payload: { ...stored, sla_status: p.status, sla_status_changed_at: p.changed_at },
        // The workflow's copy of the help-desk status follows every change, newest first (issue 16).
        ...(FINAL_HDTS.includes(ticket.hdts_status) ? {} : { hdtsStatus: p.status }),
      },
    });
    const task = await tx.task.findFirst({
      where: { ticketId: ticket.id, status: { in: OPEN_TASK } },
      orderBy: { id: 'desc' },
      include: { items: { where: { status: { in: OPEN_ITEM } }, select: { id: true } } },
    });
    if (!task) return;
    const wf = await tx.workflow.findUnique({ where: { id: task.workflowId }, select: { pauseStatuses: true } });
    const pausing = (wf?.pauseStatuses ?? DEFAULT_PAUSE_STATUSES).includes(p.status);
    if (pausing && !task.slaPausedAt) {
      await tx.slaPause.create({ data: { taskId: task.id, reason: p.status, startedAt: at } });
      await tx.task.update({ where: { id: task.id }, data: { slaPausedAt: at } });
      await tx.taskItem.updateMany({ where: { id: { in: task.items.map((i) => i.id) } }, data: { slaNextAt: null } });
      await tx.taskItemHistory.createMany({
        data: task.items.map((i) => ({
          taskItemId: i.id,
          status: 'sla_paused',
          origin: 'System',
          notes: `SLA clock paused: the ticket is ${p.status}${p.note ? ` (${p.note})` : ''}`,
          createdAt: at,
        })),
      });
      await recomputeTaskClock(tx, task.id, at);
    } else if (!pausing && task.slaPausedAt) {
      await tx.slaPause.updateMany({ where: { taskId: task.id, endedAt: null }, data: { endedAt: at } });
      await tx.task.update({ where: { id: task.id }, data: { slaPausedAt: null } });
      await tx.taskItemHistory.createMany({
        data: task.items.map((i) => ({
          taskItemId: i.id,
          status: 'sla_resumed',
          origin: 'System',
          notes: `SLA clock resumed: the ticket is ${p.status}${p.note ? ` (${p.note})` : ''}`,
          createdAt: at,
        })),
      });
      await recomputeTaskClock(tx, task.id, at);
    }
  });
}
