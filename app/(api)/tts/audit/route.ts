import { pageOutput } from '@/lib/domain/pagination';
import { auditEntryOutput } from '@/lib/domain/workflow/outputs';
import { auditQuery } from '@/lib/domain/workflow/schemas';
import { workflowAudit } from '@/lib/domain/workflow/task-queries';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary:
      'Audit log (admins), newest first; filters: context (default workflow), task_id, entity_type, entity_id, user_id, actor (e-mail contains), action, start_date, end_date (not before start_date). Each entry carries its old and new values.',
    tags: ['audit'],
    query: auditQuery,
    output: pageOutput(auditEntryOutput),
    responses: { 403: 'Not an administrator' },
    handler: ({ actor, query }) => workflowAudit(actor, query),
  }),
});
