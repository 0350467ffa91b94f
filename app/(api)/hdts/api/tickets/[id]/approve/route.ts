import { approveTicket } from '@/lib/domain/helpdesk/commands/triage';
import { ticketDetailOutput } from '@/lib/domain/helpdesk/outputs';
import { approveInput, ticketParam } from '@/lib/domain/helpdesk/schemas';
import { endpoint, route } from '@/lib/server/http';

export const { GET, POST, PUT, PATCH, DELETE } = route({
  POST: endpoint({
    summary: 'Approve a New ticket (coordinators): priority and department; sends it to the workflow engine',
    tags: ['tickets'],
    params: ticketParam,
    body: approveInput,
    status: 200,
    output: ticketDetailOutput,
    responses: {
      404: 'No such ticket, or not visible to the caller',
      403: 'Only ticket coordinators and admins can approve',
      409: 'The ticket changed since `expected_updated_at`: reload, then try again',
    },
    handler: ({ actor, params, body }) => approveTicket(actor, params.id, body),
  }),
});
