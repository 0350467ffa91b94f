import type { Tx } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/boss';
import { TICKET_PARTICIPANT_JOB } from '../messaging/schemas';
import { NOTIFY_JOB, NOTIFICATION_TYPES } from '../notifications/schemas';

/**
 * A new assignment: the assignee joins the ticket's conversation (messaging participant, role agent) and
 * is notified once per assignment, however often the job runs. For escalations and transfers the
 * previous assignee hears that the work left them.
 */
export async function notifyAssignee(
  tx: Tx,
  a: { userId: number; taskItemId: number; taskId: number; ticketNumber: string; subject: string; stepName: string; origin: string; previousUserId?: number | null },
) {
  const escalated = a.origin === 'Escalation';
  const transferred = a.origin === 'Transferred';
  const why = escalated ? 'escalated to you' : transferred ? 'transferred to you' : 'assigned to you';
  await enqueue(tx, TICKET_PARTICIPANT_JOB, { ticket_number: a.ticketNumber, user_id: a.userId, role: 'agent' });
  await enqueue(tx, NOTIFY_JOB, {
    user_ids: [a.userId],
    type: escalated ? NOTIFICATION_TYPES.taskEscalatedIn : transferred ? NOTIFICATION_TYPES.taskTransferredIn : NOTIFICATION_TYPES.taskAssigned,
    title: `${a.ticketNumber}: ${a.stepName} ${why}`,
    message: a.subject,
    ticket_number: a.ticketNumber,
    link: `/agent/tasks/${a.taskId}`,
    dedupe_key: `task-item:${a.taskItemId}`,
  });
  if (a.previousUserId && (escalated || transferred)) {
    await enqueue(tx, NOTIFY_JOB, {
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
