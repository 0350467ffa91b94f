import { idParam } from '@/lib/domain/helpdesk/schemas';
import { deleteView } from '@/lib/domain/helpdesk/views';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  DELETE: endpoint({
    summary: 'Delete a saved view (its owner; a shared view also an admin); another’s private view is not found',
    tags: ['views'],
    params: idParam,
    status: 204,
    handler: ({ actor, params }) => deleteView(actor, params.id),
  }),
});
