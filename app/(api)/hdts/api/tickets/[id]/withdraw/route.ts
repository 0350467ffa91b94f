import { withdrawTicket } from '@/lib/domain/helpdesk/commands/status';
import { ticketDetailOutput } from '@/lib/domain/helpdesk/outputs';
import { ticketParam, withdrawInput } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Withdraw a ticket (requester; not from Resolved, Closed, Withdrawn or Rejected)',
    tags: ['tickets'],
    params: ticketParam,
    body: withdrawInput,
    status: 200,
    output: ticketDetailOutput,
    responses: {
      404: 'No such ticket, or not visible to the caller',
      403: 'Only the requester can withdraw a ticket',
      409: 'The ticket changed since `expected_updated_at`: reload, then try again',
    },
    handler: ({ actor, params, body }) => withdrawTicket(actor, params.id, body.reason, body.expected_updated_at),
  }),
});
