import { pageOutput } from '@/lib/domain/pagination';
import { taskListQuery, taskOutput } from '@/lib/domain/workflow/schemas';
import { allTasks } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Every task (admins)',
    tags: ['tasks'],
    query: taskListQuery,
    output: pageOutput(taskOutput),
    handler: ({ actor, query }) => allTasks(actor, query),
  }),
});
