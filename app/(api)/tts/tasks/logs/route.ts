import { taskLogsOutput } from '@/lib/domain/workflow/outputs';
import { logsQuery } from '@/lib/domain/workflow/schemas';
import { taskLogs } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Action logs of a ticket (000 §4)',
    tags: ['tasks'],
    query: logsQuery,
    output: taskLogsOutput,
    responses: { 404: 'No such task (or not visible)' },
    handler: ({ actor, query }) => taskLogs(actor, query),
  }),
});
