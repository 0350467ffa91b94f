import { escalateTask } from '@/lib/domain/workflow/actions';
import { escalateInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: "Escalate an assignment to the step's escalate-to role (001 §7)",
    tags: ['tasks'],
    body: escalateInput,
    status: 200,
    handler: ({ actor, body }) => escalateTask(actor, body),
  }),
});
