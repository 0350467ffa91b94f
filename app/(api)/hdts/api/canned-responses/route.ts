import { createCannedResponse, listCannedResponses } from '@/lib/domain/messaging/canned-responses';
import { cannedInput, cannedListOutput, cannedOutput, cannedQuery } from '@/lib/domain/messaging/canned-schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  GET: endpoint({
    summary:
      'Saved replies of the caller and the shared ones (staff); `ticket` fills their placeholders for that ticket (`filled_body`)',
    tags: ['canned-responses'],
    output: cannedListOutput,
    query: cannedQuery,
    handler: ({ actor, query }) => listCannedResponses(actor, query),
  }),
  POST: endpoint({
    summary:
      'Save a reply (staff): a title and a body with placeholders such as {{requester.name}}; `shared` (admins) offers it to all staff',
    tags: ['canned-responses'],
    output: cannedOutput,
    body: cannedInput,
    status: 201,
    handler: ({ actor, body }) => createCannedResponse(actor, body),
  }),
});
