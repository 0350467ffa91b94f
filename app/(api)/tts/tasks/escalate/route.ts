import { escalateTask } from '@/lib/domain/workflow/actions';
import { escalateOutput } from '@/lib/domain/workflow/outputs';
import { escalateInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: "Escalate an assignment to the step's escalate-to role (001 §7)",
    tags: ['tasks'],
    body: escalateInput,
    status: 200,
    output: escalateOutput,
    responses: {
      403: 'Not assigned to this task',
      404: 'No such assignment (or not visible)',
      409: 'Already escalated or completed, or the escalation role has no active member',
    },
    handler: ({ actor, body }) => escalateTask(actor, body),
  }),
});
