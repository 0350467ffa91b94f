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
    handler: ({ actor, params, body }) => withdrawTicket(actor, params.id, body.reason, body.expected_updated_at),
  }),
});
