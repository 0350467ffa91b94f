import { submitCsat } from '@/lib/domain/helpdesk/commands/csat';
import { csatOutput } from '@/lib/domain/helpdesk/outputs';
import { csatInput, ticketParam } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Rate a Closed ticket 1–5 with optional feedback (requester, once)',
    tags: ['tickets'],
    params: ticketParam,
    body: csatInput,
    output: csatOutput,
    responses: {
      404: 'No such ticket, or not visible to the caller',
      403: 'Only the requester can rate a ticket',
      409: 'The ticket has already been rated',
    },
    handler: ({ actor, params, body }) => submitCsat(actor, params.id, body),
  }),
});
