import { pageOutput } from '@/lib/domain/pagination';
import { allTasks } from '@/lib/domain/workflow/all-tasks';
import { allTasksQuery, taskOutput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary:
      'Every task (admins), soonest due first; filters: status, workflow_id, step_id (current step), assigned_user, sla (on_track, at_risk, breached: open tasks), priority, search. An unknown workflow, step or user is a 400.',
    tags: ['tasks'],
    query: allTasksQuery,
    output: pageOutput(taskOutput),
    handler: ({ actor, query }) => allTasks(actor, query),
  }),
});
