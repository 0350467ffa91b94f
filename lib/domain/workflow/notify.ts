import type { Tx } from '@/lib/server/db';
import { enqueue } from '@/lib/server/jobs/boss';
import { NOTIFY_JOB } from '../notifications/schemas';

/** Tell a user about a new assignment (once per assignment, however often the job runs). */
export async function notifyAssignee(tx: Tx, a: { userId: number; taskItemId: number; taskId: number; ticketNumber: string; subject: string; stepName: string; origin: string }) {
  const why = a.origin === 'Escalation' ? 'escalated to you' : a.origin === 'Transferred' ? 'transferred to you' : 'assigned to you';
  await enqueue(tx, NOTIFY_JOB, {
    user_ids: [a.userId],
    type: 'task_assigned',
    title: `${a.ticketNumber}: ${a.stepName} ${why}`,
    message: a.subject,
    ticket_number: a.ticketNumber,
    link: `/agent/tasks/${a.taskId}`,
    dedupe_key: `task-item:${a.taskItemId}`,
  });
}
