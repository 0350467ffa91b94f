import { escalateOwnership } from '@/lib/domain/workflow/actions';
import { ownerEscalateOutput } from '@/lib/domain/workflow/outputs';
import { ownerEscalateInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Escalate ticket ownership to a help-desk admin (000 §TTS→HDTS 3)',
    tags: ['tasks'],
    body: ownerEscalateInput,
    status: 200,
    output: ownerEscalateOutput,
    responses: {
      403: 'Not the owning Ticket Coordinator',
      404: 'No such ticket in a workflow',
      409: 'Already escalated, the owner changed, or no help-desk admin can take it',
    },
    handler: ({ actor, body }) => escalateOwnership(actor, body),
  }),
});
