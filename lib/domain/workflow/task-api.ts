/** 002's task writes (`POST /tasks/`, `PATCH /tasks/{id}/`), mapped onto the engine's own operations. */
import type { Actor } from '../actor';
import { performTaskAction } from './actions';
import { assignWorkflowManually } from './routing';
import type { TaskCreateInput, TaskUpdateInput } from './schemas';

/** Start a deployed workflow on a help-desk ticket no workflow took (TTS admins): the same as manual routing. */
export async function createTask(actor: Actor, input: TaskCreateInput) {
  const r = await assignWorkflowManually(actor, input.ticket_number, input.workflow_id);
  return {
    task_id: r.task_id,
    workflow_id: r.workflow_id,
    ticket_number: r.ticket_number,
    external_ticket_id: r.ticket_number,
    status: 'pending',
    message: 'Task created successfully',
  };
}

/** Finish a task at its last step (the assignee or a TTS admin); anywhere else it answers which transitions exist. */
export async function updateTask(actor: Actor, taskId: number, input: TaskUpdateInput) {
  const r = await performTaskAction(actor, taskId, { action_id: 'finalize', comment: input.notes ?? input.comment });
  return { task_id: taskId, status: r.status === 'completed' ? 'completed' : r.status, message: 'Task updated successfully' };
}
