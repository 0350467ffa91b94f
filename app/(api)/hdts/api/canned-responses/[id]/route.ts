import { deleteCannedResponse, getCannedResponse, updateCannedResponse } from '@/lib/domain/messaging/canned-responses';
import { cannedIdParam, cannedOutput, cannedPatch, cannedQuery } from '@/lib/domain/messaging/canned-schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary: 'One saved reply (its owner; a shared one all staff); `ticket` fills its placeholders (`filled_body`)',
    tags: ['canned-responses'],
    output: cannedOutput,
    params: cannedIdParam,
    query: cannedQuery,
    handler: ({ actor, params, query }) => getCannedResponse(actor, params.id, query),
  }),
  PATCH: endpoint({
    summary: 'Change a saved reply (a personal one its owner, a shared one admins); another’s personal reply is not found',
    tags: ['canned-responses'],
    output: cannedOutput,
    params: cannedIdParam,
    body: cannedPatch,
    handler: ({ actor, params, body }) => updateCannedResponse(actor, params.id, body),
  }),
  DELETE: endpoint({
    summary: 'Delete a saved reply (a personal one its owner, a shared one admins)',
    tags: ['canned-responses'],
    params: cannedIdParam,
    status: 204,
    handler: ({ actor, params }) => deleteCannedResponse(actor, params.id),
  }),
});
