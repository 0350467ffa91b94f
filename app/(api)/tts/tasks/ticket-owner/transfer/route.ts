import { transferOwnership } from '@/lib/domain/workflow/actions';
import { ownerTransferInput } from '@/lib/domain/workflow/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Transfer ticket ownership to another coordinator (000 §TTS→HDTS 4; HDTS or TTS admins)',
    tags: ['tasks'],
    body: ownerTransferInput,
    status: 200,
    handler: ({ actor, body }) => transferOwnership(actor, body),
  }),
});
