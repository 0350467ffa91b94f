import { transferOwnership } from '@/lib/domain/workflow/actions';
import { ownerTransferOutput } from '@/lib/domain/workflow/outputs';
import { ownerTransferInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Transfer ticket ownership to another coordinator (000 §TTS→HDTS 4; HDTS or TTS admins)',
    tags: ['tasks'],
    body: ownerTransferInput,
    status: 200,
    output: ownerTransferOutput,
    responses: {
      403: 'Not an administrator',
      404: 'No such ticket in a workflow, or no such user',
      409: 'The owner changed since expected_owner_id',
    },
    handler: ({ actor, body }) => transferOwnership(actor, body),
  }),
});
