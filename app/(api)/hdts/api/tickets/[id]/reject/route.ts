import { rejectTicket } from '@/lib/domain/helpdesk/commands/triage';
import { ticketDetailOutput } from '@/lib/domain/helpdesk/outputs';
import { rejectInput, ticketParam } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Reject a New ticket with a reason the requester sees (coordinators)',
    tags: ['tickets'],
    params: ticketParam,
    body: rejectInput,
    status: 200,
    output: ticketDetailOutput,
    responses: {
      404: 'No such ticket, or not visible to the caller',
      403: 'Only ticket coordinators and admins can reject',
      409: 'The ticket changed since `expected_updated_at`: reload, then try again',
    },
    handler: ({ actor, params, body }) => rejectTicket(actor, params.id, body.rejection_reason, body.expected_updated_at),
  }),
});
