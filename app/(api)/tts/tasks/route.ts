import { pageOutput } from '@/lib/domain/pagination';
import { taskCreateInput, taskCreateOutput, taskListQuery, taskOutput } from '@/lib/domain/workflow/schemas';
import { createTask } from '@/lib/domain/workflow/task-api';
import { listTasks } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'List tasks (filters: status, assigned_user, priority, workflow_id, ticket_number, search)',
    tags: ['tasks'],
    query: taskListQuery,
    output: pageOutput(taskOutput),
    handler: ({ actor, query }) => listTasks(actor, query),
  }),
  POST: endpoint({
    summary: 'Create a task (002): start a deployed workflow on a help-desk ticket that no workflow took (TTS admins)',
    description:
      'A task is a workflow running on a ticket: name the ticket (`ticket_number`, or `external_ticket_id` / `ticket_id`). ' +
      '`title`, `description` and `priority` come from the ticket and are refused here. Same operation as ' +
      '`POST /tts/unassigned-tickets/{ticket_number}/assign/`.',
    tags: ['tasks'],
    body: taskCreateInput,
    output: taskCreateOutput,
    responses: {
      403: 'Not a workflow administrator',
      404: 'No such ticket or workflow',
      409: 'Already in a workflow, or the workflow is not deployed',
    },
    handler: ({ actor, body }) => createTask(actor, body),
  }),
});
