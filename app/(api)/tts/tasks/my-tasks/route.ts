import { pageOutput } from '@/lib/domain/pagination';
import { myTaskOutput } from '@/lib/domain/workflow/outputs';
import { taskListQuery } from '@/lib/domain/workflow/schemas';
import { myTasks } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: "The caller's assignments (tab=active|inactive)",
    tags: ['tasks'],
    query: taskListQuery,
    output: pageOutput(myTaskOutput),
    responses: { 403: 'No workflow (TTS) role' },
    handler: ({ actor, query }) => myTasks(actor, query),
  }),
});
