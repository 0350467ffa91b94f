import { taskListQuery } from '@/lib/domain/workflow/schemas';
import { listTasks } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'List tasks (filters: status, assigned_user, priority, workflow_id, ticket_number, search)',
    tags: ['tasks'],
    query: taskListQuery,
    handler: ({ actor, query }) => listTasks(actor, query),
  }),
});
