import { taskListQuery } from '@/lib/domain/workflow/schemas';
import { myTasks } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "The caller's assignments (tab=active|inactive)",
    tags: ['tasks'],
    query: taskListQuery,
    handler: ({ actor, query }) => myTasks(actor, query),
  }),
});
