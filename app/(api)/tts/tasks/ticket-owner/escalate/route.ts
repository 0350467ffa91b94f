import { escalateOwnership } from '@/lib/domain/workflow/actions';
import { ownerEscalateInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Escalate ticket ownership to a help-desk admin (000 §TTS→HDTS 3)',
    tags: ['tasks'],
    body: ownerEscalateInput,
    status: 200,
    handler: ({ actor, body }) => escalateOwnership(actor, body),
  }),
});
