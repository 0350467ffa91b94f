import { auditQuery } from '@/lib/domain/workflow/schemas';
import { workflowAudit } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'Workflow audit log (filters: task_id, user_id, action, start_date, end_date; admins)',
    tags: ['audit'],
    query: auditQuery,
    handler: ({ actor, query }) => workflowAudit(actor, query),
  }),
});
