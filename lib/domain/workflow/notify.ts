import { afterCommit, type Tx } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/queue';
import { publish } from '@/lib/server/realtime';
import { MESSAGES } from '../contracts/messages';
import { NOTIFY_MESSAGE } from '../contracts/notify';
import { participantChange, TICKET_PARTICIPANT_MESSAGE } from '../contracts/participants';
import { NOTIFICATION_TYPES } from '../notifications/schemas';

/**
 * A new assignment: the assignee joins the ticket's conversation (messaging participant, role agent) and
 * is notified once per assignment, however often the job runs. For escalations and transfers the
 * previous assignee hears that the work left them.
 */
export async function notifyAssignee(
  tx: Tx,
  a: {
    userId: number;
    taskItemId: number;
    taskId: number;
    ticketNumber: string;
    subject: string;
    stepName: string;
    origin: string;
    previousUserId?: number | null;
    /** The task's first assignment: the help desk learns of it in hdts.ticket_routed, not in a message of its own. */
    sentWithRouting?: boolean;
  },
) {
  const escalated = a.origin === 'Escalation';
  const transferred = a.origin === 'Transferred';
  // The dashboards of the people whose work changed re-read (no content in the event).
  afterCommit(tx, () => {
    publish(`user:${a.userId}`, 'tasks_changed', {});
    if (a.previousUserId) publish(`user:${a.previousUserId}`, 'tasks_changed', {});
  });
  const why = escalated ? 'escalated to you' : transferred ? 'transferred to you' : 'assigned to you';
  await enqueue(
    tx,
    TICKET_PARTICIPANT_MESSAGE,
    participantChange({ ticket_number: a.ticketNumber, user_id: a.userId, role: 'agent' }),
  );
  // The help desk records the agent as the ticket's assignee: they may then download its attachments.
  if (!a.sentWithRouting)
    await enqueue(tx, MESSAGES.updateTicketAssignee, {
      ticket_number: a.ticketNumber,
      assignee_id: a.userId,
      task_item_id: a.taskItemId,
    });
  await enqueue(tx, NOTIFY_MESSAGE, {
    user_ids: [a.userId],
    type: escalated
      ? NOTIFICATION_TYPES.taskEscalatedIn
      : transferred
        ? NOTIFICATION_TYPES.taskTransferredIn
        : NOTIFICATION_TYPES.taskAssigned,
    title: `${a.ticketNumber}: ${a.stepName} ${why}`,
    message: a.subject,
    ticket_number: a.ticketNumber,
    link: `/agent/tasks/${a.taskId}`,
    dedupe_key: `task-item:${a.taskItemId}`,
  });
  if (a.previousUserId && (escalated || transferred)) {
    await enqueue(tx, NOTIFY_MESSAGE, {
      user_ids: [a.previousUserId],
      type: escalated ? NOTIFICATION_TYPES.taskEscalatedOut : NOTIFICATION_TYPES.taskTransferredOut,
      title: `${a.ticketNumber}: ${a.stepName} ${escalated ? 'was escalated' : 'was transferred to someone else'}`,
      message: a.subject,
      ticket_number: a.ticketNumber,
      link: `/agent/tasks/${a.taskId}`,
      dedupe_key: `task-item:${a.taskItemId}:out`,
    });
  }
}

/** Assignments whose work went to someone else; any other status keeps the assignee in the conversation. */
const HANDED_OVER = ['reassigned', 'escalated'];

/**
 * The work left `userId` (transferred or escalated away): they leave the ticket's conversation unless they
 * still hold, or have completed, another assignment on the ticket. Call after the handed-over assignment is
 * updated and the new one created, inside the same transaction.
 */
export async function releaseAssignee(tx: Tx, a: { ticketNumber: string; userId: number }) {
  const stays = await tx.taskItem.count({
    where: { userId: a.userId, status: { notIn: HANDED_OVER }, task: { ticket: { ticketNumber: a.ticketNumber } } },
  });
  if (!stays)
    await enqueue(
      tx,
      TICKET_PARTICIPANT_MESSAGE,
      participantChange({ ticket_number: a.ticketNumber, user_id: a.userId, role: 'agent', remove: true }),
    );
}

/**
 * A task or its ownership changed: pages showing it (agent task page, coordinator's owned ticket) re-read.
 * Sent after commit to the ticket's staff room only; it carries no content.
 */
export function publishTaskChange(tx: Tx, c: { ticketNumber: string; taskId: number; action: string }) {
  afterCommit(tx, () =>
    publish(`ticket:${c.ticketNumber}:internal`, 'ticket_update', {
      type: 'ticket_update',
      source: 'workflow',
      ticket_number: c.ticketNumber,
      task_id: c.taskId,
      action: c.action,
    }),
  );
}
